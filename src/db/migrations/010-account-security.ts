import { type Kysely } from 'kysely';
import { type Dialect } from './define';

/**
 * Account security: a password the administrator set (a temporary one, or the first) must be changed at the next
 * login; an account locked after repeated failed logins stays locked until an administrator unlocks it, and the
 * unlock starts the failure count afresh (the login limiter keys on `unlocked_at`).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('accounts').addColumn('locked_at', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('unlocked_at', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('password_changed_at', 'text').execute();
}
