// `npm run rehearse -- --short`: one round of the demo district played through the public APIs with every choice
// of the scenario (late and returned reports, a listed hazard with an extension, a refused handover, a complaint
// found true, an obstruction, an exhausted escalation ladder, two city inspections in one year). Its last line is
// the verdict and its exit status says whether it holds.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const VERDICT = /^rehearsal: units (\d+)\/(\d+) inspected, problems (\d+)\/(\d+) closed, incidents (\d+), lost submissions (\d+), max messages per inbox per day (\d+)$/;

// about 3 minutes on two cores; a loaded machine takes longer, and the rehearsal is stopped before jest gives up
const LIMIT_MS = 14 * 60_000;
jest.setTimeout(LIMIT_MS + 60_000);

function rehearse(args: string[]): Promise<{ code: number | null; lines: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/rehearsal/main.ts'), ...args], {
      cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    // SIGTERM: the rehearsal stops the system it started
    const limit = setTimeout(() => child.kill('SIGTERM'), LIMIT_MS);
    child.once('exit', (code) => {
      clearTimeout(limit);
      resolve({ code, lines: out.trimEnd().split('\n') });
    });
  });
}

describe('the rehearsal of one round', () => {
  it('plays every choice and ends with every unit inspected, every problem closed, nothing lost, no incident, quiet inboxes', async () => {
    // when
    const { code, lines } = await rehearse(['--short']);
    // then the last line is the verdict, and it holds
    const verdict = lines[lines.length - 1].match(VERDICT);
    if (!verdict || code !== 0) throw new Error(`exit ${code}, output:\n${lines.slice(-40).join('\n')}`);
    const [, inspected, units, closed, problems, incidents, lost, perDay] = verdict.map(Number);
    expect(units).toBeGreaterThan(0);
    expect(inspected).toBe(units);
    expect(problems).toBeGreaterThan(0);
    expect(closed).toBe(problems);
    expect(incidents).toBe(0);
    expect(lost).toBe(0);
    expect(perDay).toBeLessThanOrEqual(20);
    expect(lines.join('\n')).not.toMatch(/choices not played/);
  });
});
