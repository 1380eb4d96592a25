import { createAccountByAdmin, PasswordPolicyError } from './account-admin';
import { type Db } from './connect';
import { DEMO_PASSWORD, seedDemoData } from './seed';
import { PASSWORD_POLICY, type PasswordPolicy } from '../domain/password-policy';
import { ROLE_NAMES } from '../domain/roles';

/** The password policy of an installation: production also refuses the demo password, which is published. */
export function passwordPolicyFor(production: boolean): PasswordPolicy {
  return production ? { ...PASSWORD_POLICY, forbidden: [DEMO_PASSWORD] } : PASSWORD_POLICY;
}

export interface InstallOptions {
  production: boolean;
  adminLogin: string;
  /** Production: the first administrator's password (ADMIN_PASSWORD), used only while there is no administrator. */
  adminPassword?: string;
  at: string;
}

export type InstallResult = 'demo-loaded' | 'demo-kept' | 'admin-created' | 'admin-exists' | 'no-admin';

/**
 * What the domain store holds before the first user comes: the demo district outside production; in production
 * nothing but the roles and one administrator, whose password is set at install (ADMIN_PASSWORD or
 * `npm run admin -- create-admin`).
 */
export async function installData(db: Db, options: InstallOptions): Promise<InstallResult> {
  if (!options.production) return (await seedDemoData(db, options.at)) ? 'demo-loaded' : 'demo-kept';
  await ensureRoles(db);
  if (await hasAdministrator(db)) return 'admin-exists';
  if (!options.adminPassword) return 'no-admin';
  try {
    // the password sits in the environment, so its owner replaces it at the first login
    await createAccountByAdmin(db, { name: 'install', at: options.at }, {
      login: options.adminLogin, password: options.adminPassword, displayName: '系统管理员', roles: [{ role: 'admin' }], mustChangePassword: true,
    }, passwordPolicyFor(true));
  } catch (err) {
    if (err instanceof PasswordPolicyError) throw new Error(`ADMIN_PASSWORD: ${err.problems.join('')}`, { cause: err });
    throw err;
  }
  return 'admin-created';
}

/** The roles table lists the system's roles (the demo seed fills it too). */
export async function ensureRoles(db: Db): Promise<void> {
  const have = new Set((await db.selectFrom('roles').select('code').execute()).map((r) => r.code));
  for (const [code, name] of Object.entries(ROLE_NAMES)) if (!have.has(code)) await db.insertInto('roles').values({ code, name }).execute();
}

export async function hasAdministrator(db: Db): Promise<boolean> {
  const row = await db.selectFrom('memberships').innerJoin('accounts', 'accounts.id', 'memberships.account_id').select('accounts.id')
    .where('memberships.role_code', '=', 'admin').where('accounts.disabled', '=', 0).executeTakeFirst();
  return !!row;
}

/** What the start prints about the installation, in Chinese; undefined when there is nothing to say. */
export function installNotice(result: InstallResult, adminLogin: string): string | undefined {
  if (result === 'admin-created') return `已创建系统管理员 ${adminLogin}（密码取自 ADMIN_PASSWORD，首次登录时须修改）。`;
  if (result === 'no-admin') return '尚无系统管理员：请运行 npm run admin -- create-admin <用户名>（容器中 node dist/src/main/admin.js create-admin <用户名>），或设置 ADMIN_PASSWORD 后重新启动。';
  return undefined;
}
