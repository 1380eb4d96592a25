import { type Request, Router } from 'express';
import { can } from '../auth/roles';
import { type ProcessInstance, type SearchRequest } from '../camunda/port';
import { toCsv } from '../csv';
import { type WebDeps } from '../deps';
import { forbidden, HttpError, keyParam, notFound, pageContext, requireUser, sendPage, str } from '../http';
import { COVERAGE_LABEL, dashboardPage } from '../views/dashboard';
import { formatTime, STATE_LABELS } from '../views/format';
import { type InstanceFilters, instanceListPage, instancePage } from '../views/monitoring';

const STATES = new Set(['ACTIVE', 'COMPLETED', 'TERMINATED']);

function filtersOf(req: Request): InstanceFilters {
  const state = str(req.query.state);
  return {
    process: str(req.query.process),
    state: state && STATES.has(state) ? state : undefined,
    incidents: str(req.query.incidents) === '1',
    unit: str(req.query.unit),
  };
}

function searchOf(f: InstanceFilters, limit: number): SearchRequest {
  const filter: Record<string, unknown> = {};
  if (f.process) filter.processDefinitionId = f.process;
  if (f.state) filter.state = f.state;
  if (f.incidents) filter.hasIncident = true;
  if (f.unit) filter.variables = [{ name: 'unitCode', value: JSON.stringify(f.unit) }];
  return { filter, sort: [{ field: 'startDate', order: 'DESC' }], page: { from: 0, limit } };
}

export function monitoringRoutes(deps: WebDeps): Router {
  const router = Router();
  const { camunda, store } = deps;
  const now = deps.now ?? (() => new Date());

  router.use('/monitoring', (_req, res, next) => {
    next(can.monitor(requireUser(res)) ? undefined : forbidden());
  });

  async function processIds(): Promise<string[]> {
    const defs = await camunda.searchProcessDefinitions({ filter: { isLatestVersion: true }, page: { limit: 200 } });
    return [...new Set(defs.items.map((d) => d.processDefinitionId))].sort();
  }

  router.get('/monitoring', async (req, res) => {
    const f = filtersOf(req);
    const [result, processes, units] = await Promise.all([camunda.searchProcessInstances(searchOf(f, 200)), processIds(), store.units()]);
    sendPage(res, instanceListPage(pageContext(req, res), result.items, result.page.totalItems, f, processes, units));
  });

  router.get('/monitoring/export.csv', async (req, res) => {
    const user = requireUser(res);
    const result = await camunda.searchProcessInstances(searchOf(filtersOf(req), 10000));
    await store.audit({ actor: user.username, action: 'monitoring.export', outcome: 'ok', detail: { rows: result.items.length }, ip: req.ip });
    const rows = result.items.map((i: ProcessInstance) => [i.processInstanceKey, i.processDefinitionId, i.processDefinitionVersion, STATE_LABELS[i.state] ?? i.state, i.hasIncident ? '是' : '否', formatTime(i.startDate), formatTime(i.endDate)]);
    res.type('text/csv; charset=utf-8').attachment('流程实例.csv').send(toCsv(['实例', '流程', '版本', '状态', '故障', '开始', '结束'], rows));
  });

  /** From a register row to its process instance: the newest instance carrying that business key. */
  router.get('/monitoring/find', async (req, res) => {
    const name = str(req.query.name);
    const value = str(req.query.value);
    if (!name || !value || !['inspectionId', 'problemId', 'hazardId', 'handoverId'].includes(name)) throw notFound();
    const found = await camunda.searchProcessInstances({ filter: { variables: [{ name, value: JSON.stringify(value) }] }, sort: [{ field: 'startDate', order: 'DESC' }], page: { limit: 1 } });
    const first = found.items[0];
    if (!first) throw new HttpError(404, '没有找到对应的流程实例。');
    res.redirect(303, `/monitoring/instances/${first.processInstanceKey}`);
  });

  router.get('/monitoring/instances/:key', async (req, res) => {
    const key = keyParam(req.params.key);
    const instance = await camunda.getProcessInstance(key).catch((err: { status?: number }) => {
      throw err?.status === 404 ? notFound() : err;
    });
    const byInstance = { filter: { processInstanceKey: key }, page: { limit: 1000 } };
    const [xml, elements, incidents, variables, flows] = await Promise.all([
      camunda.getProcessDefinitionXml(instance.processDefinitionKey),
      camunda.searchElementInstances({ ...byInstance, sort: [{ field: 'startDate', order: 'ASC' }] }),
      camunda.searchIncidents(byInstance),
      camunda.searchVariables(byInstance),
      // an older cluster without this endpoint just shows no taken flows
      camunda.sequenceFlows(key).catch(() => [] as string[]),
    ]);
    sendPage(res, instancePage(pageContext(req, res), { instance, xml, elements: elements.items.filter((e) => e.type !== 'PROCESS'), incidents: incidents.items, variables: variables.items, flows }));
  });

  router.post('/monitoring/incidents/:key/retry', async (req, res) => {
    const user = requireUser(res);
    if (!can.operate(user)) throw forbidden();
    const incident = await camunda.getIncident(keyParam(req.params.key)).catch((err: { status?: number }) => {
      throw err?.status === 404 ? notFound() : err;
    });
    // A job without retries must get some back first, else resolving creates the same incident again.
    if (incident.jobKey) await camunda.updateJobRetries(incident.jobKey, 3);
    await camunda.resolveIncident(incident.incidentKey);
    await store.audit({ actor: user.username, action: 'incident.retry', target: incident.incidentKey, outcome: 'ok', detail: { processInstanceKey: incident.processInstanceKey }, ip: req.ip });
    res.redirect(303, `/monitoring/instances/${incident.processInstanceKey}`);
  });

  router.post('/monitoring/instances/:key/cancel', async (req, res) => {
    const user = requireUser(res);
    if (!can.operate(user)) throw forbidden();
    const key = keyParam(req.params.key);
    await camunda.cancelProcessInstance(key);
    await store.audit({ actor: user.username, action: 'instance.cancel', target: key, outcome: 'ok', ip: req.ip });
    res.redirect(303, `/monitoring/instances/${key}`);
  });

  router.get('/monitoring/dashboard', async (req, res) => {
    const asOf = now();
    const [coverage, overdue, counts, active, incidents] = await Promise.all([
      store.coverage(asOf),
      store.overdue(asOf),
      store.problemCounts(),
      camunda.searchProcessInstances({ filter: { state: 'ACTIVE' }, page: { limit: 10000 } }),
      camunda.searchIncidents({ filter: { state: 'ACTIVE' }, page: { limit: 1 } }),
    ]);
    const perProcess = new Map<string, number>();
    for (const i of active.items) {
      const name = i.processDefinitionName ?? i.processDefinitionId;
      perProcess.set(name, (perProcess.get(name) ?? 0) + 1);
    }
    sendPage(res, dashboardPage(pageContext(req, res), {
      coverage, overdue, ...counts,
      activeByProcess: [...perProcess].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count),
      openIncidents: incidents.page.totalItems,
    }));
  });

  router.get('/monitoring/dashboard/overdue.csv', async (_req, res) => {
    const rows = (await store.overdue(now())).map((o) => [o.kind === 'hazard' ? '挂牌督办' : '整改', o.title, o.unitCode, formatTime(o.dueAt), { green: '正常', yellow: '临期', red: '逾期' }[o.color]]);
    res.type('text/csv; charset=utf-8').attachment('期限.csv').send(toCsv(['类别', '事项', '单位', '期限', '状态'], rows));
  });

  router.get('/monitoring/dashboard/coverage.csv', async (_req, res) => {
    const rows = (await store.coverage(now())).map((c) => [c.unitCode, c.unitName, formatTime(c.lastInspectedAt), formatTime(c.dueBy), COVERAGE_LABEL[c.color]]);
    res.type('text/csv; charset=utf-8').attachment('覆盖.csv').send(toCsv(['单位代码', '单位', '上次巡查', '应巡查截止', '状态'], rows));
  });

  return router;
}
