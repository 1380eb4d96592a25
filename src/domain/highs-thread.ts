import { Worker } from 'node:worker_threads';

/**
 * HiGHS on its own thread. Its `solve` runs synchronously for as long as the model takes (seconds, up to the time
 * limit); on the event loop it would stall the web app and, in `npm start`, the engine sharing the process. One
 * thread, created on first use, takes the models one after another, so proposals asked at the same time queue up
 * instead of taking every core.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = require(workerData.highs)();
parentPort.on('message', async ({ id, lp, options }) => {
  try {
    const result = (await ready).solve(lp, options);
    const columns = {};
    for (const [name, column] of Object.entries(result.Columns)) columns[name] = column.Primal;
    parentPort.postMessage({ id, status: result.Status, columns });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

export interface SolveResult {
  status: string;
  /** Primal value by column name (absent when the solver has none). */
  columns: Record<string, number | undefined>;
}

interface Answer {
  id: number;
  status?: string;
  columns?: Record<string, number | undefined>;
  error?: string;
}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (r: SolveResult) => void; reject: (e: Error) => void }>();

function thread(): Worker {
  if (worker) return worker;
  const w = new Worker(SOURCE, { eval: true, workerData: { highs: require.resolve('highs') } });
  w.unref();
  w.on('message', (a: Answer) => {
    const waiting = pending.get(a.id);
    pending.delete(a.id);
    if (a.error !== undefined) waiting?.reject(new Error(`HiGHS: ${a.error}`));
    else waiting?.resolve({ status: a.status!, columns: a.columns ?? {} });
  });
  // a thread that dies takes its queue with it; the next solve starts a new one
  const fail = (error: Error) => {
    if (worker === w) worker = undefined;
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.reject(error);
    }
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`HiGHS thread exited (${code})`)));
  worker = w;
  return w;
}

/** The thread started and HiGHS loaded (its WebAssembly compiled), by solving an empty model. */
export async function startSolver(): Promise<void> {
  await solveLp('Minimize\n obj: none\nSubject To\n c0: none >= 0\nBounds\n none = 0\nEnd\n', { output_flag: false });
}

/** Solves a model in CPLEX LP format on the solver thread. */
export function solveLp(lp: string, options: Record<string, unknown>): Promise<SolveResult> {
  return new Promise((resolve, reject) => {
    const id = ++nextId;
    const w = thread();
    w.ref(); // keep the process alive while a model is being solved
    const done = () => {
      if (pending.size === 0) w.unref();
    };
    pending.set(id, { resolve: (r) => (resolve(r), done()), reject: (e) => (reject(e), done()) });
    w.postMessage({ id, lp, options });
  });
}
