import { type ActivateJobsRequest, type ActivatedJob, type JobStream, type JobStreamRequest } from '../api';
import { type CommandFn } from './command-loop';
import { activatableJobTypes } from './activatable-types';
import { activateJobs } from './commands/job-activation';
import { yieldJob } from './commands/job-commands';
import { type ProcessingContext } from './context';

const DEFAULT_LONG_POLL_MS = 10_000;

interface Waiter {
  req: ActivateJobsRequest;
  resolve: (jobs: ActivatedJob[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  busy: boolean;
  /** Jobs arrived while this waiter's activation was running: when it comes back empty, try again. */
  wokenWhileBusy: boolean;
  done: boolean;
  detach: () => void;
}

interface Stream {
  req: JobStreamRequest;
  stream: JobStream;
}

type Submit = <T>(run: CommandFn<T>) => Promise<T>;

/**
 * Hands activatable jobs to workers: push streams first (each job is activated for one stream and pushed after
 * the commit), then long-polling requests waiting for a job of their type.
 */
export class JobDispatcher {
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly streams = new Map<string, Stream[]>();
  /** Types with a stream activation in flight; true = more jobs arrived meanwhile, run again. */
  private readonly pendingTypes = new Map<string, boolean>();
  private roundRobin = 0;

  constructor(private readonly submit: Submit) {}

  async activate(req: ActivateJobsRequest, signal?: AbortSignal): Promise<ActivatedJob[]> {
    const jobs = await this.submit((ctx) => activateJobs(ctx, req));
    const wait = req.requestTimeout === undefined || req.requestTimeout === 0 ? DEFAULT_LONG_POLL_MS : req.requestTimeout;
    if (jobs.length > 0 || wait < 0 || signal?.aborted) return jobs;
    return new Promise<ActivatedJob[]>((resolve, reject) => {
      const onAbort = (): void => finish(waiter, []);
      const waiter: Waiter = {
        req, resolve, reject, busy: false, wokenWhileBusy: false, done: false,
        timer: setTimeout(() => finish(waiter, []), wait),
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort);
      const list = this.waiters.get(req.type) ?? [];
      list.push(waiter);
      this.waiters.set(req.type, list);
      const finish = (w: Waiter, result: ActivatedJob[]): void => this.finish(w, result);
      // a job may have become activatable between the first attempt and registering
      this.jobsAvailable([req.type]);
    });
  }

  openStream(req: JobStreamRequest, stream: JobStream): () => void {
    if (!req.type || req.type.trim() === '') throw new Error('Expected to open a job stream with a job type, but it was blank');
    if (!(req.timeout > 0)) throw new Error(`Expected to open a job stream with a timeout greater than zero, but it was '${req.timeout}'`);
    const entry: Stream = { req, stream };
    const list = this.streams.get(req.type) ?? [];
    list.push(entry);
    this.streams.set(req.type, list);
    this.jobsAvailable([req.type]);
    return () => {
      const remaining = (this.streams.get(req.type) ?? []).filter((s) => s !== entry);
      if (remaining.length > 0) this.streams.set(req.type, remaining);
      else this.streams.delete(req.type);
    };
  }

  /**
   * Inside a command's batch: jobs that became activatable in it go to the open streams at once, so that a job is
   * created, activated and pushed after one commit.
   */
  pushInBatch(ctx: ProcessingContext): void {
    if (this.streams.size === 0) return;
    for (const type of activatableJobTypes(ctx.state, ctx.records)) {
      if (this.streams.has(type) && ctx.state.hasActivatableJobs(type)) this.activateForStreams(ctx, type);
    }
  }

  /** Called after a commit with the job types that got activatable jobs; `pollOnly` skips the streams. */
  jobsAvailable(types: Iterable<string>, pollOnly = false): void {
    for (const type of types) {
      if (this.streams.has(type) && !pollOnly) {
        if (this.pendingTypes.has(type)) {
          this.pendingTypes.set(type, true);
          continue;
        }
        this.pendingTypes.set(type, false);
        const done = (): void => {
          const again = this.pendingTypes.get(type);
          this.pendingTypes.delete(type);
          if (again) this.jobsAvailable([type]);
        };
        this.submit((ctx) => this.activateForStreams(ctx, type)).then(done, done);
      } else {
        this.serveWaiters(type);
      }
    }
  }

  closeAll(): void {
    for (const list of this.waiters.values()) for (const w of list) this.finish(w, []);
    this.waiters.clear();
    this.streams.clear();
  }

  private activateForStreams(ctx: ProcessingContext, type: string): void {
    const streams = this.streams.get(type) ?? [];
    if (streams.length === 0) return;
    const jobs = ctx.state.activatableJobs(type, undefined, Number.MAX_SAFE_INTEGER);
    const perStream = new Map<Stream, typeof jobs>();
    for (const job of jobs) {
      const candidates = streams.filter((s) => !s.req.tenantIds?.length || s.req.tenantIds.includes(job.value.tenantId));
      if (candidates.length === 0) continue;
      const stream = candidates[this.roundRobin++ % candidates.length];
      perStream.set(stream, [...(perStream.get(stream) ?? []), job]);
    }
    for (const [stream, assigned] of perStream) {
      const req: ActivateJobsRequest = { ...stream.req, maxJobsToActivate: assigned.length };
      const activated = activateJobs(ctx, req, assigned);
      ctx.onCommitted(() => {
        const refused = activated.filter((job) => !safePush(stream.stream, job));
        if (refused.length > 0) void this.submit((c) => refused.forEach((job) => yieldJob(c, job.key)));
      });
    }
  }

  private serveWaiters(type: string): void {
    const waiting = this.waiters.get(type) ?? [];
    const waiter = waiting.find((w) => !w.busy && !w.done);
    if (!waiter) {
      // every waiter is activating: their activation may have run before these jobs were committed
      for (const w of waiting) if (w.busy) w.wokenWhileBusy = true;
      return;
    }
    waiter.busy = true;
    waiter.wokenWhileBusy = false;
    // a waiter that gave up meanwhile activates nothing
    this.submit((ctx) => (waiter.done ? [] : activateJobs(ctx, waiter.req))).then(
      (jobs) => {
        waiter.busy = false;
        if (jobs.length > 0) this.finish(waiter, jobs);
        else if (!waiter.wokenWhileBusy) return;
        this.serveWaiters(type);
      },
      (error: Error) => {
        waiter.busy = false;
        this.fail(waiter, error);
      },
    );
  }

  private finish(waiter: Waiter, jobs: ActivatedJob[]): void {
    if (waiter.done) return;
    waiter.done = true;
    clearTimeout(waiter.timer);
    waiter.detach();
    this.remove(waiter);
    waiter.resolve(jobs);
  }

  private fail(waiter: Waiter, error: Error): void {
    if (waiter.done) return;
    waiter.done = true;
    clearTimeout(waiter.timer);
    waiter.detach();
    this.remove(waiter);
    waiter.reject(error);
  }

  private remove(waiter: Waiter): void {
    const list = (this.waiters.get(waiter.req.type) ?? []).filter((w) => w !== waiter);
    if (list.length > 0) this.waiters.set(waiter.req.type, list);
    else this.waiters.delete(waiter.req.type);
  }
}

/** A stream that throws cannot take the job either. */
function safePush(stream: JobStream, job: ActivatedJob): boolean {
  try {
    return stream.push(job);
  } catch {
    return false;
  }
}
