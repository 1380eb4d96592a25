// Command inputs and results.
import type { JsonObject, Key } from './basics';

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

/** MigrateProcessInstance: move a running instance to another process definition, element by element. */
export interface MigrateInstanceRequest {
  targetProcessDefinitionKey: Key;
  mappingInstructions: { sourceElementId: string; targetElementId: string }[];
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
  listenerEventType: 'UNSPECIFIED' | 'START' | 'END';
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
