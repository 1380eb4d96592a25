import type { Key } from './basics';

/**
 * The engine's read model: the projections of the committed records (process instances, element instances, user
 * tasks, jobs, incidents, variables, definitions, decisions, forms) answered in the shapes of Camunda's `/v2`
 * search and get endpoints. It reads on a connection that cannot write. An answer may show batches that are not
 * durable yet: whoever hands one out awaits `Engine.durable()` after reading and before answering.
 */

/** Items as Camunda's `/v2` schemas have them: absent rather than null where a value is missing. */
export interface ProcessInstanceItem {
  processInstanceKey: string;
  processDefinitionId: string;
  processDefinitionName: string;
  processDefinitionVersion: number;
  processDefinitionVersionTag?: string;
  processDefinitionKey: string;
  startDate: string;
  endDate?: string;
  state: string;
  hasIncident: boolean;
  tenantId: string;
  parentProcessInstanceKey?: string;
  parentElementInstanceKey?: string;
}

export interface ElementInstanceItem {
  elementInstanceKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  elementId: string;
  elementName: string;
  type: string;
  state: string;
  startDate: string;
  endDate?: string;
  incidentKey?: string;
  hasIncident: boolean;
  tenantId: string;
}

export interface UserTaskItem {
  userTaskKey: string;
  name?: string;
  state: string;
  assignee?: string;
  elementId: string;
  elementInstanceKey: string;
  candidateGroups: string[];
  candidateUsers: string[];
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionVersion: number;
  processInstanceKey: string;
  processName: string;
  creationDate: string;
  completionDate?: string;
  dueDate?: string;
  followUpDate?: string;
  formKey?: string;
  externalFormReference?: string;
  customHeaders: Record<string, string>;
  priority: number;
  tenantId: string;
}

export interface JobItem {
  jobKey: string;
  type: string;
  worker: string;
  state: string;
  kind: string;
  listenerEventType: string;
  retries: number;
  deadline?: string;
  errorMessage?: string;
  errorCode?: string;
  customHeaders: Record<string, string>;
  elementId: string;
  elementInstanceKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  endTime?: string;
  hasFailedWithRetriesLeft: boolean;
  tenantId: string;
}

export interface IncidentItem {
  incidentKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processInstanceKey: string;
  errorType: string;
  errorMessage: string;
  elementId: string;
  elementInstanceKey: string;
  creationTime: string;
  state: string;
  jobKey?: string;
  tenantId: string;
}

export interface VariableItem {
  variableKey: string;
  name: string;
  /** The value as JSON text, cut to the preview length in searches unless asked for in full. */
  value: string;
  isTruncated: boolean;
  scopeKey: string;
  processInstanceKey: string;
  tenantId: string;
}

export interface ProcessDefinitionItem {
  processDefinitionKey: string;
  processDefinitionId: string;
  name?: string;
  version: number;
  versionTag?: string;
  resourceName: string;
  hasStartForm: boolean;
  tenantId: string;
}

export interface DecisionDefinitionItem {
  decisionDefinitionKey: string;
  decisionDefinitionId: string;
  name?: string;
  version: number;
  versionTag?: string;
  decisionRequirementsId: string;
  decisionRequirementsKey: string;
  tenantId: string;
}

export interface SearchPage<Item> {
  items: Item[];
  page: { totalItems: number; hasMoreTotalItems: boolean; startCursor?: string; endCursor?: string };
}

/** One reason a query was refused: where in the query (empty: the whole query) and what is wrong. */
export interface QueryIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** A search query the read model refuses (unknown filter or sort field, bad value, foreign cursor). */
export class InvalidQuery extends Error {
  constructor(
    message: string,
    /** Set when the query's shape is wrong; absent for a cursor that is not one of this search. */
    readonly issues?: readonly QueryIssue[],
  ) {
    super(message);
    this.name = 'InvalidQuery';
  }
}

/** Values longer than the preview length are cut unless `truncateValues` is false. */
export interface VariableQueryOptions {
  truncateValues: boolean;
}

/** Counts of an element's instances for diagram overlays. */
export interface ElementStatistics {
  elementId: string;
  active: number;
  canceled: number;
  incidents: number;
  completed: number;
}

export interface SequenceFlowItem {
  sequenceFlowId: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  elementId: string;
  tenantId: string;
}

export interface CallHierarchyEntry {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionName: string;
}

/** A deployed form as Camunda's FormResult: its schema as JSON text. */
export interface FormItem {
  formKey: string;
  formId: string;
  version: number;
  tenantId: string;
  schema: string;
}

/**
 * Searches take Camunda's search request (`filter`, `sort`, `page`) as sent and validate it, throwing InvalidQuery;
 * gets answer undefined for a key that does not exist.
 */
export interface ReadModel {
  searchProcessInstances(query: unknown): SearchPage<ProcessInstanceItem>;
  getProcessInstance(key: Key): ProcessInstanceItem | undefined;
  processInstanceSequenceFlows(key: Key): SequenceFlowItem[];
  processInstanceElementStatistics(key: Key): ElementStatistics[];
  /** From the root instance down to this one; undefined when it does not exist. */
  processInstanceCallHierarchy(key: Key): CallHierarchyEntry[] | undefined;
  searchProcessInstanceIncidents(processInstanceKey: Key, query: unknown): SearchPage<IncidentItem>;

  searchElementInstances(query: unknown): SearchPage<ElementInstanceItem>;
  getElementInstance(key: Key): ElementInstanceItem | undefined;

  searchUserTasks(query: unknown): SearchPage<UserTaskItem>;
  getUserTask(key: Key): UserTaskItem | undefined;
  /** `found: false` when the task does not exist; `form` absent when it has none. */
  userTaskForm(key: Key): { found: boolean; form?: FormItem };
  /** The task's own variables and the process's it does not shadow; undefined when the task does not exist. */
  searchUserTaskVariables(key: Key, query: unknown, options: VariableQueryOptions): SearchPage<VariableItem> | undefined;

  searchJobs(query: unknown): SearchPage<JobItem>;

  searchIncidents(query: unknown): SearchPage<IncidentItem>;
  getIncident(key: Key): IncidentItem | undefined;

  searchVariables(query: unknown, options: VariableQueryOptions): SearchPage<VariableItem>;
  getVariable(key: Key): VariableItem | undefined;

  searchProcessDefinitions(query: unknown): SearchPage<ProcessDefinitionItem>;
  getProcessDefinition(key: Key): ProcessDefinitionItem | undefined;
  processDefinitionXml(key: Key): string | undefined;
  /** `found: false` when the definition does not exist; `form` absent when it has no start form. */
  processDefinitionStartForm(key: Key): { found: boolean; form?: FormItem };
  /** Element counts over the definition's instances that match the query's process-instance `filter`. */
  processDefinitionElementStatistics(key: Key, query: unknown): ElementStatistics[];

  searchDecisionDefinitions(query: unknown): SearchPage<DecisionDefinitionItem>;
  getDecisionDefinition(key: Key): DecisionDefinitionItem | undefined;
  decisionDefinitionXml(key: Key): string | undefined;
  decisionRequirementsXml(key: Key): string | undefined;
}
