import { type Request, type Response, Router } from 'express';
import { type Principal } from '../auth/roles';
import { aboutOf, loadTaskAccess, requireWork } from './task-access';
import { taskEntry } from './task-entry';
import { loadDecisionSubject } from './task-subject';
import { loadTaskListPage } from './task-list';
import { taskSubjects } from './task-rows';
import { handoverTasks } from './handover-tasks';
import { scopeOf } from './records';
import { type WebDeps } from '../deps';
import { resolveFormOptions } from '../forms/options';
import { readableRecords } from '../forms/readable-records';
import { formData, parseFormSchema, validateSubmission } from '../forms/validate';
import { HttpError, keyParam, pageContext, requireUser, sendPage, str, wantsJson } from '../http';
import { formatTime } from '../views/format';
import { type TaskListFilters, taskListPage, taskPage } from '../views/tasks';

/** Variables shown as the task's context, with their Chinese labels; ids and codes stay internal (names are shown). */
const CONTEXT_VARIABLES: Array<[string, string]> = [
  ['year', '年度'],
  ['roundNo', '轮次'],
  ['inspectionNo', '巡查编号'],
  ['unitName', '被巡查单位'],
  ['problemText', '问题'],
  ['listingNo', '挂牌编号'],
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
      unit: str(req.query.unit),
    };
    const t0 = now();
    const page = Math.min(1000, Math.max(1, Math.floor(Number(str(req.query.page) ?? '1')) || 1));
    const list = await loadTaskListPage(camunda, store, user, filters, page, t0);
    const scope = scopeOf(user);
    const department = user.roles.includes('department');
    const [subjects, names, units, openItems, departmentItems, departmentTasks] = await Promise.all([
      taskSubjects(camunda, store, list.tasks),
      store.displayNames([...new Set(list.tasks.map((t) => t.assignee).filter((a): a is string => !!a))]),
      store.units(),
      // an inspected unit sees its deadlines and each problem's state above its tasks
      user.roles.includes('unit') && !scope.all ? store.openItems(scope) : Promise.resolve(undefined),
      // a department's handovers, each linked to its open task (签收移交问题, 报送办理结果)
      department ? store.departmentItems(user.departmentCodes) : Promise.resolve(undefined),
      department ? handoverTasks(camunda, user.departmentCodes) : Promise.resolve(undefined),
    ]);
    const extras = { subjects, names, units: units.map((u) => u.name), done: str(req.query.done), openItems, departmentItems, departmentTasks };
    sendPage(res, taskListPage(pageContext(req, res), list.tasks, filters, list.processes, t0, { page: list.page, hasNext: list.hasNext }, extras));
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
    const [units, names] = await Promise.all([
      typeof data.departmentCode === 'string' ? store.units() : Promise.resolve([]),
      store.displayNames([task.assignee, ...history.items.map((h) => h.assignee), ...attachments.map((a) => a.capturedBy)].filter((a): a is string => !!a)),
    ]);
    const shown = (name: string) => {
      if (/Due$/.test(name)) return formatTime(String(data[name]));
      if (name === 'departmentCode') return units.find((u) => u.code === data[name])?.name;
      return String(data[name]);
    };
    const context = CONTEXT_VARIABLES.filter(([name]) => typeof data[name] === 'string' || typeof data[name] === 'number')
      .map(([name, label]) => [label, shown(name)]).filter((entry): entry is [string, string] => entry[1] !== undefined);
    const subject = await loadDecisionSubject(store, form?.formId ?? schema?.id, data, scopeOf(user).evidence, attachments);
    await store.audit({ actor: user.username, action: 'task.view', target: task.userTaskKey, outcome: 'ok', ip: req.ip });
    const shownData = schema ? await readableRecords(schema, formData(schema, data), (kind, id) => store.recordLabel(kind, id)) : {};
    sendPage(res, taskPage(pageContext(req, res), { task, subject, schema, data: shownData, options, context, history: history.items, names, attachments, canWork: work, canAttach: attach && !!(about.inspectionId || about.problemId), now: now() }));
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
    const form = await camunda.getUserTaskForm(task.userTaskKey);
    const schema = parseFormSchema(form?.schema);
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
    if (schema) await store.recordTaskEntry(user.username, taskEntry(task, form?.formId, schema, values, variables, lists));
    await store.audit({ actor: user.username, action: 'task.complete', target: task.userTaskKey, outcome: 'ok', detail: { fields: Object.keys(values) }, ip: req.ip });
    done(req, res, `/tasks?${new URLSearchParams({ done: task.name ?? task.elementId ?? '' }).toString()}`);
  });

  return router;
}

function done(req: Request, res: Response, redirect: string): void {
  if (wantsJson(req)) res.json({ ok: true, redirect });
  else res.redirect(303, redirect);
}
