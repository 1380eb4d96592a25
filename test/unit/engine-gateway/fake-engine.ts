import Database from 'better-sqlite3';
import {
  Rejection,
  type ActivateJobsRequest,
  type ActivatedJob,
  type Engine,
  type EngineClock,
  type JobStream,
} from '../../../src/engine/api';
import { readModels } from '../../../src/engine/projections';

/**
 * A test double of the engine for gateway translation tests: it holds activatable jobs in memory and refuses
 * everything else the way the engine does. Contract tests in test/contract run against the real engine.
 */
export class FakeEngine implements Partial<Engine> {
  readonly jobs: ActivatedJob[] = [];
  readonly completed: { key: string; variables?: object }[] = [];
  readonly streams: JobStream[] = [];
  private waiters: (() => void)[] = [];
  private readonly db = new Database(':memory:');
  pinned: number | undefined;
  readonly clock: EngineClock = {
    now: () => this.pinned ?? Date.now(),
    controlled: true,
    pin: (ms) => {
      this.pinned = ms;
    },
    add: (ms) => {
      this.pinned = (this.pinned ?? Date.now()) + ms;
    },
    reset: () => {
      this.pinned = undefined;
    },
  };

  constructor() {
    readModels().setup(this.db);
  }

  addJob(job: Partial<ActivatedJob> & { key: string; type: string }): void {
    const full: ActivatedJob = {
      processInstanceKey: '1', bpmnProcessId: 'inspection', processDefinitionVersion: 1, processDefinitionKey: '2',
      elementId: 'task', elementInstanceKey: '3', customHeaders: { 区: '峄城' }, worker: '', retries: 3, deadline: -1,
      variables: { 企业: '甲' }, tenantId: '<default>', kind: 'BPMN_ELEMENT', ...job,
    };
    const stream = this.streams.shift();
    if (stream) {
      this.streams.push(stream);
      if (stream.push(full)) return;
    }
    this.jobs.push(full);
    for (const wake of this.waiters.splice(0)) wake();
  }

  async activateJobs(req: ActivateJobsRequest, signal?: AbortSignal): Promise<ActivatedJob[]> {
    const take = () => {
      const taken = this.jobs.filter((j) => j.type === req.type).slice(0, req.maxJobsToActivate);
      for (const job of taken) this.jobs.splice(this.jobs.indexOf(job), 1);
      return taken.map((j) => ({ ...j, worker: req.worker, deadline: this.clock.now() + req.timeout }));
    };
    let jobs = take();
    if (jobs.length > 0 || (req.requestTimeout ?? 0) < 0) return jobs;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, req.requestTimeout);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(wake);
      signal?.addEventListener('abort', wake);
    });
    jobs = take();
    return jobs;
  }

  openJobStream(_req: unknown, stream: JobStream): () => void {
    this.streams.push(stream);
    return () => this.streams.splice(this.streams.indexOf(stream), 1);
  }

  async completeJob(key: string, variables?: object): Promise<void> {
    if (key === '404') throw new Rejection('NOT_FOUND', 'COMPLETE', `Expected to complete job with key '${key}', but no such job was found`);
    if (key === '409') throw new Rejection('INVALID_STATE', 'COMPLETE', `Expected to complete job with key '${key}', but it is in state 'FAILED'`);
    this.completed.push({ key, variables });
  }

  async cancelProcessInstance(key: string): Promise<void> {
    throw new Rejection('NOT_FOUND', 'CANCEL', `Expected to cancel a process instance with key '${key}', but no such process was found`);
  }

  health() {
    return { status: 'UP' as const };
  }

  readDb() {
    return this.db;
  }

  asEngine(): Engine {
    return this as unknown as Engine;
  }
}
