import { randomBytes, randomUUID, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { audit, type Actor } from './audit';
import { type RoleCode } from '../domain/roles';
import { type Db } from './connect';

export type { RoleCode } from '../domain/roles';

export interface Account {
  id: string;
  login: string;
  displayName: string;
  personId: string | null;
  unitCode: string | null;
  disabled: boolean;
  /** Locked after repeated failed logins, until an administrator unlocks it. */
  locked: boolean;
  /** The password was set by an administrator (or is the first): the user must change it before anything else. */
  mustChangePassword: boolean;
  email: string | null;
  roles: { role: RoleCode; unitCode: string | null }[];
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash` (base64); the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(key, expected);
}

export interface NewAccount {
  login: string;
  password: string;
  displayName: string;
  personId?: string;
  unitCode?: string;
  roles: { role: RoleCode; unitCode?: string | null }[];
  /** The password is a temporary one the administrator hands over: changed at the first login. */
  mustChangePassword?: boolean;
}

/** Creates an account with its role memberships; the login must be new. */
export async function createAccount(db: Db, by: Actor, input: NewAccount): Promise<string> {
  if (!/^[A-Za-z0-9._-]{2,64}$/.test(input.login)) throw new Error(`invalid login name: ${input.login}`);
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('accounts').values({
      id, login: input.login, password_hash: passwordHash, display_name: input.displayName,
      person_id: input.personId ?? null, unit_code: input.unitCode ?? null, disabled: 0, created_at: by.at,
      must_change_password: input.mustChangePassword ? 1 : 0,
    }).execute();
    for (const m of input.roles) await grantRole(trx, by, id, m.role, m.unitCode ?? null);
    await audit(trx, by, 'create', 'accounts', id, { login: input.login, roles: input.roles });
  });
  return id;
}

export async function grantRole(db: Db, by: Actor, accountId: string, role: RoleCode, unitCode: string | null): Promise<void> {
  await db.insertInto('memberships').values({ id: randomUUID(), account_id: accountId, role_code: role, unit_code: unitCode }).execute();
  await audit(db, by, 'grant-role', 'accounts', accountId, { role, unitCode });
}

/** Sets a new password (scrypt hash); audited without the password. */
export async function setPassword(db: Db, by: Actor, accountId: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set({ password_hash: hash }).where('id', '=', accountId).execute();
    await audit(trx, by, 'set-password', 'accounts', accountId);
  });
}

/** A login attempt's outcome: the account, or why not. Only who knows the password learns it is disabled or locked. */
export type LoginOutcome = { account: Account } | { refused: 'wrong' | 'disabled' | 'locked' };

export async function attemptLogin(db: Db, login: string, password: string): Promise<LoginOutcome> {
  const row = await db.selectFrom('accounts').select(['id', 'password_hash', 'disabled', 'locked_at']).where('login', '=', login).executeTakeFirst();
  // An unknown login costs one hash verification like a known one, so the answer's timing does not tell which
  // logins exist; a disabled or locked account is refused only after its password was checked, for the same reason.
  const matches = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
  if (!row || !matches) return { refused: 'wrong' };
  if (row.disabled) return { refused: 'disabled' };
  if (row.locked_at) return { refused: 'locked' };
  const account = await getAccount(db, row.id);
  return account ? { account } : { refused: 'wrong' };
}

/** Checks login and password; returns the account, or undefined for an unknown login, wrong password, disabled or locked account. */
export async function authenticate(db: Db, login: string, password: string): Promise<Account | undefined> {
  const outcome = await attemptLogin(db, login, password);
  return 'account' in outcome ? outcome.account : undefined;
}

let dummy: Promise<string> | undefined;
/** A hash of a random password with the current parameters, verified in place of an unknown login's. */
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

export async function getAccount(db: Db, id: string): Promise<Account | undefined> {
  const row = await db.selectFrom('accounts').leftJoin('people', 'people.id', 'accounts.person_id')
    .select(['accounts.id', 'login', 'display_name', 'person_id', 'accounts.unit_code', 'disabled', 'locked_at', 'must_change_password', 'people.email'])
    .where('accounts.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const roles = await db.selectFrom('memberships').select(['role_code', 'unit_code']).where('account_id', '=', id)
    .orderBy('role_code').execute();
  return {
    id: row.id, login: row.login, displayName: row.display_name, personId: row.person_id, unitCode: row.unit_code,
    disabled: row.disabled === 1, locked: row.locked_at !== null, mustChangePassword: row.must_change_password === 1, email: row.email ?? null,
    roles: roles.map((r) => ({ role: r.role_code as RoleCode, unitCode: r.unit_code })),
  };
}

export async function findAccountByLogin(db: Db, login: string): Promise<Account | undefined> {
  const row = await db.selectFrom('accounts').select('id').where('login', '=', login).executeTakeFirst();
  return row ? getAccount(db, row.id) : undefined;
}

/** Accounts holding a role, optionally only for one unit (a unit's own staff, a department's handlers). */
export async function accountsWithRole(db: Db, role: RoleCode, unitCode?: string): Promise<Account[]> {
  let q = db.selectFrom('memberships').innerJoin('accounts', 'accounts.id', 'memberships.account_id')
    .select('accounts.id').distinct().where('role_code', '=', role).where('accounts.disabled', '=', 0);
  if (unitCode !== undefined) q = q.where('memberships.unit_code', '=', unitCode);
  const ids = await q.orderBy('accounts.id').execute();
  const accounts = await Promise.all(ids.map((r) => getAccount(db, r.id)));
  return accounts.filter((a): a is Account => a !== undefined);
}

/** Accounts linked to given people (team members and leaders). */
export async function accountsOfPeople(db: Db, personIds: string[]): Promise<Account[]> {
  if (personIds.length === 0) return [];
  const ids = await db.selectFrom('accounts').select('id').where('person_id', 'in', personIds).where('disabled', '=', 0).execute();
  const accounts = await Promise.all(ids.map((r) => getAccount(db, r.id)));
  return accounts.filter((a): a is Account => a !== undefined);
}

/** Candidate groups for the task list: plain roles plus `unit:<code>` / `department:<code>` scopes. */
export function candidateGroupsOf(account: Account): string[] {
  const groups = new Set<string>();
  for (const r of account.roles) {
    groups.add(r.role);
    if (r.unitCode && (r.role === 'unit' || r.role === 'department')) groups.add(`${r.role}:${r.unitCode}`);
  }
  return [...groups].sort();
}
