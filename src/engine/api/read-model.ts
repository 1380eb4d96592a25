import type { Key } from './basics';

/**
 * The engine's read model: the projections of the committed records (process instances, element instances, user
 * tasks, jobs, incidents, variables, definitions, decisions, forms) answered in the shapes of Camunda's `/v2`
 * search and get endpoints. It reads on a connection that cannot write. An answer may show batches that are not
 * durable yet: whoever hands one out awaits `Engine.durable()` after reading and before answering.
 */

/** One item of a search or get, as Camunda's `/v2` schema of that resource has it. */
export type ReadModelItem = Record<string, unknown>;

export interface SearchPage<Item = ReadModelItem> {
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
  searchProcessInstances(query: unknown): SearchPage;
  getProcessInstance(key: Key): ReadModelItem | undefined;
  processInstanceSequenceFlows(key: Key): SequenceFlowItem[];
  processInstanceElementStatistics(key: Key): ElementStatistics[];
  /** From the root instance down to this one; undefined when it does not exist. */
  processInstanceCallHierarchy(key: Key): CallHierarchyEntry[] | undefined;
  searchProcessInstanceIncidents(processInstanceKey: Key, query: unknown): SearchPage;

  searchElementInstances(query: unknown): SearchPage;
  getElementInstance(key: Key): ReadModelItem | undefined;

  searchUserTasks(query: unknown): SearchPage;
  getUserTask(key: Key): ReadModelItem | undefined;
  /** `found: false` when the task does not exist; `form` absent when it has none. */
  userTaskForm(key: Key): { found: boolean; form?: FormItem };
  /** The task's own variables and the process's it does not shadow; undefined when the task does not exist. */
  searchUserTaskVariables(key: Key, query: unknown, options: VariableQueryOptions): SearchPage | undefined;

  searchJobs(query: unknown): SearchPage;

  searchIncidents(query: unknown): SearchPage;
  getIncident(key: Key): ReadModelItem | undefined;

  searchVariables(query: unknown, options: VariableQueryOptions): SearchPage;
  getVariable(key: Key): ReadModelItem | undefined;

  searchProcessDefinitions(query: unknown): SearchPage;
  getProcessDefinition(key: Key): ReadModelItem | undefined;
  processDefinitionXml(key: Key): string | undefined;
  /** `found: false` when the definition does not exist; `form` absent when it has no start form. */
  processDefinitionStartForm(key: Key): { found: boolean; form?: FormItem };
  /** Element counts over the definition's instances that match the query's process-instance `filter`. */
  processDefinitionElementStatistics(key: Key, query: unknown): ElementStatistics[];

  searchDecisionDefinitions(query: unknown): SearchPage;
  getDecisionDefinition(key: Key): ReadModelItem | undefined;
  decisionDefinitionXml(key: Key): string | undefined;
  decisionRequirementsXml(key: Key): string | undefined;
}
