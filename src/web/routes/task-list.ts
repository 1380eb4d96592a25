import { type Principal, canSeeTask, candidateGroupsOf } from '../auth/roles';
import { type CamundaPort, type SearchRequest, type UserTask } from '../camunda/port';
import { type TaskListFilters } from '../views/tasks';

/** Rows on one page of the task list. */
export const TASK_PAGE_SIZE = 50;
const SOON_MS = 2 * 86_400_000; // the yellow light of dueColor: due within two days

// The engine sorts, and the merge below compares, in the same order: due date first (none last), then priority,
// then the newest. Each search is read in this order only as far as the page needs.
const SORT: SearchRequest['sort'] = [
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
export async function loadTaskListPage(camunda: CamundaPort, user: Principal, filters: TaskListFilters, page: number, now: Date): Promise<TaskListPage> {
  const base: Record<string, unknown> = { state: 'CREATED' };
  if (filters.priority === 'high') base.priority = { $gte: 75 };
  if (filters.due === 'overdue') base.dueDate = { $lt: now.toISOString() };
  if (filters.due === 'soon') base.dueDate = { $gte: now.toISOString(), $lte: new Date(now.getTime() + SOON_MS).toISOString() };
  const groups = candidateGroupsOf(user);
  const streams: Stream[] = [
    ...(filters.view !== 'groups' ? [{ ...base, assignee: user.username }] : []),
    ...(filters.view !== 'mine' ? [{ ...base, candidateUser: user.username }] : []),
    ...(filters.view !== 'mine' && groups.length ? [{ ...base, candidateGroup: { $in: groups } }] : []),
  ].map((filter) => ({ filter, items: [], done: false }));

  const keep = (t: UserTask) =>
    canSeeTask(user, t) &&
    (filters.view !== 'groups' || t.assignee !== user.username) &&
    (!filters.q || `${t.name ?? ''} ${t.processName ?? ''} ${t.processDefinitionId ?? ''}`.includes(filters.q)) &&
    (!filters.process || (t.processName ?? t.processDefinitionId) === filters.process);

  const wanted = page * TASK_PAGE_SIZE + 1; // one more than this page shows: is there a next page?
  const chunk = Math.max(100, wanted);
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
    const settled = [...byKey.values()]
      .filter((t) => frontiers.every((f) => compareTasks(t, f) <= 0))
      .filter(keep)
      .sort(compareTasks);
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
