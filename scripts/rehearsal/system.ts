// The system as `npm start` runs it (src/main/start.ts: embedded engine, diagrams and forms, workers, web app, demo
// data), in a child process on a fresh temporary data folder, free ports and a clock the rehearsal may move.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

export interface RunningSystem {
  webUrl: string;
  restUrl: string;
  managementUrl: string;
  /** Everything the system printed (its log), for the report when something goes wrong. */
  output(): string;
  stop(): Promise<void>;
}

export async function startSystem(options: { cycleStart: string; keepData?: boolean }): Promise<RunningSystem> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yc-rehearsal-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/main/start.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      LOG_LEVEL: 'warn',
      DATA_DIR: dir,
      ENGINE_DATA_DIR: path.join(dir, 'engine'),
      ENGINE_DURABILITY: 'normal',
      ENGINE_CLOCK_CONTROLLED: 'true',
      ENGINE_GRPC_PORT: '0',
      ENGINE_REST_PORT: '0',
      ENGINE_MANAGEMENT_PORT: '0',
      WEB_PORT: '0',
      INSPECTION_CYCLE_START: options.cycleStart,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = new Promise<RegExpMatchArray>((resolve, reject) => {
    const pattern = /REST (http:\/\/\S+)\/v2，管理端口 (\d+)/;
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const m = text.match(pattern);
      if (m) resolve(m);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`the system stopped (exit ${code}) before it started:\n${text}`)));
    setTimeout(() => reject(new Error(`the system did not start within 180 s:\n${text}`)), 180_000).unref();
  });
  const [, restUrl, managementPort] = await started;
  const webUrl = text.match(/请在浏览器中打开 (http:\/\/\S+)/)?.[1];
  if (!webUrl) throw new Error(`the system printed no web address:\n${text}`);
  const host = new URL(restUrl).hostname;
  return {
    webUrl: webUrl.replace(/\/$/, ''),
    restUrl,
    managementUrl: `http://${host}:${managementPort}`,
    output: () => text,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      if (!options.keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}
