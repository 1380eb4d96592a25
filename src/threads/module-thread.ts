import { Worker } from 'node:worker_threads';

/**
 * Runs one exported async function of a module on a thread of its own, one call at a time, so that CPU-heavy work
 * (parsing a large diagram, linting it) never blocks the event loop that answers every other request. Each call is
 * bounded in time and the thread in memory: a call that runs past its time, or a thread that runs out of memory,
 * ends the thread (the call is refused with a clear error) and the next call starts a fresh one.
 *
 * The module is loaded by path in the thread. Compiled (`dist/*.js`) it is required as it is; from TypeScript
 * sources (tsx, jest) the thread registers tsx's require hook first.
 */
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
if (workerData.tsx) require(workerData.tsx).register();
const exported = require(workerData.file);
parentPort.on('message', ({ id, name, args }) => {
  Promise.resolve()
    .then(() => exported[name](...args))
    .then(
      (result) => parentPort.postMessage({ id, result }),
      (error) => parentPort.postMessage({ id, error: String((error && error.message) || error) }),
    );
});
`;

export interface ModuleThreadOptions {
  /** Longest a call may run (ms) before the thread is ended and the call refused. */
  timeoutMs: number;
  /** Heap of the thread (MB): a call that needs more ends the thread instead of the process. */
  maxHeapMb: number;
  /** What the thread does, for error messages ("parsing the deployment"). */
  purpose: string;
}

/** A call refused because it ran past its time or the thread's memory. */
export class ThreadLimitError extends Error {}

interface Call {
  id: number;
  name: string;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Answer {
  id: number;
  result?: unknown;
  error?: string;
}

export class ModuleThread {
  private worker: Worker | undefined;
  private readonly queue: Call[] = [];
  private current: Call | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextId = 0;
  private closed = false;

  /** `file` is the module's own path (its `__filename`), whose exports are called by name. */
  constructor(
    private readonly file: string,
    private readonly options: ModuleThreadOptions,
  ) {}

  /** Calls the module's exported function `name` with structured-clonable arguments, on the thread. */
  call<T>(name: string, ...args: unknown[]): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`Cannot start ${this.options.purpose}: the thread is closed`));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: ++this.nextId, name, args, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Ends the thread; queued calls are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new Error(`Cannot finish ${this.options.purpose}: the thread is closed`);
    for (const call of this.queue.splice(0)) call.reject(error);
    await this.end(error);
  }

  private dispatch(): void {
    if (this.current || this.queue.length === 0) return;
    const call = this.queue.shift()!;
    this.current = call;
    const worker = this.thread();
    worker.ref(); // a call in progress keeps the process alive
    this.timer = setTimeout(() => {
      void this.end(new ThreadLimitError(`Expected ${this.options.purpose} to take at most ${this.options.timeoutMs} ms, but it took longer`));
    }, this.options.timeoutMs);
    worker.postMessage({ id: call.id, name: call.name, args: call.args });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { file: this.file, tsx: /\.[cm]?ts$/.test(this.file) ? require.resolve('tsx/cjs/api') : undefined },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
      stdout: false,
      stderr: false,
    });
    worker.on('message', (answer: Answer) => {
      const call = this.current;
      if (!call || call.id !== answer.id) return;
      this.settle();
      if (answer.error !== undefined) call.reject(new Error(answer.error));
      else call.resolve(answer.result);
      this.dispatch();
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const call = this.current;
      this.settle();
      call?.reject(error);
      this.dispatch();
    };
    worker.on('error', (error: Error & { code?: string }) => {
      fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new ThreadLimitError(`Expected ${this.options.purpose} to need at most ${this.options.maxHeapMb} MB, but it needed more`)
        : error);
    });
    worker.on('exit', (code) => fail(new Error(`The thread ${this.options.purpose} stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.current = undefined;
    if (this.queue.length === 0) this.worker?.unref();
  }

  /** Ends the thread, refusing the call in progress with `error`. */
  private async end(error: Error): Promise<void> {
    const worker = this.worker;
    const call = this.current;
    this.worker = undefined;
    this.settle();
    call?.reject(error);
    if (worker) await worker.terminate();
    if (!this.closed) this.dispatch();
  }
}
