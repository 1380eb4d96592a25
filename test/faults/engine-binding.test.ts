// Access faults: the engine must not be reachable from other machines without credentials. The web app's
// role × resource matrix is covered by test/web/access-matrix.test.ts and is not repeated here.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function runEngine(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [path.join(root, 'src/main/engine.ts')], {
      cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('npm run engine on a non-loopback address', () => {
  let dataDir: string;
  beforeAll(() => { dataDir = mkdtempSync(path.join(tmpdir(), 'yc-faults-bind-')); });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exits with status 2 and names the missing credentials instead of listening on 0.0.0.0', async () => {
    // given an address reachable from other machines and no ENGINE_USERNAME/PASSWORD/TOKEN
    const env = { ENGINE_HOST: '0.0.0.0', ENGINE_DATA_DIR: dataDir, ENGINE_GRPC_PORT: '1', ENGINE_REST_PORT: '1', ENGINE_MANAGEMENT_PORT: '1' };

    // when the engine entry point starts
    const { code, output } = await runEngine(env);

    // then it refuses before binding anything
    expect(code).toBe(2);
    expect(output).toContain('refusing to listen on 0.0.0.0 without credentials');
    expect(output).toContain('ENGINE_TOKEN');
  }, 60_000);

  it('refuses half of the basic credentials just as clearly', async () => {
    // given a username without a password
    const env = { ENGINE_HOST: '0.0.0.0', ENGINE_USERNAME: 'zeebe', ENGINE_DATA_DIR: dataDir, ENGINE_GRPC_PORT: '1', ENGINE_REST_PORT: '1', ENGINE_MANAGEMENT_PORT: '1' };

    // when the engine entry point starts
    const { code, output } = await runEngine(env);

    // then it exits with status 2 and says both must be set
    expect(code).toBe(2);
    expect(output).toContain('ENGINE_USERNAME and ENGINE_PASSWORD must be set together');
  }, 60_000);
});
