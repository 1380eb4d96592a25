import { Worker } from 'node:worker_threads';
import { type Database as Db } from 'better-sqlite3';
import { type Logger } from '../../logging';

/** SQLite's own automatic checkpoint threshold (frames = pages), used again if the thread fails. */
const AUTO_CHECKPOINT_FRAMES = 1000;
/**
 * Log length (frames) from which the writer folds in the rest and lets the log restart. Each fold-in syncs both
 * files on the event loop (~1–10 ms on a busy disk), so it is done 4x less often than SQLite would; the log
 * then grows to ~16 MB, which is harmless because the thread keeps copying it into the database meanwhile.
 */
const FOLD_IN_FRAMES = 4000;
/** Frames the event loop folds in itself once the background pass has done the rest (cheap: few pages to sync). */
const FINISH_FRAMES = 256;
/** Beyond this the event loop checkpoints whatever the background pass achieved, so the log stays bounded. */
const HARD_LIMIT_FRAMES = 16_000;
/** How often the thread looks at the log (a pass over an up-to-date log costs a few microseconds). */
const POLL_MS = 50;

/**
 * The checkpointer's thread: a second connection that copies WAL frames into the database file and syncs it
 * (PASSIVE: it never blocks the writer), and reports how far it got.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
const pass = () => {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage({ log: row.log, checkpointed: row.checkpointed });
};
const timer = setInterval(pass, workerData.pollMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Progress {
  log: number;
  checkpointed: number;
}

/**
 * Keeps WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the commit that crosses
 * 1000 frames: it copies ~4 MB into the database file and syncs both files while every caller waits. Here a
 * worker thread does that copying and syncing; the writer only folds in the last few frames (so that SQLite
 * can restart the log from its beginning, which needs a fully checkpointed log at the start of a write).
 */
export class WalCheckpointer {
  private readonly worker: Worker | undefined;
  private progress: Progress = { log: 0, checkpointed: 0 };
  private failed = false;
  private closed = false;
  private passWaiters: ((progress: Progress) => void)[] = [];
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    pollMs = POLL_MS,
    private readonly foldInFrames = FOLD_IN_FRAMES,
  ) {
    try {
      this.worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { driver: require.resolve('better-sqlite3'), file: db.name, pollMs },
      });
    } catch (error) {
      this.worker = undefined;
      this.fallBack(error as Error);
      return;
    }
    const worker = this.worker;
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    db.pragma('wal_autocheckpoint = 0');
    this.worker.unref();
    this.worker.on('message', (progress: Progress) => {
      this.progress = progress;
      for (const wake of this.passWaiters.splice(0)) wake(progress);
    });
    this.worker.on('error', (error) => this.fallBack(error));
  }

  /** After a commit: fold in the rest when the background pass is nearly through, or when the log grew too long. */
  afterCommit(): void {
    const { log, checkpointed } = this.progress;
    const nearlyDone = log >= this.foldInFrames && log - checkpointed <= FINISH_FRAMES;
    if (this.failed || this.closed || !(nearlyDone || log >= HARD_LIMIT_FRAMES)) return;
    this.progress = { log: 0, checkpointed: 0 };
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // the log is already durable; a checkpoint that fails now is tried again after a later pass
      this.log.warn({ err: error }, 'WAL checkpoint failed');
    }
  }

  /** The outcome of the thread's next pass (WAL frames in the log, and how many of them are in the database). */
  nextPass(): Promise<Progress> {
    return new Promise((resolve) => this.passWaiters.push(resolve));
  }

  /**
   * Asks the thread to close its connection and end, and resolves once it has (it finishes a pass in progress
   * first), so that nothing touches the database files after the caller closes its own connection. Whichever
   * connection closes last folds the log into the database, as SQLite always does.
   */
  close(): Promise<void> {
    if (this.closed) return this.exited;
    this.closed = true;
    // the thread is unref'd while it works; waiting for its end must keep the process alive, or a process with
    // nothing else to do exits before the caller's close resolves
    this.worker?.ref();
    if (!this.failed) this.worker?.postMessage('stop');
    return this.exited;
  }

  private fallBack(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    if (this.closed) return;
    this.log.warn({ err: error }, 'background WAL checkpoints failed; SQLite checkpoints inside commits again');
    this.db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_FRAMES}`);
  }
}
