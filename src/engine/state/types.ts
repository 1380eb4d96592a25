import {
  type BpmnElementType, type IncidentRecordValue, type JobRecordValue, type JsonObject, type Key, type MessageRecordValue,
  type TimerRecordValue, type UserTaskRecordValue,
} from '../api';

export interface ProcessDefinition {
  key: Key;
  bpmnProcessId: string;
  version: number;
  versionTag: string;
  resourceName: string;
  checksum: string;
  resource: string;
  name: string;
  deploymentKey: Key;
  tenantId: string;
}

export interface FormDefinition {
  key: Key;
  formId: string;
  version: number;
  versionTag: string;
  resourceName: string;
  checksum: string;
  resource: string;
  deploymentKey: Key;
  tenantId: string;
}

export type ElementState = 'ACTIVATING' | 'ACTIVATED' | 'COMPLETING' | 'TERMINATING';

export interface ElementInstance {
  key: Key;
  elementId: string;
  type: BpmnElementType;
  state: ElementState;
  flowScopeKey: Key;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  bpmnProcessId: string;
  version: number;
  parentProcessInstanceKey: Key;
  parentElementInstanceKey: Key;
  tenantId: string;
  /** Active child element instances (scopes only). */
  children: Key[];
  /**
   * Parallel-join tokens that arrived but did not yet activate the gateway: gatewayId → flowId → count. Created
   * with the first token (most instances never hold one; snapshots written earlier hold an empty object).
   */
  joinTokens?: Record<string, Record<string, number>>;
  jobKey?: Key;
  /** Start execution listeners whose jobs completed (the next one runs, or the element is processed). */
  startListenersDone?: number;
  userTaskKey?: Key;
  /** Call activities: the root instance of the called process while it runs. */
  calledProcessInstanceKey?: Key;
  /** Multi-instance bodies: inner instances that completed / were terminated so far. */
  completedChildren?: number;
  terminatedChildren?: number;
  /** Multi-instance bodies: the input collection evaluated on activation (MULTI_INSTANCE INPUT_COLLECTION_EVALUATED). */
  inputCollection?: unknown[];
  /** Event sub-processes: the variables of their trigger until their start event took them (PROCESS_EVENT). */
  triggerVariables?: JsonObject;
}

export type JobState = 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'ERROR_THROWN';

export interface Job {
  key: Key;
  state: JobState;
  value: JobRecordValue;
}

export interface Incident {
  key: Key;
  value: IncidentRecordValue;
}

export interface Timer {
  key: Key;
  value: TimerRecordValue;
}

export interface BufferedMessage {
  key: Key;
  value: MessageRecordValue;
  /** bpmnProcessIds this message was correlated to already (a message correlates once per process). */
  correlatedProcesses: string[];
}

/** An open message subscription of a waiting catch element or boundary event. */
export interface MessageSubscription {
  key: Key;
  messageName: string;
  correlationKey: string;
  elementInstanceKey: Key;
  processInstanceKey: Key;
  processDefinitionKey: Key;
  bpmnProcessId: string;
  /** The catch element to trigger (the element itself, or a boundary event). */
  elementId: string;
  interrupting: boolean;
  tenantId: string;
}

export interface MessageStartSubscription {
  processDefinitionKey: Key;
  bpmnProcessId: string;
  startEventId: string;
  messageName: string;
  tenantId: string;
}

export type UserTaskLifecycle = 'CREATING' | 'CREATED' | 'ASSIGNING' | 'UPDATING' | 'COMPLETING' | 'CANCELING';

/**
 * A user task's state after each USER_TASK intent, as Camunda reports it: transitions show as *ING, settled tasks as
 * CREATED, ended ones as COMPLETED / CANCELED (those leave the engine state; the read models keep them).
 */
export const USER_TASK_STATE_BY_INTENT: Readonly<Record<string, UserTaskLifecycle | 'COMPLETED' | 'CANCELED'>> = {
  CREATING: 'CREATING',
  CREATED: 'CREATED',
  ASSIGNING: 'ASSIGNING',
  CLAIMING: 'ASSIGNING',
  ASSIGNED: 'CREATED',
  UPDATING: 'UPDATING',
  UPDATED: 'CREATED',
  COMPLETING: 'COMPLETING',
  COMPLETED: 'COMPLETED',
  CANCELING: 'CANCELING',
  CANCELED: 'CANCELED',
};

export interface UserTask {
  key: Key;
  state: UserTaskLifecycle;
  value: UserTaskRecordValue;
}
