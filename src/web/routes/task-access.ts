import { type Principal, canSeeTask, canWorkOn, has, isTeamMemberOf, isTeamTask, scopedTeamOf } from '../auth/roles';
import { type CamundaPort, type UserTask } from '../camunda/port';
import { HttpError, notFound } from '../http';
import { type WebStore } from '../store/port';

/** What the user may do with a task they may see. */
export interface TaskAccess {
  task: UserTask;
  /** The task's variables (its scope and the process instance's). */
  variables: Record<string, unknown>;
  /** Claim and complete it (open tasks only; completing also needs it unclaimed or claimed by the user). */
  work: boolean;
  /** File evidence on it (open tasks only): who works on it, unless another holds it, and the members of its team. */
  attach: boolean;
}

/**
 * The task, if this user may see it; otherwise 404 so that the key's existence is not revealed. A team task is
 * decided on its team: the `teamId` of its process, else the team recorded for its inspection.
 */
export async function loadTaskAccess(camunda: CamundaPort, store: WebStore, user: Principal, key: string): Promise<TaskAccess> {
  const task = await camunda.getUserTask(key).catch((err: { status?: number }) => {
    if (err?.status === 404) throw notFound();
    throw err;
  });
  // only team staff need a team task's team looked up; anyone else is answered at once
  if (!canSeeTask(user, task) && !(isTeamTask(task) && has(user, 'team', 'team-leader'))) throw notFound();
  const variables = await taskVariables(camunda, task.userTaskKey);
  const team = isTeamTask(task) ? await teamOf(store, task, variables) : undefined;
  if (!canSeeTask(user, task, team)) throw notFound();
  const open = task.state === undefined || task.state === 'CREATED';
  const work = open && canWorkOn(user, task, team);
  const free = !task.assignee || task.assignee === user.username;
  return { task, variables, work, attach: open && ((work && free) || isTeamMemberOf(user, task, team)) };
}

/** Refuses what only an open task one may work on allows. */
export function requireWork(access: TaskAccess): void {
  if (access.task.state && access.task.state !== 'CREATED') throw new HttpError(409, '该任务已办结，不能再认领或办理。');
  if (!access.work) throw new HttpError(403, '该任务不由您办理。');
}

/** The team a task belongs to: its scoped candidate group, its process's `teamId`, its inspection's team; null for none. */
export async function teamOf(store: WebStore, task: UserTask, variables: Record<string, unknown>): Promise<string | null> {
  const scoped = scopedTeamOf(task);
  if (scoped) return scoped;
  if (typeof variables.teamId === 'string' && variables.teamId) return variables.teamId;
  const { inspectionId } = aboutOf(variables);
  if (!inspectionId) return null;
  return (await store.inspectionTeams([inspectionId])).get(inspectionId) ?? null;
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
