// `npm run admin`: the first administrator and emergency access, run as a separate process the way an operator
// runs it on the server, the password piped on stdin.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { attemptLogin, findAccountByLogin } from '../../src/db/accounts';
import { lockAccount } from '../../src/db/account-admin';
import { auditTrail } from '../../src/db/audit';
import { openStore } from '../../src/db/connect';
import { DEMO_PASSWORD } from '../../src/db/seed';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function admin(dataDir: string, args: string[], stdin: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [path.join(root, 'src/main/admin.ts'), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.once('exit', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

describe('npm run admin', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'admin-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const withStore = async <T>(use: (db: Awaited<ReturnType<typeof openStore>>['db']) => Promise<T>): Promise<T> => {
    const store = await openStore({ dataDir });
    try {
      return await use(store.db);
    } finally {
      await store.close();
    }
  };

  it('creates the first administrator from a password on stdin, refusing the demo password and a login taken', async () => {
    // when
    const usage = await admin(dataDir, [], '');
    const demo = await admin(dataDir, ['create-admin', 'root'], `${DEMO_PASSWORD}\n`);
    const created = await admin(dataDir, ['create-admin', 'root', '--name', '郑管理'], 'Install-Pass-2026\n');
    const again = await admin(dataDir, ['create-admin', 'root'], 'Install-Pass-2026\n');
    // then
    expect([usage.code, usage.err]).toEqual([2, expect.stringContaining('用法：npm run admin -- create-admin <用户名>')]);
    expect([demo.code, demo.err.trim()]).toEqual([1, '不能使用公开的演示密码。']);
    expect([created.code, created.out.trim()]).toEqual([0, '已创建系统管理员 root。']);
    expect([again.code, again.err.trim()]).toEqual([1, '用户名 root 已被使用。']);
    await withStore(async (db) => {
      const login = await attemptLogin(db, 'root', 'Install-Pass-2026');
      expect('account' in login && login.account).toMatchObject({ displayName: '郑管理', roles: [{ role: 'admin', unitCode: null }], mustChangePassword: false });
      const [entry] = await auditTrail(db, { entity: 'accounts', actor: `cli:${userInfo().username}` });
      expect(entry?.action).toBe('grant-role');
    });
  }, 120_000);

  it('unlocks a locked account and resets a password to a temporary one that must be changed', async () => {
    // given
    await admin(dataDir, ['create-admin', 'ops'], 'Install-Pass-2026\n');
    await withStore((db) => lockAccount(db, { name: 'system', at: new Date().toISOString() }, 'ops'));
    // when
    const unlocked = await admin(dataDir, ['unlock', 'ops'], '');
    const weak = await admin(dataDir, ['reset-password', 'ops'], 'short\n');
    const reset = await admin(dataDir, ['reset-password', 'ops'], 'Temporary-2026\n');
    const unknown = await admin(dataDir, ['unlock', 'nobody'], '');
    // then
    expect([unlocked.code, unlocked.out.trim()]).toEqual([0, '账号 ops 已解锁。']);
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('密码至少10个字符。');
    expect([reset.code, reset.out.trim()]).toEqual([0, '账号 ops 的密码已重置，登录后须修改。']);
    expect([unknown.code, unknown.err.trim()]).toEqual([1, '账号 nobody 不存在。']);
    await withStore(async (db) => {
      expect(await findAccountByLogin(db, 'ops')).toMatchObject({ locked: false, mustChangePassword: true });
      expect('account' in (await attemptLogin(db, 'ops', 'Temporary-2026'))).toBe(true);
    });
  }, 120_000);
});
