// The browser bundles are built at start-up; esbuild's service process (≈ 200 MB resident) must not outlive the build.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAssets } from '../../src/web/assets/build';

jest.setTimeout(120_000);

/**
 * The esbuild services among this process's living children (an exited one not yet reaped holds no memory), by pid.
 * Another test file run earlier in this jest worker may have left its own (tsx in a worker thread starts one), so
 * the build is judged by the services it adds.
 */
function esbuildServices(): Set<string> {
  const out = execFileSync('ps', ['-o', 'pid=,stat=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return new Set(out.split('\n').map((line) => line.trim().split(/\s+/))
    .filter(([pid, stat, ...args]) => pid && !stat?.startsWith('Z') && args.join(' ').includes('esbuild')).map(([pid]) => pid!));
}

/**
 * The services the build added and left running. esbuild's stop() signals its service and returns before the
 * process has exited, so on a busy machine the service is given up to two seconds to go.
 */
async function added(before: Set<string>): Promise<string[]> {
  const left = () => [...esbuildServices()].filter((pid) => !before.has(pid));
  for (const until = Date.now() + 2000; left().length && Date.now() < until;) await new Promise((resolve) => setTimeout(resolve, 50));
  return left();
}

describe('building the browser bundles', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'yc-assets-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the bundles and leaves no esbuild service running', async () => {
    // given
    const before = esbuildServices();
    // when
    const result = await buildAssets(dir, { force: true });
    // then
    expect(result.built).toBe(true);
    expect(existsSync(join(dir, 'task-form.js'))).toBe(true);
    expect(await added(before)).toEqual([]);
  });

  it('builds again after the service was stopped', async () => {
    const before = esbuildServices();
    const again = await buildAssets(join(dir, 'again'), { force: true });
    expect(again.built).toBe(true);
    expect(existsSync(join(dir, 'again', 'modeler.js'))).toBe(true);
    expect(await added(before)).toEqual([]);
  });
});
