import { type Request, type Response, Router } from 'express';
import { type Principal, canSeeTask, candidateGroupsOf, has, isTeamTask, scopedTeamOf } from '../auth/roles';
import { aboutOf, loadTaskAccess, parseValue, requireWork } from './task-access';
import { scopeOf } from './records';
import { type UserTask } from '../camunda/port';
import { type WebDeps } from '../deps';
import { resolveFormOptions } from '../forms/options';
import { formData, parseFormSchema, validateSubmission } from '../forms/validate';
import { HttpError, keyParam, pageContext, requireUser, sendPage, str, wantsJson } from '../http';
import { dueColor, formatTime } from '../views/format';
import { type TaskListFilters, taskListPage, taskPage } from '../views/tasks';

/** Variables shown as the task's context, with their Chinese labels. */
const CONTEXT_VARIABLES: Array<[string, string]> = [
  ['year', '年度'],
  ['roundNo', '轮次'],
  ['inspectionNo', '巡查编号'],
  ['inspectionId', '巡查记录'],
  ['unitName', '被巡查单位'],
  ['unitCode', '单位代码'],
  ['problemText', '问题'],
  ['problemId', '问题编号'],
  ['listingNo', '挂牌编号'],
  ['hazardId', '隐患编号'],
  ['departmentCode', '承办部门'],
  ['reportDue', '报告期限'],
  ['rectifyDue', '整改期限'],
  ['rectificationDue', '整改期限'],
  ['resultDue', '办理期限'],
];

export function taskRoutes(deps: WebDeps): Router {
  const router = Router();
  const { camunda, store } = deps;
  const { now } = deps;

  /** Open tasks assigned to the user, offered to them by name, or offered to any of their groups (one `$in`
   * search over the groups rather than one per group), merged and checked task by task. Team members also search
   * their teams' leader tasks, which they see to file evidence on. */
  async function visibleTasks(user: Principal): Promise<UserTask[]> {
    const base = { filter: { state: 'CREATED' }, sort: [{ field: 'creationDate', order: 'DESC' as const }], page: { limit: 500 } };
    const groups = new Set(candidateGroupsOf(user));
    if (user.teams.length && groups.has('team')) for (const g of ['team-leader', ...user.teams.map((t) => `team-leader:${t.teamId}`)]) groups.add(g);
    const queries = [
      { ...base, filter: { ...base.filter, assignee: user.username } },
      { ...base, filter: { ...base.filter, candidateUser: user.username } },
      ...(groups.size ? [{ ...base, filter: { ...base.filter, candidateGroup: { $in: [...groups] } } }] : []),
    ];
    const pages = await Promise.all(queries.map((q) => camunda.searchUserTasks(q)));
    const byKey = new Map<string, UserTask>();
    const undecided: UserTask[] = [];
    for (const t of pages.flatMap((p) => p.items)) {
      if (canSeeTask(user, t)) byKey.set(t.userTaskKey, t);
      else if (has(user, 'team', 'team-leader') && isTeamTask(t) && !scopedTeamOf(t)) undecided.push(t);
    }
    const teams = await teamsOfTasks(undecided);
    for (const t of undecided) if (canSeeTask(user, t, teams.get(t.userTaskKey) ?? null)) byKey.set(t.userTaskKey, t);
    return [...byKey.values()];
  }

  /** The team of tasks offered through the plain team groups: their process's `teamId`, else its inspection's team. */
  async function teamsOfTasks(tasks: UserTask[]): Promise<Map<string, string | null>> {
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

  const loadTask = (user: Principal, key: string) => loadTaskAccess(camunda, store, user, key);

  router.get('/tasks', async (req, res) => {
    const user = requireUser(res);
    const view = (['mine', 'groups', 'all'] as const).find((v) => v === str(req.query.view)) ?? 'all';
    const filters: TaskListFilters = {
      view,
      q: str(req.query.q),
      process: str(req.query.process),
      due: str(req.query.due) === 'overdue' ? 'overdue' : str(req.query.due) === 'soon' ? 'soon' : undefined,
      priority: str(req.query.priority) === 'high' ? 'high' : undefined,
    };
    const all = await visibleTasks(user);
    const t0 = now();
    const tasks = all
      .filter((t) => (view === 'mine' ? t.assignee === user.username : view === 'groups' ? t.assignee !== user.username : true))
      .filter((t) => !filters.q || `${t.name ?? ''} ${t.processName ?? ''} ${t.processDefinitionId ?? ''}`.includes(filters.q))
      .filter((t) => !filters.process || (t.processName ?? t.processDefinitionId) === filters.process)
      .filter((t) => !filters.due || dueColor(t.dueDate, t0) === (filters.due === 'overdue' ? 'red' : 'yellow'))
      .filter((t) => !filters.priority || (t.priority ?? 50) >= 75)
      .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || (b.priority ?? 50) - (a.priority ?? 50));
    const processes = [...new Set(all.map((t) => t.processName ?? t.processDefinitionId ?? ''))].filter(Boolean).sort();
    sendPage(res, taskListPage(pageContext(req, res), tasks, filters, processes, t0));
  });

  router.get('/tasks/:key', async (req, res) => {
    const user = requireUser(res);
    const { task, variables: data, work, attach } = await loadTask(user, keyParam(req.params.key));
    const [form, history] = await Promise.all([
      camunda.getUserTaskForm(task.userTaskKey),
      task.processInstanceKey
        ? camunda.searchUserTasks({ filter: { processInstanceKey: task.processInstanceKey, state: 'COMPLETED' }, sort: [{ field: 'completionDate', order: 'ASC' }], page: { limit: 100 } })
        : Promise.resolve({ items: [], page: { totalItems: 0 } }),
    ]);
    const about = aboutOf(data);
    const schema = parseFormSchema(form?.schema);
    const [attachments, options] = await Promise.all([store.attachments(about, scopeOf(user).evidence), schema ? resolveFormOptions(store, schema, about, scopeOf(user).evidence) : {}]);
    const context = CONTEXT_VARIABLES.filter(([name]) => typeof data[name] === 'string' || typeof data[name] === 'number').map(
      ([name, label]) => [label, /Due$/.test(name) ? formatTime(String(data[name])) : String(data[name])] as [string, string],
    );
    await store.audit({ actor: user.username, action: 'task.view', target: task.userTaskKey, outcome: 'ok', ip: req.ip });
    sendPage(res, taskPage(pageContext(req, res), { task, schema, data: schema ? formData(schema, data) : {}, options, context, history: history.items, attachments, canWork: work, canAttach: attach && !!(about.inspectionId || about.problemId), now: now() }));
  });

  router.post('/tasks/:key/claim', async (req, res) => {
    const user = requireUser(res);
    const access = await loadTask(user, keyParam(req.params.key));
    requireWork(access);
    const { task } = access;
    if (task.assignee && task.assignee !== user.username) throw new HttpError(409, `该任务已由 ${task.assignee} 认领。`);
    if (!task.assignee) await camunda.assignUserTask(task.userTaskKey, user.username);
    await store.audit({ actor: user.username, action: 'task.claim', target: task.userTaskKey, outcome: 'ok', ip: req.ip });
    done(req, res, `/tasks/${task.userTaskKey}`);
  });

  router.post('/tasks/:key/unclaim', async (req, res) => {
    const user = requireUser(res);
    const access = await loadTask(user, keyParam(req.params.key));
    requireWork(access);
    const { task } = access;
    if (task.assignee !== user.username) throw new HttpError(409, '只能退回自己认领的任务。');
    await camunda.unassignUserTask(task.userTaskKey);
    await store.audit({ actor: user.username, action: 'task.unclaim', target: task.userTaskKey, outcome: 'ok', ip: req.ip });
    done(req, res, '/tasks');
  });

  router.post('/tasks/:key/complete', async (req, res) => {
    const user = requireUser(res);
    const access = await loadTask(user, keyParam(req.params.key));
    requireWork(access);
    const { task, variables } = access;
    if (task.assignee && task.assignee !== user.username) throw new HttpError(409, `该任务已由 ${task.assignee} 认领，您不能办理。`);
    const body = (req.body ?? {}) as { variables?: unknown };
    const schema = parseFormSchema((await camunda.getUserTaskForm(task.userTaskKey))?.schema);
    // the option lists are resolved again as the form was rendered; conditions are evaluated on the process's own
    // values, with the client's only for the fields it may edit; only the form's own fields go to the process
    const lists = schema ? await resolveFormOptions(store, schema, aboutOf(variables), scopeOf(user).evidence) : {};
    const { values, errors } = schema ? validateSubmission(schema, body.variables, lists, variables) : { values: {}, errors: {} };
    if (Object.keys(errors).length) {
      await store.audit({ actor: user.username, action: 'task.complete', target: task.userTaskKey, outcome: 'failed', detail: { fields: Object.keys(errors) }, ip: req.ip });
      throw new HttpError(422, '表单填写有误，请按提示修改。', errors);
    }
    if (!task.assignee) await camunda.assignUserTask(task.userTaskKey, user.username);
    await camunda.completeUserTask(task.userTaskKey, values);
    await store.audit({ actor: user.username, action: 'task.complete', target: task.userTaskKey, outcome: 'ok', detail: { fields: Object.keys(values) }, ip: req.ip });
    done(req, res, '/tasks');
  });

  return router;
}

function done(req: Request, res: Response, redirect: string): void {
  if (wantsJson(req)) res.json({ ok: true, redirect });
  else res.redirect(303, redirect);
}
