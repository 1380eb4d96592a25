import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const CHILD = path.join(__dirname, 'support', 'crash-child.ts');

interface Run {
  lines: string[];
  exit: Promise<void>;
  kill: () => void;
  waitFor: (predicate: (line: string) => boolean) => Promise<string>;
}

function startChild(dataDir: string, mode: 'create' | 'drain'): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiters: { predicate: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.predicate(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  const exit = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    lines,
    exit,
    kill: () => child.kill('SIGKILL'),
    waitFor: (predicate) => {
      const found = lines.find(predicate);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
  };
}

describe('crash safety (SIGKILL)', () => {
  it('keeps every acknowledged command, completes no job twice, and finishes every instance after restarts', async () => {
    // given
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-crash-'));
    const acknowledgedInstances = new Set<string>();
    const acknowledgedJobs = new Set<string>();
    try {
      for (let round = 0; round < 3; round++) {
        // when: work for a while, then kill without warning once enough was acknowledged
        const run = startChild(dataDir, 'create');
        const target = 20 + Math.floor(Math.random() * 60);
        let seen = 0;
        await run.waitFor((line) => line.startsWith('COMPLETED') && ++seen >= target);
        run.kill();
        await run.exit;
        for (const line of run.lines) {
          const [kind, key] = line.split(' ');
          if (kind === 'CREATED') acknowledgedInstances.add(key);
          if (kind === 'COMPLETED') acknowledgedJobs.add(key);
        }
      }
      const drain = startChild(dataDir, 'drain');
      const line = await drain.waitFor((l) => l.startsWith('SUMMARY '));
      await drain.exit;
      // then
      const summary = JSON.parse(line.slice('SUMMARY '.length)) as { created: string[]; completedJobs: { k: string; n: number }[]; completedInstances: string[] };
      const created = new Set(summary.created);
      const completedJobs = new Set(summary.completedJobs.map((j) => j.k));
      expect([...acknowledgedInstances].filter((k) => !created.has(k))).toEqual([]);
      expect([...acknowledgedJobs].filter((k) => !completedJobs.has(k))).toEqual([]);
      expect(summary.completedJobs.filter((j) => j.n > 1)).toEqual([]);
      expect(new Set(summary.completedInstances)).toEqual(created);
      expect(acknowledgedInstances.size).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
