import { randomBytes, randomUUID } from 'node:crypto';
import { passwordProblems, type PasswordPolicy } from '../domain/password-policy';
import { type RoleCode } from '../domain/roles';
import { createAccount, getAccount, hashPassword, verifyPassword, type Account, type NewAccount } from './accounts';
import { audit, type Actor } from './audit';
import { type Db } from './connect';
import { hashToken } from './sessions';

/** A password the policy refuses; `problems` are the Chinese sentences the user reads. */
export class PasswordPolicyError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(''));
    this.name = 'PasswordPolicyError';
  }
}

/** A change the administration refuses (unknown account, a login taken …), in Chinese. */
export class AccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountError';
  }
}

function checkPolicy(password: string, login: string, policy: PasswordPolicy): void {
  const problems = passwordProblems(password, login, policy);
  if (problems.length) throw new PasswordPolicyError(problems);
}

export interface AccountRow extends Account {
  personName: string | null;
  unitName: string | null;
  createdAt: string;
  passwordChangedAt: string | null;
}

/** Every account with its person, unit and roles, by login. */
export async function listAccounts(db: Db): Promise<AccountRow[]> {
  const rows = await db.selectFrom('accounts')
    .leftJoin('people', 'people.id', 'accounts.person_id')
    .leftJoin('units', 'units.code', 'accounts.unit_code')
    .select(['accounts.id', 'login', 'display_name', 'person_id', 'accounts.unit_code', 'disabled', 'locked_at', 'must_change_password',
      'people.email', 'people.name as personName', 'units.name as unitName', 'accounts.created_at', 'password_changed_at'])
    .orderBy('login').execute();
  const memberships = await db.selectFrom('memberships').select(['account_id', 'role_code', 'unit_code']).orderBy('role_code').execute();
  return rows.map((r) => ({
    id: r.id, login: r.login, displayName: r.display_name, personId: r.person_id, unitCode: r.unit_code,
    disabled: r.disabled === 1, locked: r.locked_at !== null, mustChangePassword: r.must_change_password === 1, email: r.email ?? null,
    roles: memberships.filter((m) => m.account_id === r.id).map((m) => ({ role: m.role_code as RoleCode, unitCode: m.unit_code })),
    personName: r.personName ?? null, unitName: r.unitName ?? null, createdAt: r.created_at, passwordChangedAt: r.password_changed_at,
  }));
}

async function accountOrFail(db: Db, id: string): Promise<Account> {
  const account = await getAccount(db, id);
  if (!account) throw new AccountError('账号不存在。');
  return account;
}

/** Creates an account whose first password the administrator hands over: it must be changed at the first login. */
export async function createAccountByAdmin(db: Db, by: Actor, input: NewAccount, policy: PasswordPolicy): Promise<string> {
  checkPolicy(input.password, input.login, policy);
  const taken = await db.selectFrom('accounts').select('id').where('login', '=', input.login).executeTakeFirst();
  if (taken) throw new AccountError(`用户名 ${input.login} 已被使用。`);
  return createAccount(db, by, { ...input, mustChangePassword: input.mustChangePassword ?? true });
}

export interface AccountChange {
  displayName: string;
  personId: string | null;
  unitCode: string | null;
  roles: { role: RoleCode; unitCode: string | null }[];
}

/** Nobody may take away the last enabled administrator: the system would have no one to manage it. */
async function keepAnAdministrator(db: Db, account: Account): Promise<void> {
  if (account.disabled || !account.roles.some((r) => r.role === 'admin')) return;
  const other = await db.selectFrom('memberships').innerJoin('accounts', 'accounts.id', 'memberships.account_id').select('accounts.id')
    .where('memberships.role_code', '=', 'admin').where('accounts.disabled', '=', 0).where('accounts.id', '!=', account.id).executeTakeFirst();
  if (!other) throw new AccountError('至少须保留一个启用的系统管理员账号。');
}

/** Changes an account's name, person, unit and roles (the roles are replaced); audited with before and after. */
export async function updateAccount(db: Db, by: Actor, id: string, change: AccountChange): Promise<void> {
  const before = await accountOrFail(db, id);
  if (!change.roles.some((r) => r.role === 'admin')) await keepAnAdministrator(db, before);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set({ display_name: change.displayName, person_id: change.personId, unit_code: change.unitCode })
      .where('id', '=', id).execute();
    await trx.deleteFrom('memberships').where('account_id', '=', id).execute();
    for (const r of change.roles) {
      await trx.insertInto('memberships').values({ id: randomUUID(), account_id: id, role_code: r.role, unit_code: r.unitCode }).execute();
    }
    await audit(trx, by, 'update', 'accounts', id, {
      login: before.login,
      before: { displayName: before.displayName, personId: before.personId, unitCode: before.unitCode, roles: before.roles },
      after: change,
    });
  });
}

/** Disables (or enables again) an account; disabling ends its sessions at once. */
export async function setAccountDisabled(db: Db, by: Actor, id: string, disabled: boolean): Promise<void> {
  const account = await accountOrFail(db, id);
  if (disabled) await keepAnAdministrator(db, account);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set({ disabled: disabled ? 1 : 0 }).where('id', '=', id).execute();
    if (disabled) await trx.deleteFrom('web_sessions').where('account_id', '=', id).execute();
    await audit(trx, by, disabled ? 'disable' : 'enable', 'accounts', id, { login: account.login });
  });
}

/** Locks the account of a login after repeated failed logins; false for an unknown login or one already locked. */
export async function lockAccount(db: Db, by: Actor, login: string, reason: Record<string, unknown> = {}): Promise<boolean> {
  const row = await db.selectFrom('accounts').select(['id', 'locked_at']).where('login', '=', login).executeTakeFirst();
  if (!row || row.locked_at) return false;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set({ locked_at: by.at }).where('id', '=', row.id).where('locked_at', 'is', null).execute();
    await audit(trx, by, 'lock', 'accounts', row.id, { login, ...reason });
  });
  return true;
}

/** Unlocks an account; the failed logins counted before no longer count (see lockEpoch). */
export async function unlockAccount(db: Db, by: Actor, id: string): Promise<void> {
  const account = await accountOrFail(db, id);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set({ locked_at: null, unlocked_at: by.at }).where('id', '=', id).execute();
    await audit(trx, by, 'unlock', 'accounts', id, { login: account.login });
  });
}

/** When the login's account was last unlocked ('' if never): the login limiter counts failures per epoch. */
export async function lockEpoch(db: Db, login: string): Promise<string> {
  const row = await db.selectFrom('accounts').select('unlocked_at').where('login', '=', login).executeTakeFirst();
  return row?.unlocked_at ?? '';
}

/**
 * The administrator sets a temporary password: it must be changed at the next login; the account is unlocked and
 * its sessions end. Audited without the password.
 */
export async function resetPassword(db: Db, by: Actor, id: string, temporary: string, policy: PasswordPolicy): Promise<void> {
  const account = await accountOrFail(db, id);
  checkPolicy(temporary, account.login, policy);
  const hash = await hashPassword(temporary);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts')
      .set({ password_hash: hash, must_change_password: 1, locked_at: null, unlocked_at: account.locked ? by.at : undefined })
      .where('id', '=', id).execute();
    await trx.deleteFrom('web_sessions').where('account_id', '=', id).execute();
    await audit(trx, by, 'reset-password', 'accounts', id, { login: account.login, unlocked: account.locked });
  });
}

/**
 * The user changes their own password: the current one must be right, the new one follow the policy and differ from
 * the current one. Ends the account's other sessions (`keepSession` is the token of the one in use).
 */
export async function changeOwnPassword(db: Db, by: Actor, id: string, current: string, next: string, policy: PasswordPolicy,
  keepSession?: string): Promise<void> {
  const row = await db.selectFrom('accounts').select(['login', 'password_hash']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AccountError('账号不存在。');
  if (!(await verifyPassword(current, row.password_hash))) throw new PasswordPolicyError(['当前密码不正确。']);
  const problems = passwordProblems(next, row.login, policy);
  if (next === current) problems.push('新密码不能与当前密码相同。');
  if (problems.length) throw new PasswordPolicyError(problems);
  const hash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set({ password_hash: hash, must_change_password: 0, password_changed_at: by.at }).where('id', '=', id).execute();
    let others = trx.deleteFrom('web_sessions').where('account_id', '=', id);
    if (keepSession) others = others.where('id', '!=', hashToken(keepSession));
    await others.execute();
    await audit(trx, by, 'change-password', 'accounts', id, { login: row.login });
  });
}

/** A random temporary password that follows the policy (letters of both cases, digits, a symbol). */
export function temporaryPassword(): string {
  const body = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
  return `${body}-A7b`;
}
