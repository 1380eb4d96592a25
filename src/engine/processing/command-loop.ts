import { Backpressure, EngineDown, type EngineRecord, type JsonObject, type Key, Rejection } from '../api';
import { type Logger } from '../../logging';
import { type KeyGenerator } from '../keys';
import { type EngineState } from '../state/engine-state';
import { type Behaviours } from './behaviours';
import { CommandRejected, type Continuation, ProcessingContext, STEP_BUDGET } from './context';

export type CommandFn<T> = (ctx: ProcessingContext) => T;

interface Pending {
  run: CommandFn<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export interface CommittedBatch {
  records: EngineRecord[];
  results: Map<Key, JsonObject>;
  /** Side effects registered by the processors (job pushes…), run after the commit. */
  effects: (() => void)[];
}

export interface CommandLoopDeps {
  state: () => EngineState;
  keys: KeyGenerator;
  now: () => number;
  /**
   * Appends the batch's records (one transaction, projections included); durable at once unless `sync` is given.
   * `serialised` holds each record value's JSON, made while its command was processed.
   */
  commit: (records: EngineRecord[], serialised: Map<object, string>) => void;
  /**
   * Makes every commit written so far durable without blocking the event loop (durability `full`). When given,
   * the loop goes on processing while it runs, and answers and side effects of a batch wait for it.
   */
  sync?: ((done: (error?: Error) => void) => void) | null;
  wantsResult: (processInstanceKey: Key) => boolean;
  behaviours: Behaviours;
  afterCommit: (batch: CommittedBatch) => void;
  /** Runs after each command inside its batch (e.g. push new jobs to streams in the same transaction). */
  afterCommand?: (ctx: ProcessingContext) => void;
  /** Client commands allowed to wait in the queue (default MAX_QUEUED). */
  maxQueued?: number;
  log: Logger;
}

const MAX_BATCH = 256;
/** Follow-up steps after which a batch takes no further command, so that one batch holds the event loop briefly. */
const BATCH_STEPS = 8 * STEP_BUDGET;

/**
 * Serialises the values of one command's records (values shared by several records once). Done per command, so a
 * value that cannot be written (nested too deep for the serialiser) fails its own command, not the batch's write.
 */
function serialise(records: readonly EngineRecord[], into: Map<object, string>): void {
  for (const record of records) if (!into.has(record.value)) into.set(record.value, JSON.stringify(record.value));
}
/** Client commands waiting beyond this are refused (back-pressure) rather than queued without bound. */
const MAX_QUEUED = 20_000;

/** A written batch whose callers and side effects wait until it is durable. */
interface Written {
  release: () => void;
  fail: (error: Error) => void;
  hasRecords: boolean;
  /** Readers waiting (see `durable`) until this batch, the last written when they asked, is durable. */
  readers: { resolve: () => void; reject: (error: Error) => void }[];
}

const DURABLE: Promise<void> = Promise.resolve();

/**
 * Group commit: commands queue up, a batch is processed in memory (each command to its resting state), written
 * in one transaction, and only once it is durable are callers answered and side effects run. With `sync`, the
 * flush to disk runs off the event loop: meanwhile the next batches are processed and written, and one sync
 * covers all of them. Batches are released strictly in order, so no answer reveals a batch that is not durable;
 * readers of the database keep to the same rule through `durable`.
 */
export class CommandLoop {
  private readonly queue: Pending[] = [];
  private scheduled = false;
  private position: number;
  private down: string | undefined;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  /** Written batches waiting for durability, in commit order. */
  private written: Written[] = [];
  private syncing = false;

  constructor(
    private readonly deps: CommandLoopDeps,
    lastPosition: number,
  ) {
    this.position = lastPosition;
  }

  get lastPosition(): number {
    return this.position;
  }

  resetPosition(position: number): void {
    this.position = position;
  }

  get fault(): string | undefined {
    return this.down;
  }

  get pending(): number {
    return this.queue.length;
  }

  /**
   * Settles once every batch written so far is durable: at once (no macrotask) when none waits for a flush,
   * otherwise when the last of them is released. Refused with EngineDown when the engine goes down before that,
   * and once the loop is closed. A reader awaits it after reading and before answering, so that what it shows
   * cannot be undone by a crash.
   */
  durable(): Promise<void> {
    if (this.down) return Promise.reject(new EngineDown(this.down));
    if (this.closed) return Promise.reject(new Error('The engine is closed'));
    const last = this.written[this.written.length - 1];
    if (!last) return DURABLE;
    return new Promise<void>((resolve, reject) => last.readers.push({ resolve, reject }));
  }

  /**
   * Queues a command. Commands from clients (`external`) are refused with back-pressure while the queue is full;
   * the engine's own follow-ups (due timers, job pushes) are always accepted.
   */
  submit<T>(run: CommandFn<T>, external = false): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The engine is closed'));
    if (this.down) return Promise.reject(new EngineDown(this.down));
    if (external && this.queue.length >= (this.deps.maxQueued ?? MAX_QUEUED)) return Promise.reject(new Backpressure());
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
      if (this.queue.length > 0) this.schedule();
      else this.notifyIdle();
    });
  }

  private notifyIdle(): void {
    if (this.queue.length === 0 && !this.scheduled && this.written.length === 0) for (const idle of this.idleWaiters.splice(0)) idle();
  }

  /**
   * Processes everything queued, including the follow-ups the answers and side effects queue meanwhile, and then
   * refuses further commands, so that the database can be closed without a batch still running on it.
   */
  async drainAndClose(): Promise<void> {
    while (this.queue.length > 0 || this.scheduled || this.written.length > 0) {
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      // let the continuations of the last answers run: they may queue more work
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.closed = true;
  }

  private flush(): void {
    let batch = this.queue.splice(0, MAX_BATCH);
    while (batch.length > 0) {
      const outcome = this.process(batch);
      if (outcome.kind === 'done') return;
      // a command failed (or refused itself after it had written events): roll back, answer it, process the others again
      const culprit = batch[outcome.index];
      if (outcome.error instanceof CommandRejected) {
        this.deps.log.info({ reason: outcome.error.message }, 'command rejected after it wrote events; batch rolled back');
        culprit.reject(outcome.error.rejection);
      } else {
        this.deps.log.error({ err: outcome.error }, 'command failed while processing; batch rolled back');
        culprit.reject(new Rejection('PROCESSING_ERROR', 'COMMAND', `Expected to process the command, but it failed: ${outcome.error.message}`));
      }
      batch = batch.filter((_, i) => i !== outcome.index);
    }
  }

  private process(batch: Pending[]): { kind: 'done' } | { kind: 'fault'; index: number; error: Error } {
    const startKey = this.deps.keys.peek();
    this.deps.state().journal.begin();
    const records: EngineRecord[] = [];
    const answers: (() => void)[] = [];
    const results = new Map<Key, JsonObject>();
    const effects: (() => void)[] = [];
    const serialised = new Map<object, string>();
    const continuations: Continuation[] = [];
    let position = this.position + 1;
    let steps = 0;
    let taken = batch.length;
    for (let i = 0; i < batch.length; i++) {
      const command = batch[i];
      const ctx = new ProcessingContext(this.deps.state(), this.deps.keys, this.deps.now(), position, this.deps.behaviours, this.deps.wantsResult);
      try {
        const value = command.run(ctx);
        ctx.drain();
        this.deps.afterCommand?.(ctx);
        serialise(ctx.records, serialised);
        answers.push(() => command.resolve(value));
      } catch (error) {
        if (error instanceof CommandRejected && ctx.records.length === 0) {
          answers.push(() => command.reject(error.rejection));
          continue;
        }
        this.rollback(startKey);
        return { kind: 'fault', index: i, error: error instanceof Error ? error : new Error(String(error)) };
      }
      records.push(...ctx.records);
      for (const [key, vars] of ctx.results) results.set(key, vars);
      effects.push(...ctx.afterCommit);
      position = ctx.position;
      const continuation = ctx.continuation();
      if (continuation) continuations.push(continuation);
      steps += ctx.stepsTaken;
      if (steps >= BATCH_STEPS && i < batch.length - 1) {
        // the rest of the batch waits for the next turn, ahead of anything queued meanwhile
        taken = i + 1;
        this.queue.unshift(...batch.slice(taken));
        break;
      }
    }
    const written = batch.slice(0, taken);
    try {
      if (records.length > 0) this.deps.commit(records, serialised);
    } catch (error) {
      const reason = `failed to write to the engine database: ${(error as Error).message}`;
      this.goDown(reason, error);
      this.rollback(startKey);
      for (const command of written) command.reject(new EngineDown(reason));
      return { kind: 'done' };
    }
    this.position = position - 1;
    this.deps.state().journal.commit();
    // the work a command left for later runs as a follow-up command, behind the commands already waiting
    for (const continuation of continuations) {
      this.queue.push({
        run: (ctx) => ctx.resume(continuation),
        resolve: () => undefined,
        reject: (error) => this.deps.log.error({ err: error }, 'follow-up work of a command failed'),
      });
    }
    const release = (): void => {
      for (const answer of answers) answer();
      if (records.length > 0 || effects.length > 0) this.deps.afterCommit({ records, results, effects });
    };
    if (!this.deps.sync || (records.length === 0 && this.written.length === 0)) {
      release();
      return { kind: 'done' };
    }
    const fail = (error: Error): void => written.forEach((command) => command.reject(error));
    this.written.push({ release, fail, hasRecords: records.length > 0, readers: [] });
    this.startSync();
    return { kind: 'done' };
  }

  /** One sync at a time; it covers the batches written before it started, later ones wait for the next. */
  private startSync(): void {
    const sync = this.deps.sync;
    if (this.syncing || !sync || this.down) return;
    const covered = this.written.length;
    if (!this.written.some((w) => w.hasRecords)) {
      this.releaseFirst(covered);
      return;
    }
    this.syncing = true;
    sync((error) => {
      this.syncing = false;
      if (error) {
        this.goDown(`failed to flush the engine database to disk: ${error.message}`, error);
        return;
      }
      this.releaseFirst(covered);
      if (this.written.length > 0) this.startSync();
    });
  }

  private releaseFirst(count: number): void {
    for (const written of this.written.splice(0, count)) {
      try {
        written.release();
      } catch (error) {
        this.deps.log.error({ err: error }, 'answering a durable batch failed');
      }
      for (const reader of written.readers) reader.resolve();
    }
    this.notifyIdle();
  }

  /** The log can no longer be trusted: refuse everything from now on, including batches not yet durable. */
  private goDown(reason: string, error: unknown): void {
    this.down = reason;
    this.deps.log.fatal({ err: error }, 'engine database write failed; engine is DOWN');
    const refusal = new EngineDown(reason);
    for (const written of this.written.splice(0)) {
      written.fail(refusal);
      for (const reader of written.readers) reader.reject(refusal);
    }
    for (const command of this.queue.splice(0)) command.reject(refusal);
    this.notifyIdle();
  }

  /** Undoes the batch in memory (the journal's before-images): nothing of it was written. */
  private rollback(startKey: bigint): void {
    this.deps.keys.reset(startKey);
    this.deps.state().journal.rollback();
  }
}
