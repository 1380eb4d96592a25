import { type Principal, canSeeTask } from '../auth/roles';
import { type CamundaPort, type UserTask } from '../camunda/port';
import { notFound } from '../http';

/** The task, if this user may see it; otherwise 404 so that the key's existence is not revealed. */
export async function loadVisibleTask(camunda: CamundaPort, user: Principal, key: string): Promise<UserTask> {
  const task = await camunda.getUserTask(key).catch((err: { status?: number }) => {
    if (err?.status === 404) throw notFound();
    throw err;
  });
  if (!canSeeTask(user, task)) throw notFound();
  return task;
}

/** Variable values arrive as JSON text. */
export function parseValue(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The task's variables as an object (the task's scope and the process instance's). */
export async function taskVariables(camunda: CamundaPort, userTaskKey: string): Promise<Record<string, unknown>> {
  const vars = await camunda.searchUserTaskVariables(userTaskKey);
  const data: Record<string, unknown> = {};
  for (const v of vars.items) data[v.name] = parseValue(v.value);
  return data;
}

/** What a task's attachments are filed under: its inspection and problem. */
export function aboutOf(data: Record<string, unknown>): { inspectionId?: string; problemId?: string } {
  const id = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return { inspectionId: id(data.inspectionId), problemId: id(data.problemId) };
}
