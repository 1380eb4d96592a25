// Runs a bench script in its own Node process (through tsx) and talks to it over the IPC channel: the parent calls
// named commands, the child answers each one. The child is killed when the parent exits or the caller kills it, and
// the child ends itself when the channel closes, so no engine outlives the run.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

type Request = { id: number; command: string; args: unknown };
type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
type Ready = { ready: unknown };

export interface BenchChild<R> {
  /** What the child announced once it was ready (e.g. its ports). */
  ready: Promise<R>;
  call<T>(command: string, args?: unknown): Promise<T>;
  kill(): void;
}

/** Forks `script` (a .ts file) with tsx; `label` names the child in errors. */
export function forkBenchChild<R>(script: string, label: string): BenchChild<R> {
  const child: ChildProcess = fork(script, [], { cwd: root, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let gone: Error | undefined;
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', kill);

  let announce!: { resolve: (v: R) => void; reject: (e: Error) => void };
  const ready = new Promise<R>((resolve, reject) => (announce = { resolve, reject }));
  ready.catch(() => undefined); // a child that dies later rejects `ready` too; callers see it through `call`
  child.on('message', (m: Reply | Ready) => {
    if ('ready' in m) return announce.resolve(m.ready as R);
    const waiter = pending.get(m.id);
    pending.delete(m.id);
    if (m.ok) waiter?.resolve(m.result);
    else waiter?.reject(new Error(`${label}: ${m.error}`));
  });
  child.on('exit', (code, signal) => {
    process.removeListener('exit', kill);
    gone = new Error(`${label} exited (${signal ?? code})`);
    announce.reject(gone);
    for (const waiter of pending.values()) waiter.reject(gone);
    pending.clear();
  });
  child.on('error', (err) => announce.reject(err));

  return {
    ready,
    kill,
    call<T>(command: string, args?: unknown) {
      if (gone) return Promise.reject(gone);
      const id = nextId++;
      const request: Request = { id, command, args };
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send(request);
      });
    },
  };
}

/**
 * Child side: announces `ready`, then answers the parent's commands; when the parent goes away it runs `cleanup`
 * (given at most 5 s) and exits.
 */
export function serveParent(
  ready: unknown,
  commands: Record<string, (args: never) => Promise<unknown>>,
  cleanup: () => Promise<void> = async () => undefined,
): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('this script runs as a child of the bench runner (it needs an IPC channel)');
  process.on('disconnect', () => {
    setTimeout(() => process.exit(1), 5_000).unref();
    cleanup().finally(() => process.exit(1));
  });
  process.on('message', (m: Request) => {
    const handler = commands[m.command];
    const run = handler ? handler(m.args as never) : Promise.reject(new Error(`unknown command ${m.command}`));
    run.then(
      (result) => send({ id: m.id, ok: true, result } satisfies Reply),
      (err: unknown) => send({ id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies Reply),
    );
  });
  send({ ready } satisfies Ready);
}
