import { type Actor, audit } from '../audit';
import { ROLE_NAMES } from '../../domain/roles';
import { hashPassword } from '../accounts';
import { type Db } from '../connect';
import { randomUUID } from 'node:crypto';
import { ACCOUNTS, DEMO_PASSWORD, PEOPLE, UNIT_HEADS } from './people';
import { ENTERPRISES, MEMBER_UNITS, TOWNS, ZONE } from './units';

export { ACCOUNTS as DEMO_ACCOUNTS, DEMO_PASSWORD } from './people';

/**
 * Loads the demo organisation (docs/practice.md, "The demo district"): units, people, roles and accounts. Idempotent: does nothing when
 * the units are already there, so it can run on every start. Returns whether it loaded anything.
 */
export async function seedDemoData(db: Db, at: string = new Date().toISOString()): Promise<boolean> {
  const existing = await db.selectFrom('units').select('code').limit(1).executeTakeFirst();
  if (existing) return false;
  const by: Actor = { name: 'system', at };
  // One hash for the shared demo password: the password is printed anyway, and 60 scrypt runs would slow the start.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const u of [...TOWNS, ...MEMBER_UNITS, ZONE, ...ENTERPRISES]) {
      await trx.insertInto('units').values({ address: null, email: `${u.code.toLowerCase()}@yicheng.local`, ...u, created_at: at }).execute();
    }
    for (const [code, name] of Object.entries(ROLE_NAMES)) await trx.insertInto('roles').values({ code, name }).execute();
    for (const p of PEOPLE) await trx.insertInto('people').values({ ...p, created_at: at }).execute();
    for (const h of UNIT_HEADS) await trx.updateTable('units').set({ head_person_id: h.personId }).where('code', '=', h.unitCode).execute();
    for (const a of ACCOUNTS) {
      const id = randomUUID();
      await trx.insertInto('accounts').values({
        id, login: a.login, password_hash: passwordHash, display_name: a.displayName, person_id: a.personId,
        unit_code: a.unitCode, disabled: 0, created_at: at,
      }).execute();
      for (const r of a.roles) {
        await trx.insertInto('memberships').values({ id: randomUUID(), account_id: id, role_code: r.role, unit_code: r.unitCode ?? null }).execute();
      }
    }
    await audit(trx, by, 'seed', 'units', '*', {
      units: TOWNS.length + MEMBER_UNITS.length + 1 + ENTERPRISES.length, people: PEOPLE.length, accounts: ACCOUNTS.length,
    });
  });
  return true;
}
