import { type Principal, canSeeTask, candidateGroupsOf, has, isTeamTask, scopedTeamOf } from '../auth/roles';
import { type CamundaPort, type UserTask, type UserTaskQuery } from '../camunda/port';
import { type WebStore } from '../store/port';
import { type TaskListFilters } from '../views/tasks';
import { parseValue } from './task-access';

/** Rows on one page of the task list. */
export const TASK_PAGE_SIZE = 50;
const SOON_MS = 2 * 86_400_000; // the yellow light of dueColor: due within two days

// The engine sorts, and the merge below compares, in the same order: due date first (none last), then priority,
// then the newest. Each search is read in this order only as far as the page needs.
const SORT: UserTaskQuery['sort'] = [
  { field: 'dueDate', order: 'ASC' },
  { field: 'priority', order: 'DESC' },
  { field: 'creationDate', order: 'DESC' },
];
const dueOf = (t: UserTask) => (t.dueDate ? Date.parse(t.dueDate) : Number.POSITIVE_INFINITY);
export function compareTasks(a: UserTask, b: UserTask): number {
  return (
    dueOf(a) - dueOf(b) ||
    (b.priority ?? 50) - (a.priority ?? 50) ||
    (b.creationDate ?? '').localeCompare(a.creationDate ?? '') ||
    a.userTaskKey.localeCompare(b.userTaskKey)
  );
}

export interface TaskListPage {
  tasks: UserTask[];
  /** 1-based. */
  page: number;
  hasNext: boolean;
  /** The processes of the tasks read for this page, for the filter's choices. */
  processes: string[];
}

interface Stream {
  filter: Record<string, unknown>;
  items: UserTask[];
  done: boolean;
}

/**
 * One page of the open tasks a user may work on: assigned to them, offered to them by name, or offered to one of
 * their groups. Three searches (Camunda's search has no "or" across fields), each paged in the engine and read
 * only as far as this page needs, merged in the common order; filters the engine knows (priority, due date) go
 * into the searches, the text and process filters are applied to what is read. Nothing is cut off: the last page
 * is the one after which no search has more.
 */
export async function loadTaskListPage(camunda: CamundaPort, store: WebStore, user: Principal, filters: TaskListFilters, page: number, now: Date): Promise<TaskListPage> {
  const base: Record<string, unknown> = { state: 'CREATED' };
  if (filters.priority === 'high') base.priority = { $gte: 75 };
  if (filters.unit) base.processInstanceVariables = [{ name: 'unitName', value: JSON.stringify(filters.unit) }];
  if (filters.due === 'overdue') base.dueDate = { $lt: now.toISOString() };
  if (filters.due === 'soon') base.dueDate = { $gte: now.toISOString(), $lte: new Date(now.getTime() + SOON_MS).toISOString() };
  // team members also search their teams' leader tasks, which they see to file evidence on
  const groups = new Set(candidateGroupsOf(user));
  if (user.teams.length && groups.has('team')) for (const g of ['team-leader', ...user.teams.map((t) => `team-leader:${t.teamId}`)]) groups.add(g);
  const streams: Stream[] = [
    ...(filters.view !== 'groups' ? [{ ...base, assignee: user.username }] : []),
    ...(filters.view !== 'mine' ? [{ ...base, candidateUser: user.username }] : []),
    ...(filters.view !== 'mine' && groups.size ? [{ ...base, candidateGroup: { $in: [...groups] } }] : []),
  ].map((filter) => ({ filter, items: [], done: false }));

  const matches = (t: UserTask) =>
    (filters.view !== 'groups' || t.assignee !== user.username) &&
    (!filters.q || `${t.name ?? ''} ${t.processName ?? ''} ${t.processDefinitionId ?? ''}`.includes(filters.q)) &&
    (!filters.process || (t.processName ?? t.processDefinitionId) === filters.process);

  const teams = new Map<string, string | null>();
  const wanted = page * TASK_PAGE_SIZE + 1; // one more than this page shows: is there a next page?
  const chunk = wanted;
  for (;;) {
    await Promise.all(
      streams
        .filter((s) => !s.done)
        .map(async (s) => {
          const found = await camunda.searchUserTasks({ filter: s.filter, sort: SORT, page: { from: s.items.length, limit: chunk } });
          s.items.push(...found.items);
          if (found.items.length < chunk) s.done = true;
        }),
    );
    // A task is in its final place once it comes before the last task read from every search that has more.
    const frontiers = streams.filter((s) => !s.done && s.items.length).map((s) => s.items[s.items.length - 1]);
    const byKey = new Map<string, UserTask>();
    for (const t of streams.flatMap((s) => s.items)) byKey.set(t.userTaskKey, t);
    const candidates = [...byKey.values()].filter((t) => frontiers.every((f) => compareTasks(t, f) <= 0)).filter(matches);
    // a task offered through the plain team groups is decided on its team, looked up once per task
    const undecided = candidates.filter((t) => !canSeeTask(user, t) && has(user, 'team', 'team-leader') && isTeamTask(t) && !scopedTeamOf(t) && !teams.has(t.userTaskKey));
    for (const [key, team] of await teamsOfTasks(camunda, store, undecided)) teams.set(key, team);
    const settled = candidates.filter((t) => canSeeTask(user, t) || (teams.has(t.userTaskKey) && canSeeTask(user, t, teams.get(t.userTaskKey) ?? null))).sort(compareTasks);
    if (settled.length >= wanted || streams.every((s) => s.done)) return pageOf(settled, page, streams, filters);
  }
}

function pageOf(settled: UserTask[], page: number, streams: Stream[], filters: TaskListFilters): TaskListPage {
  const from = (page - 1) * TASK_PAGE_SIZE;
  const processes = new Set(streams.flatMap((s) => s.items).map((t) => t.processName ?? t.processDefinitionId ?? ''));
  if (filters.process) processes.add(filters.process);
  return {
    tasks: settled.slice(from, from + TASK_PAGE_SIZE),
    page,
    hasNext: settled.length > from + TASK_PAGE_SIZE,
    processes: [...processes].filter(Boolean).sort(),
  };
}

/** The team of tasks offered through the plain team groups: their process's `teamId`, else its inspection's team. */
async function teamsOfTasks(camunda: CamundaPort, store: WebStore, tasks: UserTask[]): Promise<Map<string, string | null>> {
  const instances = [...new Set(tasks.map((t) => t.processInstanceKey).filter((k): k is string => !!k))];
  if (!instances.length) return new Map();
  const vars = await camunda.searchVariables({ filter: { scopeKey: { $in: instances }, name: { $in: ['teamId', 'inspectionId'] } }, page: { limit: 2 * instances.length } });
  const of = new Map<string, { teamId?: string; inspectionId?: string }>();
  for (const v of vars.items) {
    const value = parseValue(v.value);
    if (typeof value !== 'string' || !v.scopeKey) continue;
    of.set(v.scopeKey, { ...of.get(v.scopeKey), [v.name]: value });
  }
  const inspections = await store.inspectionTeams([...new Set([...of.values()].map((o) => o.inspectionId).filter((i): i is string => !!i))]);
  const result = new Map<string, string | null>();
  for (const t of tasks) {
    const o = of.get(t.processInstanceKey ?? '');
    result.set(t.userTaskKey, o?.teamId ?? (o?.inspectionId ? inspections.get(o.inspectionId) ?? null : null));
  }
  return result;
}
