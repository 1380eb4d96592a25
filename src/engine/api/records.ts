// Records: the append-only log. Every state change is an EVENT record. Commands are not logged: a command is
// processed when it is submitted, and a refused one is answered to its client and leaves no record.
// Value shapes follow Zeebe's protocol records (io.camunda.zeebe.protocol.record.value.*).
import type { JsonObject, Key } from './basics';

/** Only events are written (Zeebe's record types COMMAND and COMMAND_REJECTION have no counterpart here). */
export type RecordType = 'EVENT';

/**
 * The intents of the events written, per value type (Zeebe's intent enums, their event half: commands are not
 * logged). A value type with `never` is part of Zeebe's protocol but has no event here.
 */
export interface EventIntents {
  DEPLOYMENT: 'CREATED';
  PROCESS: 'CREATED' | 'DELETED';
  DECISION: 'CREATED' | 'DELETED';
  DECISION_REQUIREMENTS: 'CREATED' | 'DELETED';
  FORM: 'CREATED' | 'DELETED';
  PROCESS_INSTANCE:
    | 'ELEMENT_ACTIVATING' | 'ELEMENT_ACTIVATED' | 'ELEMENT_COMPLETING' | 'ELEMENT_COMPLETED'
    | 'ELEMENT_TERMINATING' | 'ELEMENT_TERMINATED' | 'SEQUENCE_FLOW_TAKEN' | 'SEQUENCE_FLOW_DELETED' | 'ELEMENT_MIGRATED';
  PROCESS_INSTANCE_CREATION: 'CREATED';
  PROCESS_INSTANCE_MODIFICATION: 'MODIFIED';
  PROCESS_INSTANCE_MIGRATION: 'MIGRATED';
  JOB:
    | 'CREATED' | 'COMPLETED' | 'FAILED' | 'TIMED_OUT' | 'RETRIES_UPDATED' | 'TIMEOUT_UPDATED' | 'CANCELED'
    | 'ERROR_THROWN' | 'RECURRED_AFTER_BACKOFF' | 'YIELDED' | 'MIGRATED';
  JOB_BATCH: 'ACTIVATED';
  VARIABLE: 'CREATED' | 'UPDATED';
  VARIABLE_DOCUMENT: 'UPDATED';
  INCIDENT: 'CREATED' | 'RESOLVED' | 'MIGRATED';
  MESSAGE: 'PUBLISHED' | 'EXPIRED';
  MESSAGE_SUBSCRIPTION: 'CREATED' | 'CORRELATED' | 'DELETED' | 'MIGRATED';
  MESSAGE_START_EVENT_SUBSCRIPTION: 'CREATED' | 'CORRELATED' | 'DELETED';
  /** One partition: a message subscription needs no process-side counterpart. */
  PROCESS_MESSAGE_SUBSCRIPTION: never;
  MESSAGE_CORRELATION: 'CORRELATED';
  TIMER: 'CREATED' | 'TRIGGERED' | 'CANCELED' | 'MIGRATED';
  SIGNAL: 'BROADCASTED';
  SIGNAL_SUBSCRIPTION: 'CREATED' | 'DELETED' | 'MIGRATED';
  ESCALATION: 'ESCALATED' | 'NOT_ESCALATED';
  DECISION_EVALUATION: 'EVALUATED' | 'FAILED';
  USER_TASK:
    | 'CREATING' | 'CREATED' | 'ASSIGNING' | 'ASSIGNED' | 'UPDATING' | 'UPDATED' | 'COMPLETING' | 'COMPLETED'
    | 'CANCELING' | 'CANCELED' | 'MIGRATED';
  RESOURCE_DELETION: 'DELETED';
  MULTI_INSTANCE: 'INPUT_COLLECTION_EVALUATED';
  PROCESS_EVENT: 'TRIGGERING' | 'TRIGGERED';
}

export type ValueType = keyof EventIntents;

/** The intents of the events of one value type (or of all, by default). */
export type EventIntent<V extends ValueType = ValueType> = EventIntents[V];

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
  /**
   * The version of the event's shape (Zeebe's record version): it picks the applier that reads the event, so
   * that an event whose shape changes gets a new version and the old events in the log are still read as written.
   */
  recordVersion: number;
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
  /** Execution listener jobs: the event they listen to (absent on other jobs). */
  listenerEventType?: 'START' | 'END';
}

/**
 * MULTI_INSTANCE records; intent INPUT_COLLECTION_EVALUATED, keyed by the multi-instance body: the input collection
 * as evaluated once when the body activated (its items and count stay fixed while the body runs).
 */
export interface MultiInstanceRecordValue {
  inputCollection: unknown[];
  processInstanceKey: Key;
  elementId: string;
  tenantId: string;
}

/**
 * PROCESS_EVENT records (Zeebe's event triggers), keyed by the element instance the trigger activated: TRIGGERING
 * keeps the trigger's variables with it until its start event takes them (TRIGGERED), so that a retry after an
 * incident still finds them.
 */
export interface ProcessEventRecordValue {
  scopeKey: Key;
  targetElementId: string;
  variables: JsonObject;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  tenantId: string;
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
