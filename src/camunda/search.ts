import { type CamundaClient, type CamundaKey } from '@camunda8/orchestration-cluster-api';
import pLimit from 'p-limit';
import { ANSWER_NOW } from './answer-now';

/**
 * Camunda's REST /v2 searches in the wire shapes the web app and the workers hold (keys as plain strings), typed
 * against the SDK's own request and result types; the web app's port (src/web/camunda/port.ts) and the quarterly
 * compliance report both read through them.
 */
export interface SearchPage<T> {
  items: T[];
  page: { totalItems: number };
}

/**
 * An SDK request type with its keys as the plain strings the web app holds: the SDK brands keys
 * (`UserTaskKey`, …) for the compiler only, they are the same strings on the wire.
 */
export type Wire<T> = T extends CamundaKey ? string : T extends Array<infer U> ? Array<Wire<U>> : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

/** The request body of the SDK's `method`, in wire shapes. */
export type WireRequest<M extends keyof CamundaClient> = CamundaClient[M] extends (input: infer I, ...rest: never[]) => unknown ? Wire<I> : never;

export type UserTaskQuery = WireRequest<'searchUserTasks'>;
export type ProcessInstanceQuery = WireRequest<'searchProcessInstances'>;
export type ElementInstanceQuery = WireRequest<'searchElementInstances'>;
export type IncidentQuery = WireRequest<'searchIncidents'>;
export type VariableQuery = WireRequest<'searchVariables'>;
export type ProcessDefinitionQuery = WireRequest<'searchProcessDefinitions'>;
export type DecisionDefinitionQuery = WireRequest<'searchDecisionDefinitions'>;

export interface UserTask {
  userTaskKey: string;
  name?: string;
  state?: string;
  assignee?: string;
  elementId?: string;
  candidateGroups?: string[];
  candidateUsers?: string[];
  processDefinitionId?: string;
  processDefinitionKey?: string;
  processInstanceKey?: string;
  processName?: string;
  creationDate?: string;
  completionDate?: string;
  dueDate?: string;
  followUpDate?: string;
  formKey?: string;
  priority?: number;
}

export interface ElementInstance {
  elementInstanceKey: string;
  processInstanceKey?: string;
  elementId: string;
  processDefinitionId?: string;
  elementName?: string;
  type?: string;
  state: string;
  startDate?: string;
  endDate?: string;
  hasIncident?: boolean;
}

export interface Variable {
  name: string;
  value: string;
  scopeKey?: string;
  processInstanceKey?: string;
}

/** The SDK request for a wire-shaped one: the keys get their (compile-time only) brands. */
export function keyed<T>(request: NoInfer<Wire<T>>): T {
  return request as T;
}

/** The searches the compliance figures read (src/reports/compliance/collect.ts). */
export interface Searches {
  searchUserTasks(req: UserTaskQuery): Promise<SearchPage<UserTask>>;
  searchVariables(req: VariableQuery): Promise<SearchPage<Variable>>;
  searchElementInstances(req: ElementInstanceQuery): Promise<SearchPage<ElementInstance>>;
}

/** The searches over the SDK's client, at most `maxConcurrentCalls` in flight if given; values are read whole, never truncated. */
export function searchesOf(client: CamundaClient, maxConcurrentCalls?: number): Searches {
  const limited = maxConcurrentCalls === undefined ? undefined : pLimit(maxConcurrentCalls);
  const limit = <T>(call: () => Promise<T>): Promise<T> => (limited ? limited(call) : call());
  return {
    searchUserTasks: (req) => limit(() => client.searchUserTasks(keyed(req), ANSWER_NOW)),
    searchVariables: (req) => limit(() => client.searchVariables(keyed({ ...req, truncateValues: false }), ANSWER_NOW)),
    searchElementInstances: (req) => limit(async () => page(await client.searchElementInstances(keyed(req), ANSWER_NOW))),
  };
}

/** Some 8.8 search results declare their items optional; the port's pages always carry a list. */
function page<T>(result: { items?: T[]; page: { totalItems: number } }): SearchPage<T> {
  return { items: result.items ?? [], page: result.page };
}
