// B10: the resident memory of the whole system after `npm start`, as a user starts it: npm, its shell and everything
// they start (the node process with engine, workers and web app; no esbuild service once the bundles are built).
// Fresh data folder and free ports; measured `seconds` after the start message, then stopped with SIGTERM.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Scenario } from '../types';

const root = path.resolve(__dirname, '../..');

interface Proc { pid: number; ppid: number; rssKiB: number; command: string }

function processTree(rootPid: number): Proc[] {
  const all = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => !!m)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), rssKiB: Number(m[3]), command: m[4] }));
  const tree: Proc[] = [];
  const walk = (pid: number) => {
    for (const p of all.filter((q) => q.ppid === pid)) {
      tree.push(p);
      walk(p.pid);
    }
  };
  const self = all.find((p) => p.pid === rootPid);
  if (self) tree.push(self);
  walk(rootPid);
  return tree;
}

export const b10: Scenario = {
  name: 'B10',
  title: 'footprint: resident memory of everything `npm start` runs, after the start',
  async run({ seconds }) {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-b10-'));
    const child = spawn('npm', ['start'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dir, ENGINE_DATA_DIR: path.join(dir, 'engine'), ENGINE_GRPC_PORT: '0', ENGINE_REST_PORT: '0', ENGINE_MANAGEMENT_PORT: '0', WEB_PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm start did not report within 180 s:\n${output}`)), 180_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString('utf8');
          if (output.includes('请在浏览器中打开')) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
      });
      await new Promise((r) => setTimeout(r, seconds * 1000));
      const tree = processTree(child.pid!);
      return {
        secondsAfterStart: seconds,
        totalResidentMiB: Math.round(tree.reduce((sum, p) => sum + p.rssKiB, 0) / 1024),
        processes: tree.map((p) => ({ residentMiB: Math.round(p.rssKiB / 1024), command: p.command.slice(0, 80) })),
        esbuildServiceRunning: tree.some((p) => p.command.includes('esbuild') && p.rssKiB > 0),
      };
    } finally {
      const node = processTree(child.pid!).find((p) => p.command.startsWith('node ') && p.command.includes('start'));
      if (node) process.kill(node.pid, 'SIGTERM');
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
