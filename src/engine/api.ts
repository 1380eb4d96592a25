/**
 * The embedded engine's in-process contract. The gateways (gRPC, REST /v2, management) translate wire calls to
 * this interface and nothing else; the engine core implements it. Shapes follow Zeebe's protocol records
 * (io.camunda.zeebe.protocol.record.value.*) so that gateways and projections can be written from Zeebe's
 * documentation alone. Keys are int64 values carried as decimal strings everywhere.
 */
import type { Database } from 'better-sqlite3';

export type Key = string;
export const NO_KEY: Key = '-1';
export const DEFAULT_TENANT = '<default>';

export type JsonObject = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------------------------
// Rejections: the caller's fault, answered with a type and Zeebe's reason text.

export type RejectionType =
  | 'NOT_FOUND'
  | 'INVALID_STATE'
  | 'INVALID_ARGUMENT'
  | 'ALREADY_EXISTS'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'EXCEEDED_BATCH_RECORD_SIZE'
  | 'PROCESSING_ERROR';

/** A command the engine refused. `intent` is the command intent, e.g. 'COMPLETE' for a job completion. */
export class Rejection extends Error {
  constructor(
    readonly rejectionType: RejectionType,
    readonly intent: string,
    readonly reason: string,
  ) {
    super(`Command '${intent}' rejected with code '${rejectionType}': ${reason}`);
    this.name = 'Rejection';
  }
}

/** Thrown when the engine cannot accept more work right now (real back-pressure only). */
export class Backpressure extends Error {
  constructor(message = 'Expected to handle the command, but the engine is overloaded; retry later') {
    super(message);
    this.name = 'Backpressure';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Records: the append-only log. Every state change is an EVENT record; refused commands are COMMAND_REJECTION.

export type RecordType = 'EVENT' | 'COMMAND' | 'COMMAND_REJECTION';

export type ValueType =
  | 'DEPLOYMENT'
  | 'PROCESS'
  | 'DECISION'
  | 'DECISION_REQUIREMENTS'
  | 'FORM'
  | 'PROCESS_INSTANCE'
  | 'PROCESS_INSTANCE_CREATION'
  | 'PROCESS_INSTANCE_MODIFICATION'
  | 'JOB'
  | 'JOB_BATCH'
  | 'VARIABLE'
  | 'VARIABLE_DOCUMENT'
  | 'INCIDENT'
  | 'MESSAGE'
  | 'MESSAGE_SUBSCRIPTION'
  | 'MESSAGE_START_EVENT_SUBSCRIPTION'
  | 'PROCESS_MESSAGE_SUBSCRIPTION'
  | 'MESSAGE_CORRELATION'
  | 'TIMER'
  | 'SIGNAL'
  | 'SIGNAL_SUBSCRIPTION'
  | 'ESCALATION'
  | 'ERROR'
  | 'DECISION_EVALUATION'
  | 'USER_TASK'
  | 'RESOURCE_DELETION'
  | 'CLOCK';

export interface EngineRecord<V = JsonObject> {
  /** Position in the log, strictly increasing from 1. */
  position: number;
  /** Key of the entity the record is about (element instance, job, incident, …), or '-1'. */
  key: Key;
  /** Engine clock time (epoch ms) when the record was written. */
  timestamp: number;
  recordType: RecordType;
  valueType: ValueType;
  /** e.g. ELEMENT_ACTIVATING, CREATED, COMPLETED, RESOLVED, TIMED_OUT … */
  intent: string;
  /** For COMMAND_REJECTION only. */
  rejectionType?: RejectionType;
  rejectionReason?: string;
  value: V;
}

export type BpmnElementType =
  | 'PROCESS'
  | 'SUB_PROCESS'
  | 'EVENT_SUB_PROCESS'
  | 'START_EVENT'
  | 'INTERMEDIATE_CATCH_EVENT'
  | 'INTERMEDIATE_THROW_EVENT'
  | 'BOUNDARY_EVENT'
  | 'END_EVENT'
  | 'SERVICE_TASK'
  | 'RECEIVE_TASK'
  | 'USER_TASK'
  | 'MANUAL_TASK'
  | 'TASK'
  | 'EXCLUSIVE_GATEWAY'
  | 'PARALLEL_GATEWAY'
  | 'EVENT_BASED_GATEWAY'
  | 'INCLUSIVE_GATEWAY'
  | 'MULTI_INSTANCE_BODY'
  | 'CALL_ACTIVITY'
  | 'BUSINESS_RULE_TASK'
  | 'SCRIPT_TASK'
  | 'SEND_TASK'
  | 'SEQUENCE_FLOW';

export type BpmnEventType =
  | 'UNSPECIFIED'
  | 'NONE'
  | 'MESSAGE'
  | 'TIMER'
  | 'ERROR'
  | 'SIGNAL'
  | 'ESCALATION'
  | 'TERMINATE'
  | 'LINK'
  | 'COMPENSATION'
  | 'CONDITIONAL';

/** PROCESS_INSTANCE records; intents ELEMENT_ACTIVATING/ACTIVATED/COMPLETING/COMPLETED/TERMINATING/TERMINATED, SEQUENCE_FLOW_TAKEN. */
export interface ProcessInstanceRecordValue {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: Key;
  processInstanceKey: Key;
  elementId: string;
  /** The flow scope's element instance key; '-1' for the process itself. */
  flowScopeKey: Key;
  bpmnElementType: BpmnElementType;
  bpmnEventType: BpmnEventType;
  parentProcessInstanceKey: Key;
  parentElementInstanceKey: Key;
  tenantId: string;
}

/** JOB records; intents CREATED, ACTIVATED (per job, in a JOB_BATCH), COMPLETED, FAILED, RETRIES_UPDATED,
 * TIMED_OUT, RECURRED_AFTER_BACKOFF, ERROR_THROWN, CANCELED, TIMEOUT_UPDATED. */
export interface JobRecordValue {
  type: string;
  worker: string;
  retries: number;
  retryBackoff: number;
  recurringTime: number;
  /** Epoch ms; -1 until activated. */
  deadline: number;
  timeout: number;
  errorMessage: string;
  errorCode: string;
  customHeaders: Record<string, string>;
  variables: JsonObject;
  elementId: string;
  elementInstanceKey: Key;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: Key;
  processInstanceKey: Key;
  tenantId: string;
  jobKind: 'BPMN_ELEMENT' | 'EXECUTION_LISTENER' | 'TASK_LISTENER';
}

/** VARIABLE records; intents CREATED, UPDATED. `value` is the JSON text of the value. */
export interface VariableRecordValue {
  name: string;
  value: string;
  scopeKey: Key;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  bpmnProcessId: string;
  tenantId: string;
}

export type IncidentErrorType =
  | 'UNKNOWN'
  | 'IO_MAPPING_ERROR'
  | 'JOB_NO_RETRIES'
  | 'EXECUTION_LISTENER_NO_RETRIES'
  | 'CONDITION_ERROR'
  | 'EXTRACT_VALUE_ERROR'
  | 'CALLED_ELEMENT_ERROR'
  | 'UNHANDLED_ERROR_EVENT'
  | 'MESSAGE_SIZE_EXCEEDED'
  | 'CALLED_DECISION_ERROR'
  | 'DECISION_EVALUATION_ERROR'
  | 'FORM_NOT_FOUND';

/** INCIDENT records; intents CREATED, RESOLVED. */
export interface IncidentRecordValue {
  errorType: IncidentErrorType;
  errorMessage: string;
  bpmnProcessId: string;
  processDefinitionKey: Key;
  processInstanceKey: Key;
  elementId: string;
  elementInstanceKey: Key;
  variableScopeKey: Key;
  jobKey: Key;
  tenantId: string;
}

/** USER_TASK records; intents CREATING, CREATED, ASSIGNING, CLAIMING, ASSIGNED, UPDATING, UPDATED, COMPLETING,
 * COMPLETED, CANCELING, CANCELED. */
export interface UserTaskRecordValue {
  userTaskKey: Key;
  assignee: string;
  candidateGroupsList: string[];
  candidateUsersList: string[];
  /** ISO-8601 date-time or ''. */
  dueDate: string;
  followUpDate: string;
  formKey: Key;
  externalFormReference: string;
  customHeaders: Record<string, string>;
  priority: number;
  variables: JsonObject;
  changedAttributes: string[];
  action: string;
  elementId: string;
  elementInstanceKey: Key;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: Key;
  processInstanceKey: Key;
  /** The element's name, so task lists need not parse the diagram. */
  elementName: string;
  creationTimestamp: number;
  tenantId: string;
}

/** PROCESS records (one per deployed definition); intent CREATED, DELETED. */
export interface ProcessRecordValue {
  bpmnProcessId: string;
  version: number;
  versionTag: string;
  processDefinitionKey: Key;
  resourceName: string;
  checksum: string;
  /** The BPMN XML of the whole resource. */
  resource: string;
  /** Name of the process element, if any. */
  name: string;
  duplicate: boolean;
  deploymentKey: Key;
  tenantId: string;
}

/** FORM records; intent CREATED, DELETED. */
export interface FormRecordValue {
  formId: string;
  version: number;
  versionTag: string;
  formKey: Key;
  resourceName: string;
  checksum: string;
  /** The form JSON as text. */
  resource: string;
  duplicate: boolean;
  deploymentKey: Key;
  tenantId: string;
}

/** DECISION records; intent CREATED, DELETED. */
export interface DecisionRecordValue {
  decisionId: string;
  decisionName: string;
  version: number;
  versionTag: string;
  decisionKey: Key;
  decisionRequirementsId: string;
  decisionRequirementsKey: Key;
  duplicate: boolean;
  deploymentKey: Key;
  tenantId: string;
}

/** DECISION_REQUIREMENTS records; intent CREATED, DELETED. */
export interface DecisionRequirementsRecordValue {
  decisionRequirementsId: string;
  decisionRequirementsName: string;
  decisionRequirementsVersion: number;
  decisionRequirementsKey: Key;
  namespace: string;
  resourceName: string;
  checksum: string;
  /** The DMN XML as text. */
  resource: string;
  duplicate: boolean;
  deploymentKey: Key;
  tenantId: string;
}

/** MESSAGE records; intents PUBLISHED, EXPIRED. */
export interface MessageRecordValue {
  name: string;
  correlationKey: string;
  timeToLive: number;
  deadline: number;
  messageId: string;
  variables: JsonObject;
  tenantId: string;
}

/** TIMER records; intents CREATED, TRIGGERED, CANCELED. */
export interface TimerRecordValue {
  elementInstanceKey: Key;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  dueDate: number;
  targetElementId: string;
  repetitions: number;
  tenantId: string;
}

/** DECISION_EVALUATION records; intents EVALUATED, FAILED. */
export interface DecisionEvaluationRecordValue {
  decisionId: string;
  decisionName: string;
  decisionKey: Key;
  decisionVersion: number;
  decisionRequirementsId: string;
  decisionRequirementsKey: Key;
  /** JSON text of the decision's output. */
  decisionOutput: string;
  evaluatedDecisions: EvaluatedDecision[];
  failedDecisionId: string;
  evaluationFailureMessage: string;
  bpmnProcessId: string;
  processDefinitionKey: Key;
  processInstanceKey: Key;
  elementId: string;
  elementInstanceKey: Key;
  tenantId: string;
}

export interface EvaluatedDecision {
  decisionId: string;
  decisionName: string;
  decisionKey: Key;
  decisionVersion: number;
  decisionType: string;
  /** JSON text. */
  decisionOutput: string;
  evaluatedInputs: { inputId: string; inputName: string; inputValue: string }[];
  matchedRules: {
    ruleId: string;
    ruleIndex: number;
    evaluatedOutputs: { outputId: string; outputName: string; outputValue: string }[];
  }[];
  tenantId: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Command inputs and results.

export interface DeploymentResource {
  /** File name; its ending selects the kind: .bpmn/.xml, .dmn, .form. */
  name: string;
  content: Buffer;
}

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: Key;
  resourceName: string;
  tenantId: string;
}
export interface DeployedDecision {
  decisionId: string;
  decisionName: string;
  version: number;
  decisionKey: Key;
  decisionRequirementsId: string;
  decisionRequirementsKey: Key;
  tenantId: string;
}
export interface DeployedDecisionRequirements {
  decisionRequirementsId: string;
  decisionRequirementsName: string;
  version: number;
  decisionRequirementsKey: Key;
  resourceName: string;
  tenantId: string;
}
export interface DeployedForm {
  formId: string;
  version: number;
  formKey: Key;
  resourceName: string;
  tenantId: string;
}

export interface DeploymentResult {
  deploymentKey: Key;
  tenantId: string;
  processes: DeployedProcess[];
  decisions: DeployedDecision[];
  decisionRequirements: DeployedDecisionRequirements[];
  forms: DeployedForm[];
}

export interface CreateInstanceRequest {
  /** Either bpmnProcessId (latest version, or `version` when ≥ 1) or processDefinitionKey. */
  bpmnProcessId?: string;
  version?: number;
  processDefinitionKey?: Key;
  variables?: JsonObject;
  /** Start at these elements instead of the none start event. */
  startInstructions?: { elementId: string }[];
  tenantId?: string;
}

export interface ProcessInstanceCreated {
  processDefinitionKey: Key;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: Key;
  tenantId: string;
}

export interface CreateInstanceWithResultRequest extends CreateInstanceRequest {
  /** Names of root variables to return; all when absent or empty. */
  fetchVariables?: string[];
  /** How long to wait for completion; the engine rejects with 'DEADLINE' semantics via a TimeoutError. */
  requestTimeoutMs?: number;
}

export interface ProcessInstanceResult extends ProcessInstanceCreated {
  variables: JsonObject;
}

/** Raised by createProcessInstanceWithResult when the instance did not complete in time. */
export class ResultTimeout extends Error {
  constructor(readonly processInstanceKey: Key) {
    super(`Expected to complete process instance '${processInstanceKey}' within the request timeout, but it did not`);
    this.name = 'ResultTimeout';
  }
}

export interface ModifyInstanceRequest {
  activateInstructions?: {
    elementId: string;
    /** The flow scope instance to activate in; '-1' or absent = find it (must be unique). */
    ancestorElementInstanceKey?: Key;
    variableInstructions?: { scopeId?: string; variables: JsonObject }[];
  }[];
  terminateInstructions?: { elementInstanceKey: Key }[];
}

export interface ActivateJobsRequest {
  type: string;
  worker: string;
  /** Lock duration in ms (> 0). */
  timeout: number;
  maxJobsToActivate: number;
  fetchVariable?: string[];
  /** Long polling: > 0 wait up to this many ms for a job; 0 = default (10 s); < 0 = answer at once. */
  requestTimeout?: number;
  tenantIds?: string[];
}

export interface ActivatedJob {
  key: Key;
  type: string;
  processInstanceKey: Key;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  processDefinitionKey: Key;
  elementId: string;
  elementInstanceKey: Key;
  customHeaders: Record<string, string>;
  worker: string;
  retries: number;
  /** Epoch ms. */
  deadline: number;
  variables: JsonObject;
  tenantId: string;
  kind: 'BPMN_ELEMENT' | 'EXECUTION_LISTENER' | 'TASK_LISTENER';
}

export interface JobStreamRequest {
  type: string;
  worker: string;
  timeout: number;
  fetchVariable?: string[];
  tenantIds?: string[];
}

/**
 * A push consumer of activated jobs. `push` is called after the activation is committed; return false when the
 * stream can no longer take the job (closed, saturated): the engine then makes the job activatable again.
 */
export interface JobStream {
  push(job: ActivatedJob): boolean;
}

export interface FailJobRequest {
  retries: number;
  errorMessage?: string;
  retryBackOff?: number;
  variables?: JsonObject;
}

export interface ThrowErrorRequest {
  errorCode: string;
  errorMessage?: string;
  variables?: JsonObject;
}

export interface PublishMessageRequest {
  name: string;
  correlationKey?: string;
  /** ms; 0 = correlate to open subscriptions only. */
  timeToLive?: number;
  messageId?: string;
  variables?: JsonObject;
  tenantId?: string;
}

export interface CorrelateMessageResult {
  messageKey: Key;
  processInstanceKey: Key;
  tenantId: string;
}

export interface EvaluateDecisionRequest {
  decisionId?: string;
  decisionKey?: Key;
  variables?: JsonObject;
  tenantId?: string;
}

export interface UserTaskAssignRequest {
  assignee: string;
  /** Default true; false rejects when another assignee is set (INVALID_STATE). */
  allowOverride?: boolean;
  action?: string;
}

export interface UserTaskChangeset {
  dueDate?: string | null;
  followUpDate?: string | null;
  candidateUsers?: string[] | null;
  candidateGroups?: string[] | null;
  priority?: number | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Clock, projections, the engine itself.

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
 * same transaction (so searches are immediately consistent). Gateways own their projections.
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
}

export interface Engine {
  readonly clock: EngineClock;

  deploy(resources: DeploymentResource[], tenantId?: string): Promise<DeploymentResult>;
  deleteResource(resourceKey: Key): Promise<void>;

  createProcessInstance(req: CreateInstanceRequest): Promise<ProcessInstanceCreated>;
  createProcessInstanceWithResult(req: CreateInstanceWithResultRequest): Promise<ProcessInstanceResult>;
  cancelProcessInstance(processInstanceKey: Key): Promise<void>;
  modifyProcessInstance(processInstanceKey: Key, req: ModifyInstanceRequest): Promise<void>;

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
  /** Read-only access to the engine database for projections' queries. */
  readDb(): Database;
  /** 'UP' while the engine can process; 'DOWN' with the reason after a fault. */
  health(): { status: 'UP' | 'DOWN'; details?: string };
  /** Deletes all data (clock-controlled mode only): Camunda's cluster purge. */
  purge(): Promise<void>;
  close(): Promise<void>;
}
