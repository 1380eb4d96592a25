// Clock, projections, the engine itself.
import type { Database } from 'better-sqlite3';
import type { JsonObject, Key } from './basics';
import type {
  ActivateJobsRequest, ActivatedJob, CorrelateMessageResult, CreateInstanceRequest, CreateInstanceWithResultRequest,
  DeploymentResource, DeploymentResult, EvaluateDecisionRequest, FailJobRequest, JobStream, JobStreamRequest,
  MigrateInstanceRequest, ModifyInstanceRequest, ProcessInstanceCreated, ProcessInstanceResult, PublishMessageRequest, ThrowErrorRequest,
  UserTaskAssignRequest, UserTaskChangeset,
} from './commands';
import type { ReadModel } from './read-model';
import type { DecisionEvaluationRecordValue, EngineRecord } from './records';

export interface EngineClock {
  /** Epoch ms of engine time. */
  now(): number;
  /** True when the clock is pinned or offset (controlled mode). */
  readonly controlled: boolean;
  pin(epochMs: number): void;
  add(offsetMs: number): void;
  reset(): void;
}

/**
 * A read model kept in the engine's own SQLite database, updated from the records of each committed batch in the
 * same transaction (so searches are immediately consistent; readers await `Engine.durable` before answering, so
 * that they show only durable batches). The engine's read model (`Engine.readModel()`) queries them.
 */
export interface Projection {
  readonly name: string;
  /** Create tables and indexes if missing. */
  setup(db: Database): void;
  /** Apply a batch of EVENT records (in log order) inside the engine's write transaction. */
  apply(records: readonly EngineRecord[], db: Database): void;
}

export type RecordListener = (records: readonly EngineRecord[]) => void;

export interface EngineOptions {
  /** Folder of the engine database; ignored when durability is 'memory'. */
  dataDir: string;
  durability: 'full' | 'normal' | 'memory';
  /** Allow the clock to be pinned and moved (tests, ENGINE_CLOCK_CONTROLLED). */
  clockControlled: boolean;
  projections?: Projection[];
  /**
   * Records between periodic snapshots (default 100,000, more for a large state); the log is compacted below each
   * periodic snapshot.
   */
  snapshotEveryRecords?: number;
}

export interface Engine {
  readonly clock: EngineClock;

  deploy(resources: DeploymentResource[], tenantId?: string): Promise<DeploymentResult>;
  deleteResource(resourceKey: Key): Promise<void>;

  createProcessInstance(req: CreateInstanceRequest): Promise<ProcessInstanceCreated>;
  createProcessInstanceWithResult(req: CreateInstanceWithResultRequest): Promise<ProcessInstanceResult>;
  cancelProcessInstance(processInstanceKey: Key): Promise<void>;
  modifyProcessInstance(processInstanceKey: Key, req: ModifyInstanceRequest): Promise<void>;
  migrateProcessInstance(processInstanceKey: Key, req: MigrateInstanceRequest): Promise<void>;

  activateJobs(req: ActivateJobsRequest, signal?: AbortSignal): Promise<ActivatedJob[]>;
  /** Opens a push stream; returns the function that closes it. */
  openJobStream(req: JobStreamRequest, stream: JobStream): () => void;
  completeJob(jobKey: Key, variables?: JsonObject): Promise<void>;
  failJob(jobKey: Key, req: FailJobRequest): Promise<void>;
  throwError(jobKey: Key, req: ThrowErrorRequest): Promise<void>;
  updateJobRetries(jobKey: Key, retries: number): Promise<void>;
  updateJobTimeout(jobKey: Key, timeoutMs: number): Promise<void>;

  publishMessage(req: PublishMessageRequest): Promise<{ key: Key; tenantId: string }>;
  correlateMessage(req: PublishMessageRequest): Promise<CorrelateMessageResult>;
  broadcastSignal(req: { signalName: string; variables?: JsonObject; tenantId?: string }): Promise<{ key: Key; tenantId: string }>;

  setVariables(req: { elementInstanceKey: Key; variables: JsonObject; local?: boolean }): Promise<{ key: Key }>;
  resolveIncident(incidentKey: Key): Promise<void>;
  evaluateDecision(req: EvaluateDecisionRequest): Promise<DecisionEvaluationRecordValue & { decisionInstanceKey: Key }>;

  assignUserTask(userTaskKey: Key, req: UserTaskAssignRequest): Promise<void>;
  unassignUserTask(userTaskKey: Key): Promise<void>;
  updateUserTask(userTaskKey: Key, changeset: UserTaskChangeset, action?: string): Promise<void>;
  completeUserTask(userTaskKey: Key, variables?: JsonObject, action?: string): Promise<void>;

  /** Called after each committed batch with its EVENT records (after-commit side effects only). */
  onRecords(listener: RecordListener): () => void;
  /**
   * The read model (searches and gets over the projections), on a connection that cannot write. Throws when the
   * engine was created without `projections: [readModels()]`.
   */
  readModel(): ReadModel;
  /**
   * Settles once every batch written so far is durable (durability `full` flushes them off the event loop): at
   * once when none waits for a flush. Rejects with EngineDown when the engine goes down first, or once it is
   * closed. Whoever answers from `readModel` awaits it after reading and before answering.
   */
  durable(): Promise<void>;
  /** 'UP' while the engine can process; 'DOWN' with the reason after a fault. */
  health(): { status: 'UP' | 'DOWN'; details?: string };
  /** Deletes all data (clock-controlled mode only): Camunda's cluster purge. */
  purge(): Promise<void>;
  close(): Promise<void>;
}
