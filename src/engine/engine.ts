import {
  type ActivateJobsRequest, type ActivatedJob, type CorrelateMessageResult, type CreateInstanceRequest,
  type CreateInstanceWithResultRequest, type DecisionEvaluationRecordValue, DEFAULT_TENANT, type DeploymentResource,
  type DeploymentResult, type Engine, type EngineOptions, type EngineRecord, type EvaluateDecisionRequest,
  type FailJobRequest, type JobStream, type JobStreamRequest, type JsonObject, type Key, type MigrateInstanceRequest, type ModifyInstanceRequest,
  type ProcessInstanceCreated, type ProcessInstanceResult, type PublishMessageRequest, type ReadModel, type RecordListener,
  type ThrowErrorRequest, type UserTaskAssignRequest, type UserTaskChangeset,
} from './api';
import type { Database } from 'better-sqlite3';
import { componentLogger } from '../logging';
import { ModuleThread, ThreadLimitError } from '../threads/module-thread';
import { type ClockSetting, ControllableClock } from './clock';
import { KeyGenerator } from './keys';
import { foreignTenantRejection } from './api';
import { GraphCache } from './model/graph-cache';
import { type CommandFn, CommandLoop, type CommittedBatch } from './processing/command-loop';
import { cancelProcessInstance } from './processing/commands/cancel-instance';
import { createProcessInstance } from './processing/commands/create-instance';
import { deleteResource } from './processing/commands/delete-resource';
import { broadcastSignal } from './processing/commands/broadcast-signal';
import { deploy } from './processing/commands/deployment';
import { evaluateDecisionCommand } from './processing/commands/evaluate-decision';
import { migrateProcessInstance } from './processing/commands/migrate-instance';
import { modifyProcessInstance } from './processing/commands/modify-instance';
import { completeJob, failJob, throwError, updateJobRetries, updateJobTimeout } from './processing/commands/job-commands';
import { publishMessage } from './processing/commands/messages';
import {
  deploymentElements, deploymentRefusal, PREPARE_DEPLOYMENT_MODULE, type PreparedDeployment, prepareDeployment,
} from './processing/commands/prepare-deployment';
import { resolveIncident } from './processing/commands/resolve-incident';
import { resumeStalled, stalledElements } from './processing/commands/resume-stalled';
import { setVariables } from './processing/commands/set-variables';
import { assignUserTask, completeUserTask, unassignUserTask, updateUserTask } from './processing/commands/user-task-commands';
import { engineBehaviours } from './processing/install';
import { JobDispatcher } from './processing/job-dispatch';
import { ResultWaiters } from './processing/result-waiters';
import { fireDue } from './processing/commands/fire-due';
import { dueEntriesOf, dueEntriesOfState, stillPending } from './scheduler/due-entries';
import { Scheduler } from './scheduler/scheduler';
import { type EngineState } from './state/engine-state';
import { clockSettingStore } from './store/clock-setting';
import { RecordStore } from './store/record-store';
import { NEXT_KEY_META, loadGraphs, persistedNextKey, recover, replay, snapshot } from './store/recovery';
import { activatableJobTypes, POLLABLE } from './processing/activatable-types';
import { READ_MODELS_PROJECTION } from './projections';
import { openReadModel, type OpenReadModel } from './read-model';

const isMoved = (setting: ClockSetting | undefined) => !!setting && (setting.pinnedAt !== undefined || setting.offset !== 0);

/** Records between periodic snapshots: recovery replays at most this many records after the latest snapshot. */
const SNAPSHOT_EVERY_RECORDS = 100_000;

/**
 * Bounds of the deployment thread. The size and element limits keep a valid deployment far below both (the
 * district's diagrams parse in about a second); they stop what slips past those limits, such as XML built to be slow.
 */
const DEPLOYMENT_THREAD = { timeoutMs: 60_000, maxHeapMb: 512, purpose: 'parsing the deployment' };

/**
 * Deployments of at most this many XML elements are parsed on the event loop (about 60 µs per element, so at most
 * about a tenth of a second): starting the thread costs more than that. Larger ones go to the thread.
 */
const PARSE_ON_LOOP_MAX_ELEMENTS = 2_000;

/** The embedded engine: wires the store, state, command loop, scheduler and job dispatch behind `Engine`. */
export class EmbeddedEngine implements Engine {
  readonly clock: ControllableClock;
  private readonly log = componentLogger('engine');
  private readonly graphs = new GraphCache();
  private readonly keys = new KeyGenerator();
  private readonly listeners = new Set<RecordListener>();
  private readonly results = new ResultWaiters();
  private readonly loop: CommandLoop;
  private readonly jobs: JobDispatcher;
  private readonly scheduler: Scheduler;
  /** Parses large deployments off the event loop, so that one never delays other requests. */
  private readonly deployments = new ModuleThread(PREPARE_DEPLOYMENT_MODULE, DEPLOYMENT_THREAD);
  private state!: EngineState;
  private reads: OpenReadModel | undefined;
  private lastSnapshot = 0;
  private closed = false;

  private constructor(
    private readonly options: EngineOptions,
    private readonly store: RecordStore,
  ) {
    this.clock = new ControllableClock(options.clockControlled, undefined, clockSettingStore(store));
    this.loop = new CommandLoop(
      {
        state: () => this.state,
        keys: this.keys,
        now: () => this.clock.now(),
        commit: (records, serialised) => this.commit(records, serialised),
        sync: store.needsSync ? (done) => store.syncLog(done) : null,
        wantsResult: (key) => this.results.has(key),
        behaviours: engineBehaviours,
        afterCommit: (batch) => this.afterCommit(batch),
        afterCommand: (ctx) => this.jobs.pushInBatch(ctx),
        log: this.log,
      },
      0,
    );
    this.jobs = new JobDispatcher((run) => this.loop.submit(run));
    this.scheduler = new Scheduler(
      this.clock,
      (entries) => void this.loop.submit((ctx) => fireDue(ctx, entries)).catch((e: Error) => this.log.error({ err: e }, 'due work failed')),
      (entry) => stillPending(this.state, entry),
    );
  }

  /**
   * A controlled clock gets back the setting it had when the engine stopped; `pinClockAt` pins it instead. Both
   * happen before recovery, so that due work is judged at that instant.
   */
  static async start(options: EngineOptions, pinClockAt?: number): Promise<EmbeddedEngine> {
    const store = new RecordStore(options);
    const engine = new EmbeddedEngine(options, store);
    const restored = engine.clock.restore();
    if (restored) engine.log.info({ clock: new Date(engine.clock.now()).toISOString() }, 'controlled clock restored');
    else if (!options.clockControlled && isMoved(clockSettingStore(store).load())) {
      engine.log.warn('the clock was moved in an earlier run; without ENGINE_CLOCK_CONTROLLED=true it runs on the wall clock');
    }
    if (pinClockAt !== undefined) engine.clock.pin(pinClockAt);
    for (const projection of options.projections ?? []) projection.setup(store.db);
    if (options.projections?.some((p) => p.name === READ_MODELS_PROJECTION)) engine.reads = openReadModel(store.db);
    await loadGraphs(store, engine.graphs);
    engine.state = recover(store, engine.graphs);
    engine.keys.reset(persistedNextKey(store));
    engine.lastSnapshot = store.loadSnapshot()?.position ?? 0;
    engine.loop.resetPosition(store.lastPosition());
    engine.scheduler.add(dueEntriesOfState(engine.state));
    engine.jobs.jobsAvailable(activatableJobTypes(engine.state));
    const stalled = stalledElements(engine.state);
    if (stalled.length > 0) {
      engine.loop.submit((ctx) => resumeStalled(ctx, stalled)).catch((e: Error) => engine.log.error({ err: e }, 'resuming follow-up work failed'));
    }
    return engine;
  }

  private rebuild(): void {
    this.state = replay(this.store, this.graphs);
    this.keys.reset(persistedNextKey(this.store));
    this.loop.resetPosition(this.store.lastPosition());
  }

  private commit(records: EngineRecord[], serialised: Map<object, string>): void {
    const last = records[records.length - 1].position;
    this.store.db.transaction(() => {
      this.store.append(records, { [NEXT_KEY_META]: this.keys.peek().toString() }, serialised);
      for (const projection of this.options.projections ?? []) projection.apply(records, this.store.db);
      // the in-memory state now matches the log up to `last`: snapshot it now and then to keep recovery short, and
      // drop the records the snapshot holds, so the log grows with the work in progress rather than with history
      if (last - this.lastSnapshot >= this.snapshotInterval()) {
        this.snapshotAt(last);
        this.store.compactThrough(last);
      }
    })();
  }

  /**
   * Records between periodic snapshots: at least SNAPSHOT_EVERY_RECORDS, and more for a large state, so that the
   * cost of writing a snapshot (proportional to the state) stays a small constant per record.
   */
  private snapshotInterval(): number {
    return Math.max(this.options.snapshotEveryRecords ?? SNAPSHOT_EVERY_RECORDS, 50 * (this.state.elementInstances.size + this.state.jobs.size + this.state.userTasks.size));
  }

  private snapshotAt(position: number): void {
    snapshot(this.store, this.state, position, this.keys.peek());
    this.lastSnapshot = position;
  }

  /** After a commit: announce the records first, then run the side effects (job pushes, timers, waiters). */
  private afterCommit(batch: CommittedBatch): void {
    if (batch.records.length > 0) {
      for (const listener of this.listeners) {
        try {
          listener(batch.records);
        } catch (error) {
          this.log.error({ err: error }, 'record listener failed');
        }
      }
    }
    for (const effect of batch.effects) {
      try {
        effect();
      } catch (error) {
        this.log.error({ err: error }, 'after-commit effect failed');
      }
    }
    this.scheduler.add(dueEntriesOf(batch.records));
    const stillActivatable = (types: Set<string>): string[] => [...types].filter((t) => this.state.hasActivatableJobs(t));
    this.jobs.jobsAvailable(stillActivatable(activatableJobTypes(this.state, batch.records)));
    this.jobs.jobsAvailable(stillActivatable(activatableJobTypes(this.state, batch.records, POLLABLE)), true);
    this.results.settle(batch);
  }


  private submit<T>(run: CommandFn<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The engine is closed'));
    return this.loop.submit(run, true);
  }

  // --- Engine API --------------------------------------------------------------------------------------------

  async deploy(resources: DeploymentResource[], tenantId = DEFAULT_TENANT): Promise<DeploymentResult> {
    const refused = foreignTenantRejection('CREATE', 'Deploy Resources', [tenantId]);
    if (refused) throw refused;
    const prepared = await this.prepare(resources);
    return this.submit((ctx) => deploy(ctx, prepared, this.graphs, tenantId));
  }

  private async prepare(resources: DeploymentResource[]): Promise<PreparedDeployment> {
    const refusal = deploymentRefusal(resources);
    if (refusal) return { resources: [], errors: [refusal] };
    if (deploymentElements(resources) <= PARSE_ON_LOOP_MAX_ELEMENTS) return prepareDeployment(resources);
    try {
      return await this.deployments.call<PreparedDeployment>('prepareDeployment', resources);
    } catch (error) {
      if (error instanceof ThreadLimitError) return { resources: [], errors: [error.message] };
      throw error;
    }
  }

  deleteResource(resourceKey: Key): Promise<void> {
    return this.submit((ctx) => deleteResource(ctx, resourceKey));
  }

  createProcessInstance(req: CreateInstanceRequest): Promise<ProcessInstanceCreated> {
    const refused = foreignTenantRejection('CREATE', 'Create Process Instance', [req.tenantId]);
    if (refused) return Promise.reject(refused);
    return this.submit((ctx) => createProcessInstance(ctx, req));
  }

  createProcessInstanceWithResult(req: CreateInstanceWithResultRequest): Promise<ProcessInstanceResult> {
    const refused = foreignTenantRejection('CREATE_WITH_AWAITING_RESULT', 'Create Process Instance', [req.tenantId]);
    if (refused) return Promise.reject(refused);
    return new Promise<ProcessInstanceResult>((resolve, reject) => {
      this.submit((ctx) => {
        const created = createProcessInstance(ctx, req);
        this.results.register(created, req, resolve, reject);
        return created;
      }).then((created) => this.results.armTimeout(created.processInstanceKey, req.requestTimeoutMs ?? 10_000), reject);
    });
  }

  cancelProcessInstance(processInstanceKey: Key): Promise<void> {
    return this.submit((ctx) => cancelProcessInstance(ctx, processInstanceKey));
  }

  modifyProcessInstance(processInstanceKey: Key, req: ModifyInstanceRequest): Promise<void> {
    return this.submit((ctx) => modifyProcessInstance(ctx, processInstanceKey, req));
  }

  migrateProcessInstance(processInstanceKey: Key, req: MigrateInstanceRequest): Promise<void> {
    return this.submit((ctx) => migrateProcessInstance(ctx, processInstanceKey, req));
  }

  activateJobs(req: ActivateJobsRequest, signal?: AbortSignal): Promise<ActivatedJob[]> {
    if (this.closed) return Promise.reject(new Error('The engine is closed'));
    const refused = foreignTenantRejection('ACTIVATE', 'Activate Jobs', req.tenantIds);
    if (refused) return Promise.reject(refused);
    return this.jobs.activate(req, signal);
  }

  openJobStream(req: JobStreamRequest, stream: JobStream): () => void {
    const refused = foreignTenantRejection('ACTIVATE', 'Stream Activated Jobs', req.tenantIds);
    if (refused) throw refused;
    return this.jobs.openStream(req, stream);
  }

  completeJob(jobKey: Key, variables?: JsonObject): Promise<void> {
    return this.submit((ctx) => completeJob(ctx, jobKey, variables));
  }

  failJob(jobKey: Key, req: FailJobRequest): Promise<void> {
    return this.submit((ctx) => failJob(ctx, jobKey, req));
  }

  throwError(jobKey: Key, req: ThrowErrorRequest): Promise<void> {
    return this.submit((ctx) => throwError(ctx, jobKey, req));
  }

  updateJobRetries(jobKey: Key, retries: number): Promise<void> {
    return this.submit((ctx) => updateJobRetries(ctx, jobKey, retries));
  }

  updateJobTimeout(jobKey: Key, timeoutMs: number): Promise<void> {
    return this.submit((ctx) => updateJobTimeout(ctx, jobKey, timeoutMs));
  }

  async publishMessage(req: PublishMessageRequest): Promise<{ key: Key; tenantId: string }> {
    const refused = foreignTenantRejection('PUBLISH', 'Publish Message', [req.tenantId]);
    if (refused) throw refused;
    const result = await this.submit((ctx) => publishMessage(ctx, req));
    return { key: result.messageKey, tenantId: result.tenantId };
  }

  correlateMessage(req: PublishMessageRequest): Promise<CorrelateMessageResult> {
    const refused = foreignTenantRejection('CORRELATE', 'Correlate Message', [req.tenantId]);
    if (refused) return Promise.reject(refused);
    return this.submit((ctx) => publishMessage(ctx, { ...req, timeToLive: 0 }, true));
  }

  broadcastSignal(req: { signalName: string; variables?: JsonObject; tenantId?: string }): Promise<{ key: Key; tenantId: string }> {
    const refused = foreignTenantRejection('BROADCAST', 'Broadcast Signal', [req.tenantId]);
    if (refused) return Promise.reject(refused);
    return this.submit((ctx) => broadcastSignal(ctx, req));
  }

  setVariables(req: { elementInstanceKey: Key; variables: JsonObject; local?: boolean }): Promise<{ key: Key }> {
    return this.submit((ctx) => setVariables(ctx, req));
  }

  resolveIncident(incidentKey: Key): Promise<void> {
    return this.submit((ctx) => resolveIncident(ctx, incidentKey));
  }

  evaluateDecision(req: EvaluateDecisionRequest): Promise<DecisionEvaluationRecordValue & { decisionInstanceKey: Key }> {
    const refused = foreignTenantRejection('EVALUATE', 'Evaluate Decision', [req.tenantId]);
    if (refused) return Promise.reject(refused);
    return this.submit((ctx) => evaluateDecisionCommand(ctx, req));
  }

  assignUserTask(userTaskKey: Key, req: UserTaskAssignRequest): Promise<void> {
    return this.submit((ctx) => assignUserTask(ctx, userTaskKey, req));
  }

  unassignUserTask(userTaskKey: Key): Promise<void> {
    return this.submit((ctx) => unassignUserTask(ctx, userTaskKey));
  }

  updateUserTask(userTaskKey: Key, changeset: UserTaskChangeset, action?: string): Promise<void> {
    return this.submit((ctx) => updateUserTask(ctx, userTaskKey, changeset, action));
  }

  completeUserTask(userTaskKey: Key, variables?: JsonObject, action?: string): Promise<void> {
    return this.submit((ctx) => completeUserTask(ctx, userTaskKey, variables, action));
  }

  onRecords(listener: RecordListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readModel(): ReadModel {
    if (!this.reads) throw new Error('the engine has no read models: create it with createEngine({ …, projections: [readModels()] })');
    return this.reads.model;
  }

  /** The engine's own writable connection, for tests and benchmarks that look at the log and state tables. */
  database(): Database {
    return this.store.db;
  }

  durable(): Promise<void> {
    return this.loop.durable();
  }

  health(): { status: 'UP' | 'DOWN'; details?: string } {
    if (this.closed) return { status: 'DOWN', details: 'the engine is closed' };
    const fault = this.loop.fault;
    return fault ? { status: 'DOWN', details: fault } : { status: 'UP' };
  }

  /** The live state, for tests that compare it with a replay of the log. */
  stateSnapshot(): Record<string, unknown> {
    return this.state.snapshot();
  }

  /** State recovered the way a restart does it (latest snapshot plus the records after it), for tests. */
  recoverySnapshot(): Record<string, unknown> {
    return recover(this.store, this.graphs).snapshot();
  }

  /** A fresh replay of the whole log, for the replay property test. */
  replaySnapshot(): Record<string, unknown> {
    return replay(this.store, this.graphs).snapshot();
  }

  async purge(): Promise<void> {
    if (!this.options.clockControlled) throw new Error('Purging is only allowed when the engine clock is controlled');
    await this.submit(() => undefined);
    const tables = this.store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[];
    this.store.db.transaction(() => {
      for (const { name } of tables) this.store.db.exec(`DELETE FROM "${name.replace(/"/g, '""')}"`);
    })();
    this.scheduler.clear();
    this.graphs.clear();
    this.lastSnapshot = 0;
    this.clock.persist();
    this.rebuild();
  }

  /**
   * Stops taking client commands, answers waiting polls, lets the queued work finish (due timers fired meanwhile
   * included), stops the scheduler, and only then writes the closing snapshot and closes the database.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.jobs.closeAll();
    await this.loop.drainAndClose();
    this.scheduler.stop();
    const position = this.loop.lastPosition;
    if (!this.loop.fault && position > this.lastSnapshot) {
      try {
        this.store.db.transaction(() => this.snapshotAt(position))();
      } catch (error) {
        this.log.warn({ err: error }, 'could not write the closing snapshot; the next start replays the log');
      }
    }
    this.results.rejectAll(new Error('The engine is closed'));
    await this.deployments.close();
    this.reads?.close();
    await this.store.close();
  }
}
