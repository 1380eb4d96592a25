// The engine's public APIs the rehearsal uses: REST /v2 (searches, the clock) and nothing else.
import { z } from 'zod';

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), page: z.object({ totalItems: z.number() }).passthrough() });

export const UserTask = z.object({
  userTaskKey: z.string(),
  elementId: z.string(),
  name: z.string().nullish(),
  processDefinitionId: z.string().nullish(),
  processInstanceKey: z.string().nullish(),
  candidateGroups: z.array(z.string()).nullish(),
  assignee: z.string().nullish(),
  dueDate: z.string().nullish(),
  creationDate: z.string().nullish(),
  state: z.string(),
}).passthrough();
export type UserTask = z.infer<typeof UserTask>;

const Incident = z.object({ incidentKey: z.string(), errorType: z.string().nullish(), errorMessage: z.string().nullish(), elementId: z.string().nullish(), processDefinitionId: z.string().nullish() }).passthrough();
export type Incident = z.infer<typeof Incident>;
const Variable = z.object({ name: z.string(), value: z.string(), processInstanceKey: z.string().nullish(), scopeKey: z.string().nullish() }).passthrough();
const ProcessInstance = z.object({ processInstanceKey: z.string(), processDefinitionId: z.string(), state: z.string(), parentProcessInstanceKey: z.string().nullish() }).passthrough();
const ElementInstance = z.object({ elementInstanceKey: z.string(), elementId: z.string(), processInstanceKey: z.string(), processDefinitionId: z.string().nullish(), type: z.string().nullish(), state: z.string() }).passthrough();
export type ElementInstance = z.infer<typeof ElementInstance>;
const Clock = z.object({ epochMilli: z.number() }).passthrough();

export class EngineApi {
  constructor(private readonly restUrl: string, private readonly managementUrl: string) {}

  private async call(url: string, method: string, body?: unknown): Promise<unknown> {
    const res = await fetch(url, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : undefined;
  }

  private async searchAll<T extends z.ZodType>(path: string, item: T, filter: Record<string, unknown>): Promise<z.infer<T>[]> {
    const all: z.infer<T>[] = [];
    for (;;) {
      const found = page(item).parse(await this.call(`${this.restUrl}/v2${path}`, 'POST', { filter, page: { from: all.length, limit: 1000 } }));
      all.push(...found.items);
      if (found.items.length < 1000) return all;
    }
  }

  /** The engine's time (management API, as the system itself reads it). */
  async now(): Promise<Date> {
    return new Date(Clock.parse(await this.call(`${this.managementUrl}/actuator/clock`, 'GET')).epochMilli);
  }

  /** Moves the engine's clock (PUT /v2/clock pins it there). */
  async setClock(at: Date): Promise<void> {
    await this.call(`${this.restUrl}/v2/clock`, 'PUT', { timestamp: at.getTime() });
  }

  openTasks = () => this.searchAll('/user-tasks/search', UserTask, { state: 'CREATED' });
  task = async (key: string) => UserTask.parse(await this.call(`${this.restUrl}/v2/user-tasks/${key}`, 'GET'));
  incidents = () => this.searchAll('/incidents/search', Incident, { state: 'ACTIVE' });
  variables = (filter: Record<string, unknown>) => this.searchAll('/variables/search', Variable, filter);
  processInstances = (filter: Record<string, unknown>) => this.searchAll('/process-instances/search', ProcessInstance, filter);
  elementInstances = (filter: Record<string, unknown>) => this.searchAll('/element-instances/search', ElementInstance, filter);

  /** Jobs created and not yet completed or failed: the workers still have work. */
  async pendingJobs(): Promise<number> {
    const found = page(z.unknown()).parse(await this.call(`${this.restUrl}/v2/jobs/search`, 'POST', { filter: { state: 'CREATED' }, page: { limit: 1 } }));
    return found.page.totalItems;
  }
}
