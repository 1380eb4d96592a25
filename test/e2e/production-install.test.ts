// `npm run web` as production starts it (NODE_ENV=production): no demo district, one administrator from
// ADMIN_PASSWORD who must change it at the first login; the published demo password opens nothing.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../src/db/seed';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** Starts the web app and resolves with its address and everything it printed up to then. */
function startWeb(env: Record<string, string>): { child: ChildProcess; ready: Promise<{ url: string; output: string }> } {
  const child = spawn(tsx, [path.join(root, 'src/main/web.ts')], {
    cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<{ url: string; output: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const m = /请在浏览器中打开 (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', () => reject(new Error(`web exited:\n${output}`)));
  });
  return { child, ready };
}

/** A login through the form: the CSRF cookie and token of the login page, then the answer to the POST. */
async function logIn(base: string, username: string, password: string): Promise<Response> {
  const page = await fetch(new URL('login', base));
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = /name="_csrf" value="([a-f0-9]{64})"/.exec(await page.text())![1]!;
  return fetch(new URL('login', base), {
    method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, username, password }).toString(),
  });
}

describe('production start', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'yc-prod-'));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts empty with the administrator of ADMIN_PASSWORD, who must change it; no demo account opens', async () => {
    // when
    const web = startWeb({ NODE_ENV: 'production', ADMIN_LOGIN: 'root', ADMIN_PASSWORD: 'Install-Pass-2026', DATA_DIR: dir, WEB_PORT: '0' });
    child = web.child;
    const { url, output } = await web.ready;
    const demo = await logIn(url, 'anweiban', DEMO_PASSWORD);
    const admin = await logIn(url, 'root', 'Install-Pass-2026');
    // then
    expect(output).toContain('已创建系统管理员 root（密码取自 ADMIN_PASSWORD，首次登录时须修改）。');
    expect(output).not.toContain('演示账号');
    expect(demo.status).toBe(401);
    expect(admin.status).toBe(303);
    expect(admin.headers.get('location')).toBe('/account/password?next=%2Ftasks');
  }, 120_000);
});
