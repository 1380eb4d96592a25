/**
 * Drives the real diagrams of processes/ as staff would: deploys every diagram and form, completes user tasks over
 * REST, reads variables and token positions, and moves the pinned engine clock with the workers' clock following it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, type WorkerEngine } from './worker-engine';

const root = join(__dirname, '../..');
const NOW = { consistency: { waitUpToMs: 0 } };

export interface Driver {
  rest: ReturnType<WorkerEngine['c8']['getOrchestrationClusterApiClientLoose']>;
  /** Completes the open user task of an element with the form's fields; returns the task's variables as it saw them. */
  complete(elementId: string, variables: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Waits until a token of the instance (or of any instance) is active at the element. */
  activeAt(elementId: string, processInstanceKey?: string): Promise<void>;
  /** Number of element instances of the element (any state) in the instance tree. */
  countAt(elementId: string): Promise<number>;
  /** A variable of the process instance's own scope (parsed). */
  variable<T = unknown>(processInstanceKey: string, name: string): Promise<T>;
  /** A local variable of the element's active instance (a deadline its start listener computed, say), parsed. */
  localVariable<T = unknown>(processInstanceKey: string, elementId: string, name: string): Promise<T>;
  /** Waits until the instance reached the state. */
  state(processInstanceKey: string, state: 'COMPLETED' | 'TERMINATED' | 'ACTIVE'): Promise<void>;
  /** Pins the engine clock (and the workers' clock) to the instant. */
  pin(at: string): void;
}

export async function deployAll(env: WorkerEngine): Promise<void> {
  const forms = readdirSync(join(root, 'forms')).map((f) => ({ formFilename: join(root, 'forms', f) }));
  const processes = readdirSync(join(root, 'processes')).filter((f) => /\.(bpmn|dmn)$/.test(f))
    .map((f) => (f.endsWith('.dmn') ? { decisionFilename: join(root, 'processes', f) } : { processFilename: join(root, 'processes', f) }));
  await env.zbc.deployResources([...processes, ...forms] as never);
}

export function driver(env: WorkerEngine, start: string): Driver {
  const rest = env.c8.getOrchestrationClusterApiClientLoose();
  env.engine.clock.pin(Date.parse(start));
  // in production both clocks are the wall clock; here the workers read the pinned engine clock
  env.h.deps.clock = () => new Date(env.engine.clock.now());
  return {
    rest,
    async complete(elementId, variables) {
      const task = await eventually(async () => (await rest.searchUserTasks({ filter: { elementId, state: 'CREATED' } } as never, NOW)).items[0]);
      const vars = await rest.searchUserTaskVariables({ userTaskKey: task.userTaskKey } as never, NOW);
      await rest.completeUserTask({ userTaskKey: task.userTaskKey, variables } as never);
      return Object.fromEntries((vars.items as { name: string; value: string }[]).map((i) => [i.name, JSON.parse(i.value)]));
    },
    async activeAt(elementId, processInstanceKey) {
      await eventually(async () => ((await rest.searchElementInstances({ filter: { elementId, state: 'ACTIVE', ...(processInstanceKey ? { processInstanceKey } : {}) } } as never, NOW)).items?.length ?? 0) > 0);
    },
    async countAt(elementId) {
      return (await rest.searchElementInstances({ filter: { elementId } } as never, NOW)).items?.length ?? 0;
    },
    async variable(processInstanceKey, name) {
      const found = await eventually(async () => (await rest.searchVariables({ filter: { processInstanceKey, scopeKey: processInstanceKey, name } } as never, NOW)).items[0]);
      return JSON.parse((found as { value: string }).value);
    },
    async localVariable(processInstanceKey, elementId, name) {
      const found = await eventually(async () => {
        const element = (await rest.searchElementInstances({ filter: { processInstanceKey, elementId, state: 'ACTIVE' } } as never, NOW)).items?.[0];
        if (!element) return undefined;
        return (await rest.searchVariables({ filter: { processInstanceKey, scopeKey: element.elementInstanceKey, name } } as never, NOW)).items[0];
      });
      return JSON.parse((found as { value: string }).value);
    },
    async state(processInstanceKey, state) {
      await eventually(async () => (await rest.getProcessInstance({ processInstanceKey }, NOW)).state === state);
    },
    pin(at) {
      env.engine.clock.pin(Date.parse(at));
    },
  };
}
