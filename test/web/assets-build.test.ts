// The browser bundles are built at start-up; esbuild's service process (≈ 200 MB resident) must not outlive the build.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAssets } from '../../src/web/assets/build';

jest.setTimeout(120_000);

/** The command lines of this process's living children (an exited one not yet reaped holds no memory). */
function children(): string[] {
  const out = execFileSync('ps', ['-o', 'stat=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('Z'))
    .map((line) => line.replace(/^\S+\s+/, ''));
}

describe('building the browser bundles', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'yc-assets-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the bundles and leaves no esbuild service running', async () => {
    // when
    const result = await buildAssets(dir, { force: true });
    // then
    expect(result.built).toBe(true);
    expect(existsSync(join(dir, 'task-form.js'))).toBe(true);
    expect(children().filter((c) => c.includes('esbuild'))).toEqual([]);
  });

  it('builds again after the service was stopped', async () => {
    const again = await buildAssets(join(dir, 'again'), { force: true });
    expect(again.built).toBe(true);
    expect(existsSync(join(dir, 'again', 'modeler.js'))).toBe(true);
    expect(children().filter((c) => c.includes('esbuild'))).toEqual([]);
  });
});
