import {
  type CamundaClient,
  DecisionDefinitionKey,
  type DecisionDefinitionResult,
  type DeploymentMetadataResult,
  type ElementId,
  type FormResult,
  type IncidentResult,
  IncidentKey,
  JobKey,
  ProcessDefinitionId,
  ProcessDefinitionKey,
  type ProcessDefinitionResult,
  ProcessInstanceKey,
  UserTaskKey,
} from '@camunda8/orchestration-cluster-api';
import pLimit from 'p-limit';
import { ANSWER_NOW } from '../../camunda/answer-now';
import {
  type DecisionDefinitionQuery,
  type ElementInstance,
  type ElementInstanceQuery,
  type IncidentQuery,
  keyed,
  type ProcessDefinitionQuery,
  type ProcessInstanceQuery,
  type SearchPage,
  searchesOf,
  type UserTask,
  type UserTaskQuery,
  type Variable,
  type VariableQuery,
  type Wire,
  type WireRequest,
} from '../../camunda/search';
import { coalesceReads } from './coalesce';

export type {
  DecisionDefinitionQuery, ElementInstance, ElementInstanceQuery, IncidentQuery, ProcessDefinitionQuery, ProcessInstanceQuery, SearchPage,
  UserTask, UserTaskQuery, Variable, VariableQuery, Wire,
};

/**
 * The part of Camunda's REST /v2 API the web app uses, in the wire shapes (keys as strings). `fromCamundaClient`
 * adapts the SDK's Orchestration Cluster API client; searches do not wait for eventual consistency, the pages
 * show what the secondary storage has.
 */
export interface ProcessInstance {
  processInstanceKey: string;
  processDefinitionId: string;
  processDefinitionName?: string;
  processDefinitionVersion?: number;
  processDefinitionKey: string;
  startDate?: string;
  endDate?: string;
  state: string;
  hasIncident?: boolean;
}

export interface Incident {
  incidentKey: string;
  processInstanceKey: string;
  errorType?: string;
  errorMessage?: string;
  elementId?: string;
  elementInstanceKey?: string;
  jobKey?: string;
  state?: string;
  creationTime?: string;
}

export interface ProcessDefinition {
  processDefinitionKey: string;
  processDefinitionId: string;
  name?: string;
  version: number;
  versionTag?: string;
  resourceName?: string;
}

/** What a deployment made of each resource: the process, decision, decision requirements or form. */
export type DeployedResource = Wire<DeploymentMetadataResult>;

/** A user task's form: its id and its schema (the form-js JSON). */
export type UserTaskForm = Wire<FormResult>;

/** Camunda 8.8's modification body: activate elements (with variables), terminate element instances. */
export type ProcessInstanceModification = Omit<WireRequest<'modifyProcessInstance'>, 'processInstanceKey'>;

export interface CamundaPort {
  searchUserTasks(req: UserTaskQuery): Promise<SearchPage<UserTask>>;
  getUserTask(userTaskKey: string): Promise<UserTask>;
  getUserTaskForm(userTaskKey: string): Promise<UserTaskForm | undefined>;
  searchUserTaskVariables(userTaskKey: string): Promise<SearchPage<Variable>>;
  assignUserTask(userTaskKey: string, assignee: string): Promise<void>;
  unassignUserTask(userTaskKey: string): Promise<void>;
  completeUserTask(userTaskKey: string, variables: Record<string, unknown>): Promise<void>;
  searchProcessInstances(req: ProcessInstanceQuery): Promise<SearchPage<ProcessInstance>>;
  getProcessInstance(processInstanceKey: string): Promise<ProcessInstance>;
  cancelProcessInstance(processInstanceKey: string): Promise<void>;
  /** Moves tokens of a running instance (administrators); the engine checks the instructions and may reject them. */
  modifyProcessInstance(processInstanceKey: string, modification: ProcessInstanceModification): Promise<void>;
  searchElementInstances(req: ElementInstanceQuery): Promise<SearchPage<ElementInstance>>;
  searchIncidents(req: IncidentQuery): Promise<SearchPage<Incident>>;
  getIncident(incidentKey: string): Promise<Incident>;
  resolveIncident(incidentKey: string): Promise<void>;
  updateJobRetries(jobKey: string, retries: number): Promise<void>;
  searchVariables(req: VariableQuery): Promise<SearchPage<Variable>>;
  searchProcessDefinitions(req: ProcessDefinitionQuery): Promise<SearchPage<ProcessDefinition>>;
  getProcessDefinitionXml(processDefinitionKey: string): Promise<string>;
  searchDecisionDefinitions(req: DecisionDefinitionQuery): Promise<SearchPage<DecisionDefinition>>;
  /** The DMN resource a decision was deployed with. */
  getDecisionDefinitionXml(decisionDefinitionKey: string): Promise<string>;
  deploy(resources: Array<{ name: string; content: string }>): Promise<DeployedResource[]>;
  /** Starts the latest version of a process. */
  createProcessInstance(processDefinitionId: string, variables: Record<string, unknown>): Promise<{ processInstanceKey: string }>;
  /** Ids of the sequence flows an instance has taken, for the diagram. */
  sequenceFlows(processInstanceKey: string): Promise<string[]>;
  /**
   * Correlates a message to a subscription open now (or a message start event) and says which instance got it;
   * rejects with status 404 when nothing can receive it, so nothing is buffered to expire unseen.
   */
  correlateMessage(msg: { name: string; correlationKey: string; variables: Record<string, unknown> }): Promise<{ messageKey: string; processInstanceKey: string }>;
}

export interface DecisionDefinition {
  decisionDefinitionKey: string;
  decisionDefinitionId: string;
  name?: string;
  version: number;
  decisionRequirementsKey?: string;
}

/**
 * Engine calls the web app has in flight at most; the rest wait their turn in order. Each page makes up to three
 * calls at once, so 50 pages being loaded made 150: the SDK's fetch opened a new connection for each call beyond the
 * open ones, and Node accepts one new connection per event-loop turn, so under load calls waited seconds for their
 * connection (B7: /tasks p99 6–8 s while the gateway answered every search in < 120 ms). A few connections kept
 * busy serve the same throughput, and fewer answers arriving at once keep the loop's turns short (B7 on this 2-core
 * machine: 4 and 8 alike, 16 already with longer turns and tails); 8 leaves room for the latency of a remote cluster.
 */
export const MAX_CONCURRENT_ENGINE_CALLS = 8;

/**
 * Camunda 8 answers a command before its searches show the change (they read secondary storage), so the page a
 * user is sent to next would still list the completed task or 404 on the diagram just deployed. After those
 * commands the adapter re-reads until the change shows, for at most this long; then the page is shown anyway.
 * The embedded engine shows every change at once, so there it costs one read.
 */
export const SETTLE_MS = 5000;

/** Adapts the SDK's Orchestration Cluster API client (pass config explicitly when creating it). */
export function fromCamundaClient(client: CamundaClient, options: { maxConcurrentCalls?: number; settleMs?: number } = {}): CamundaPort {
  return coalesceReads(limitConcurrency(adapt(client, options.settleMs ?? SETTLE_MS), options.maxConcurrentCalls ?? MAX_CONCURRENT_ENGINE_CALLS));
}

/** Re-checks with growing pauses until `shows` is true or `timeoutMs` has passed. */
async function settled(shows: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (let pause = 25; ; pause = Math.min(pause * 2, 500)) {
    if (await shows().catch(() => false)) return;
    if (Date.now() + pause > until) return;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** The same port with at most `max` calls in flight; further calls start, in order, as earlier ones settle. */
export function limitConcurrency(port: CamundaPort, max: number): CamundaPort {
  const limit = pLimit(max);
  const limited: Record<string, unknown> = {};
  for (const [name, call] of Object.entries(port) as Array<[string, (...args: unknown[]) => Promise<unknown>]>) {
    limited[name] = (...args: unknown[]) => limit(() => call(...args));
  }
  return limited as unknown as CamundaPort;
}

function adapt(client: CamundaClient, settleMs: number): CamundaPort {
  const userTask = (userTaskKey: string) => client.getUserTask({ userTaskKey: UserTaskKey.assumeExists(userTaskKey) }, ANSWER_NOW);
  const openUserTasks = (userTaskKey: string) =>
    client.searchUserTasks({ filter: { userTaskKey: UserTaskKey.assumeExists(userTaskKey), state: 'CREATED' }, page: { limit: 1 } }, ANSWER_NOW);
  const searches = searchesOf(client);
  return {
    ...searches,
    getUserTask: userTask,
    getUserTaskForm: async (userTaskKey) => (await client.getUserTaskForm({ userTaskKey: UserTaskKey.assumeExists(userTaskKey) }, ANSWER_NOW)) ?? undefined,
    searchUserTaskVariables: (userTaskKey) =>
      client.searchUserTaskVariables({ userTaskKey: UserTaskKey.assumeExists(userTaskKey), truncateValues: false, page: { limit: 1000 } }, ANSWER_NOW),
    assignUserTask: async (userTaskKey, assignee) => {
      await client.assignUserTask({ userTaskKey: UserTaskKey.assumeExists(userTaskKey), assignee, allowOverride: false });
      await settled(async () => (await userTask(userTaskKey)).assignee === assignee, settleMs);
    },
    unassignUserTask: async (userTaskKey) => {
      await client.unassignUserTask({ userTaskKey: UserTaskKey.assumeExists(userTaskKey) });
      await settled(async () => !(await userTask(userTaskKey)).assignee, settleMs);
    },
    completeUserTask: async (userTaskKey, variables) => {
      await client.completeUserTask({ userTaskKey: UserTaskKey.assumeExists(userTaskKey), variables });
      await settled(async () => (await openUserTasks(userTaskKey)).items.length === 0, settleMs);
    },
    searchProcessInstances: (req) => client.searchProcessInstances(keyed(req), ANSWER_NOW),
    getProcessInstance: (processInstanceKey) => client.getProcessInstance({ processInstanceKey: ProcessInstanceKey.assumeExists(processInstanceKey) }, ANSWER_NOW),
    cancelProcessInstance: async (processInstanceKey) => {
      await client.cancelProcessInstance({ processInstanceKey: ProcessInstanceKey.assumeExists(processInstanceKey) });
    },
    modifyProcessInstance: async (processInstanceKey, modification) => {
      await client.modifyProcessInstance(keyed({ ...modification, processInstanceKey }));
    },
    searchIncidents: async (req) => {
      const found = await client.searchIncidents(keyed(req), ANSWER_NOW);
      return { items: (found.items ?? []).map(incident), page: found.page };
    },
    getIncident: async (incidentKey) => incident(await client.getIncident({ incidentKey: IncidentKey.assumeExists(incidentKey) }, ANSWER_NOW)),
    resolveIncident: async (incidentKey) => {
      await client.resolveIncident({ incidentKey: IncidentKey.assumeExists(incidentKey) });
    },
    updateJobRetries: async (jobKey, retries) => {
      await client.updateJob({ jobKey: JobKey.assumeExists(jobKey), changeset: { retries } });
    },
    searchProcessDefinitions: async (req) => {
      const found = await client.searchProcessDefinitions(keyed(req), ANSWER_NOW);
      return { items: (found.items ?? []).map(processDefinition), page: found.page };
    },
    getProcessDefinitionXml: (processDefinitionKey) =>
      client.getProcessDefinitionXml({ processDefinitionKey: ProcessDefinitionKey.assumeExists(processDefinitionKey) }, ANSWER_NOW),
    searchDecisionDefinitions: async (req) => {
      const found = await client.searchDecisionDefinitions(keyed(req), ANSWER_NOW);
      return { items: (found.items ?? []).map(decisionDefinition), page: found.page };
    },
    getDecisionDefinitionXml: (decisionDefinitionKey) =>
      client.getDecisionDefinitionXml({ decisionDefinitionKey: DecisionDefinitionKey.assumeExists(decisionDefinitionKey) }, ANSWER_NOW),
    createProcessInstance: (processDefinitionId, variables) =>
      client.createProcessInstance({ processDefinitionId: ProcessDefinitionId.assumeExists(processDefinitionId), variables }),
    sequenceFlows: async (processInstanceKey) => {
      const result = await client.getProcessInstanceSequenceFlows({ processInstanceKey: ProcessInstanceKey.assumeExists(processInstanceKey) }, ANSWER_NOW);
      return [...new Set((result.items ?? []).map((f) => f.elementId).filter((id): id is ElementId => !!id))];
    },
    correlateMessage: async (msg) => {
      const result = await client.correlateMessage(msg);
      return { messageKey: given(result.messageKey, 'messageKey'), processInstanceKey: given(result.processInstanceKey, 'processInstanceKey') };
    },
    deploy: async (resources) => {
      const files = resources.map((r) => new File([r.content], r.name, { type: 'application/octet-stream' }));
      const result = await client.createDeployment({ resources: files });
      const deployed: DeployedResource[] = result.deployments ?? [];
      const keys = result.processes.map((p) => p.processDefinitionKey);
      // 8.8's process-definition filter takes one key, so each new process is looked for on its own
      const shows = async (processDefinitionKey: ProcessDefinitionKey) =>
        !!(await client.searchProcessDefinitions({ filter: { processDefinitionKey }, page: { limit: 1 } }, ANSWER_NOW)).items?.length;
      await settled(async () => (await Promise.all(keys.map(shows))).every(Boolean), keys.length ? settleMs : 0);
      return deployed;
    },
  };
}

/** An incident as the web app shows it; Camunda always names the incident and its instance. */
function incident(result: IncidentResult): Incident {
  return { ...result, incidentKey: given(result.incidentKey, 'incidentKey'), processInstanceKey: given(result.processInstanceKey, 'processInstanceKey') };
}

function processDefinition(result: ProcessDefinitionResult): ProcessDefinition {
  return {
    ...result,
    processDefinitionKey: given(result.processDefinitionKey, 'processDefinitionKey'),
    processDefinitionId: given(result.processDefinitionId, 'processDefinitionId'),
    version: given(result.version, 'version'),
  };
}

function decisionDefinition(result: DecisionDefinitionResult): DecisionDefinition {
  return {
    ...result,
    decisionDefinitionKey: given(result.decisionDefinitionKey, 'decisionDefinitionKey'),
    decisionDefinitionId: given(result.decisionDefinitionId, 'decisionDefinitionId'),
    version: given(result.version, 'version'),
  };
}

/** A field the SDK declares optional that Camunda always sends: its absence is a broken answer, and said so. */
function given<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new Error(`Camunda answered without ${field}`);
  return value;
}

