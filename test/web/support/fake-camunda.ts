/**
 * An in-memory stand-in for Camunda's REST /v2 behind the web app's CamundaPort, for route tests. It applies the
 * filters the web app sends (so a wrong filter shows up as a wrong page) and records every command. The
 * end-to-end test runs the same routes against the real embedded engine.
 */
import {
  type CamundaPort, type DeployedResource, type ElementInstance, type Incident, type ProcessDefinition,
  type ProcessInstance, type SearchPage, type SearchRequest, type UserTask, type Variable,
} from '../../../src/web/camunda/port';

export class ProblemError extends Error {
  constructor(readonly status: number, readonly detail: string) {
    super(detail);
  }
}

const page = <T>(items: T[], req?: SearchRequest): SearchPage<T> => ({
  items: items.slice(req?.page?.from ?? 0, (req?.page?.from ?? 0) + (req?.page?.limit ?? 100)),
  page: { totalItems: items.length },
});

function matches(item: Record<string, unknown>, filter: Record<string, unknown> = {}): boolean {
  return Object.entries(filter).every(([field, want]) => {
    if (field === 'candidateGroup') return ((item.candidateGroups as string[]) ?? []).includes(want as string);
    if (field === 'candidateUser') return ((item.candidateUsers as string[]) ?? []).includes(want as string);
    if (field === 'isLatestVersion') return true;
    if (field === 'variables') return true; // checked by the caller that keeps variables
    return item[field] === want;
  });
}

export class FakeCamunda implements CamundaPort {
  tasks: UserTask[] = [];
  forms = new Map<string, string>(); // userTaskKey → schema JSON
  taskVariables = new Map<string, Record<string, unknown>>();
  instances: Array<ProcessInstance & { variables?: Record<string, unknown> }> = [];
  elements = new Map<string, ElementInstance[]>();
  incidents: Incident[] = [];
  definitions: Array<ProcessDefinition & { xml: string }> = [];
  commands: Array<{ op: string; args: unknown[] }> = [];
  private nextKey = 9000;

  private log(op: string, ...args: unknown[]) {
    this.commands.push({ op, args });
  }

  private task(key: string): UserTask {
    const t = this.tasks.find((x) => x.userTaskKey === key);
    if (!t) throw new ProblemError(404, `user task ${key} not found`);
    return t;
  }

  async searchUserTasks(req: SearchRequest) {
    return page(this.tasks.filter((t) => matches(t as unknown as Record<string, unknown>, req.filter)), req);
  }
  async getUserTask(key: string) {
    return { ...this.task(key) };
  }
  async getUserTaskForm(key: string) {
    this.task(key);
    const schema = this.forms.get(key);
    return schema ? { formId: 'f', schema } : undefined;
  }
  async searchUserTaskVariables(key: string): Promise<SearchPage<Variable>> {
    return page(Object.entries(this.taskVariables.get(key) ?? {}).map(([name, v]) => ({ name, value: JSON.stringify(v) })));
  }
  async assignUserTask(key: string, assignee: string) {
    const t = this.task(key);
    if (t.assignee && t.assignee !== assignee) throw new ProblemError(409, 'already assigned');
    t.assignee = assignee;
    this.log('assign', key, assignee);
  }
  async unassignUserTask(key: string) {
    delete this.task(key).assignee;
    this.log('unassign', key);
  }
  async completeUserTask(key: string, variables: Record<string, unknown>) {
    const t = this.task(key);
    t.state = 'COMPLETED';
    t.completionDate = new Date().toISOString();
    this.log('complete', key, variables);
  }
  async searchProcessInstances(req: SearchRequest) {
    const { variables, ...rest } = (req.filter ?? {}) as { variables?: Array<{ name: string; value: string }> };
    const items = this.instances.filter((i) => matches(i as unknown as Record<string, unknown>, rest) &&
      (variables ?? []).every((v) => JSON.stringify(i.variables?.[v.name]) === v.value));
    return page(items.map(({ variables: _v, ...i }) => i), req);
  }
  async getProcessInstance(key: string) {
    const i = this.instances.find((x) => x.processInstanceKey === key);
    if (!i) throw new ProblemError(404, 'not found');
    const { variables: _v, ...rest } = i;
    return rest;
  }
  async cancelProcessInstance(key: string) {
    const i = this.instances.find((x) => x.processInstanceKey === key);
    if (!i) throw new ProblemError(404, 'not found');
    i.state = 'TERMINATED';
    this.log('cancel', key);
  }
  async searchElementInstances(req: SearchRequest) {
    return page(this.elements.get(String(req.filter?.processInstanceKey)) ?? [], req);
  }
  async searchIncidents(req: SearchRequest) {
    return page(this.incidents.filter((i) => matches(i as unknown as Record<string, unknown>, req.filter)), req);
  }
  async getIncident(key: string) {
    const i = this.incidents.find((x) => x.incidentKey === key);
    if (!i) throw new ProblemError(404, 'not found');
    return i;
  }
  async resolveIncident(key: string) {
    (await this.getIncident(key)).state = 'RESOLVED';
    this.log('resolve', key);
  }
  async updateJobRetries(jobKey: string, retries: number) {
    this.log('retries', jobKey, retries);
  }
  async searchVariables(req: SearchRequest) {
    const i = this.instances.find((x) => x.processInstanceKey === req.filter?.processInstanceKey);
    return page(Object.entries(i?.variables ?? {}).map(([name, v]) => ({ name, value: JSON.stringify(v) })));
  }
  async searchProcessDefinitions(req: SearchRequest) {
    return page(this.definitions.filter((d) => matches(d as unknown as Record<string, unknown>, req.filter)).map(({ xml: _x, ...d }) => d), req);
  }
  async getProcessDefinitionXml(key: string) {
    const d = this.definitions.find((x) => x.processDefinitionKey === key);
    if (!d) throw new ProblemError(404, 'not found');
    return d.xml;
  }
  flows = new Map<string, string[]>();
  async createProcessInstance(processDefinitionId: string, variables: Record<string, unknown>) {
    const def = this.definitions.filter((d) => d.processDefinitionId === processDefinitionId).sort((a, b) => b.version - a.version)[0];
    if (!def) throw new ProblemError(404, `no process definition ${processDefinitionId}`);
    const processInstanceKey = String(this.nextKey++);
    this.instances.push({ processInstanceKey, processDefinitionId, processDefinitionKey: def.processDefinitionKey, processDefinitionVersion: def.version, state: 'ACTIVE', variables });
    this.log('start', processDefinitionId, variables);
    return { processInstanceKey };
  }
  async sequenceFlows(processInstanceKey: string) {
    return this.flows.get(processInstanceKey) ?? [];
  }
  messages: Array<{ name: string; correlationKey: string; variables: Record<string, unknown>; messageId?: string }> = [];
  async publishMessage(msg: { name: string; correlationKey: string; variables: Record<string, unknown>; messageId?: string }) {
    this.messages.push(msg);
    this.log('publish', msg.name, msg.correlationKey);
    return { messageKey: String(this.nextKey++) };
  }
  async deploy(resources: Array<{ name: string; content: string }>): Promise<DeployedResource[]> {
    this.log('deploy', resources.map((r) => r.name));
    return resources.map((r) => {
      const id = /<bpmn:process id="([^"]+)"/.exec(r.content)?.[1] ?? 'unknown';
      const version = this.definitions.filter((d) => d.processDefinitionId === id).length + 1;
      const key = String(this.nextKey++);
      this.definitions.push({ processDefinitionKey: key, processDefinitionId: id, version, name: id, resourceName: r.name, xml: r.content });
      return { processDefinition: { processDefinitionId: id, processDefinitionVersion: version, processDefinitionKey: key } };
    });
  }
}
