import { type CamundaClientLoose } from '@camunda8/orchestration-cluster-api';
import pLimit from 'p-limit';
import { coalesceReads } from './coalesce';

/**
 * The part of Camunda's REST /v2 API the web app uses, in the wire shapes (keys as strings). `fromCamundaClient`
 * adapts the SDK's Orchestration Cluster API client; searches do not wait for eventual consistency, the pages
 * show what the secondary storage has.
 */
export interface SearchPage<T> {
  items: T[];
  page: { totalItems: number };
}

export interface SearchRequest {
  filter?: Record<string, unknown>;
  sort?: Array<{ field: string; order?: 'ASC' | 'DESC' }>;
  page?: { from?: number; limit?: number };
}

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

export interface Variable {
  name: string;
  value: string;
  scopeKey?: string;
  processInstanceKey?: string;
}

export interface ProcessDefinition {
  processDefinitionKey: string;
  processDefinitionId: string;
  name?: string;
  version: number;
  versionTag?: string;
  resourceName?: string;
}

export interface DeployedResource {
  processDefinition?: { processDefinitionId: string; processDefinitionVersion: number; processDefinitionKey: string };
  decisionDefinition?: { decisionDefinitionId: string; version: number; decisionDefinitionKey: string; name?: string };
  form?: { formId: string; version: number; formKey: string };
}

/** Camunda 8.8's modification body: activate elements (with variables), terminate element instances. */
export interface ProcessInstanceModification {
  activateInstructions?: Array<{ elementId: string; ancestorElementInstanceKey?: string; variableInstructions?: Array<{ variables: Record<string, unknown>; scopeId?: string }> }>;
  terminateInstructions?: Array<{ elementInstanceKey: string }>;
}

export interface CamundaPort {
  searchUserTasks(req: SearchRequest): Promise<SearchPage<UserTask>>;
  getUserTask(userTaskKey: string): Promise<UserTask>;
  getUserTaskForm(userTaskKey: string): Promise<{ formId?: string; schema: string | object } | undefined>;
  searchUserTaskVariables(userTaskKey: string): Promise<SearchPage<Variable>>;
  assignUserTask(userTaskKey: string, assignee: string): Promise<void>;
  unassignUserTask(userTaskKey: string): Promise<void>;
  completeUserTask(userTaskKey: string, variables: Record<string, unknown>): Promise<void>;
  searchProcessInstances(req: SearchRequest): Promise<SearchPage<ProcessInstance>>;
  getProcessInstance(processInstanceKey: string): Promise<ProcessInstance>;
  cancelProcessInstance(processInstanceKey: string): Promise<void>;
  /** Moves tokens of a running instance (administrators); the engine checks the instructions and may reject them. */
  modifyProcessInstance(processInstanceKey: string, modification: ProcessInstanceModification): Promise<void>;
  searchElementInstances(req: SearchRequest): Promise<SearchPage<ElementInstance>>;
  searchIncidents(req: SearchRequest): Promise<SearchPage<Incident>>;
  getIncident(incidentKey: string): Promise<Incident>;
  resolveIncident(incidentKey: string): Promise<void>;
  updateJobRetries(jobKey: string, retries: number): Promise<void>;
  searchVariables(req: SearchRequest): Promise<SearchPage<Variable>>;
  searchProcessDefinitions(req: SearchRequest): Promise<SearchPage<ProcessDefinition>>;
  getProcessDefinitionXml(processDefinitionKey: string): Promise<string>;
  searchDecisionDefinitions(req: SearchRequest): Promise<SearchPage<DecisionDefinition>>;
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

// No consistency option: the search answers at once, as `waitUpToMs: 0` would, without the SDK re-reading its
// whole configuration from the environment on every call (it does so to find its polling interval).
const now = {};

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

/** Adapts the SDK's loose Orchestration Cluster API client (pass config explicitly when creating it). */
export function fromCamundaClient(client: CamundaClientLoose, options: { maxConcurrentCalls?: number; settleMs?: number } = {}): CamundaPort {
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

function adapt(client: CamundaClientLoose, settleMs: number): CamundaPort {
  // The SDK's generated request types are wider than ours; the casts narrow them to the fields we use.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const c = client as any;
  return {
    searchUserTasks: (req) => c.searchUserTasks(req, now),
    getUserTask: (userTaskKey) => c.getUserTask({ userTaskKey }, now),
    getUserTaskForm: (userTaskKey) => c.getUserTaskForm({ userTaskKey }, now),
    searchUserTaskVariables: (userTaskKey) =>
      c.searchUserTaskVariables({ userTaskKey, truncateValues: false, page: { limit: 1000 } }, now),
    assignUserTask: async (userTaskKey, assignee) => {
      await c.assignUserTask({ userTaskKey, assignee, allowOverride: false });
      await settled(async () => (await c.getUserTask({ userTaskKey }, now)).assignee === assignee, settleMs);
    },
    unassignUserTask: async (userTaskKey) => {
      await c.unassignUserTask({ userTaskKey });
      await settled(async () => !(await c.getUserTask({ userTaskKey }, now)).assignee, settleMs);
    },
    completeUserTask: async (userTaskKey, variables) => {
      await c.completeUserTask({ userTaskKey, variables });
      await settled(async () => (await c.searchUserTasks({ filter: { userTaskKey, state: 'CREATED' }, page: { limit: 1 } }, now)).items.length === 0, settleMs);
    },
    searchProcessInstances: (req) => c.searchProcessInstances(req, now),
    getProcessInstance: (processInstanceKey) => c.getProcessInstance({ processInstanceKey }, now),
    cancelProcessInstance: (processInstanceKey) => c.cancelProcessInstance({ processInstanceKey }),
    modifyProcessInstance: (processInstanceKey, modification) => c.modifyProcessInstance({ processInstanceKey, ...modification }),
    searchElementInstances: (req) => c.searchElementInstances(req, now),
    searchIncidents: (req) => c.searchIncidents(req, now),
    getIncident: (incidentKey) => c.getIncident({ incidentKey }, now),
    resolveIncident: (incidentKey) => c.resolveIncident({ incidentKey }),
    updateJobRetries: (jobKey, retries) => c.updateJob({ jobKey, changeset: { retries } }),
    searchVariables: (req) => c.searchVariables({ ...req, truncateValues: false }, now),
    searchProcessDefinitions: (req) => c.searchProcessDefinitions(req, now),
    getProcessDefinitionXml: (processDefinitionKey) => c.getProcessDefinitionXml({ processDefinitionKey }, now),
    searchDecisionDefinitions: (req) => c.searchDecisionDefinitions(req, now),
    getDecisionDefinitionXml: (decisionDefinitionKey) => c.getDecisionDefinitionXml({ decisionDefinitionKey }, now),
    createProcessInstance: (processDefinitionId, variables) => c.createProcessInstance({ processDefinitionId, variables }),
    sequenceFlows: async (processInstanceKey) => {
      const result = (await c.getProcessInstanceSequenceFlows({ processInstanceKey }, now)) as { items?: Array<{ elementId?: string }> };
      return [...new Set((result.items ?? []).map((f) => f.elementId).filter((id): id is string => !!id))];
    },
    correlateMessage: async (msg) => {
      const result = (await c.correlateMessage(msg)) as { messageKey: unknown; processInstanceKey: unknown };
      return { messageKey: String(result.messageKey), processInstanceKey: String(result.processInstanceKey) };
    },
    deploy: async (resources) => {
      const files = resources.map((r) => new File([r.content], r.name, { type: 'application/octet-stream' }));
      const result = await c.createDeployment({ resources: files });
      const deployed = (result.deployments ?? []) as DeployedResource[];
      const keys = deployed.map((d) => d.processDefinition?.processDefinitionKey).filter((k): k is string => !!k);
      await settled(async () => {
        const found = await c.searchProcessDefinitions({ filter: { processDefinitionKey: { $in: keys } }, page: { limit: keys.length } }, now);
        return found.items.length === keys.length;
      }, keys.length ? settleMs : 0);
      return deployed;
    },
  };
  /* eslint-enable @typescript-eslint/no-explicit-any */
}
