import { type Request, Router } from 'express';
import { can } from '../auth/roles';
import { type ProcessInstance, type ProcessInstanceQuery } from '../camunda/port';
import { type ProcessIds } from '../camunda/process-ids';
import { type WebDeps } from '../deps';
import { type TableColumn, tableExport } from '../export/table';
import { forbidden, HttpError, keyParam, notFound, pageContext, requireUser, sendPage, str } from '../http';
import { withholdComplaints } from '../monitoring/need-to-know';
import { COVERAGE_LABEL, dashboardPage } from '../views/dashboard';
import { STATE_LABELS, TRAFFIC_LABEL } from '../views/format';
import { type InstanceFilters, instanceListPage, instancePage } from '../views/monitoring';

const STATES = new Map<string, 'ACTIVE' | 'COMPLETED' | 'TERMINATED'>([['ACTIVE', 'ACTIVE'], ['COMPLETED', 'COMPLETED'], ['TERMINATED', 'TERMINATED']]);

const INSTANCE_COLUMNS: TableColumn[] = [{ label: '实例' }, { label: '流程' }, { label: '版本' }, { label: '状态' }, { label: '故障' }, { label: '开始', kind: 'datetime' }, { label: '结束', kind: 'datetime' }];
const OVERDUE_COLUMNS: TableColumn[] = [{ label: '类别' }, { label: '事项' }, { label: '单位' }, { label: '期限', kind: 'datetime' }, { label: '状态' }];
const COVERAGE_COLUMNS: TableColumn[] = [{ label: '单位代码' }, { label: '单位' }, { label: '上次巡查', kind: 'datetime' }, { label: '应巡查截止', kind: 'datetime' }, { label: '状态' }];

function filtersOf(req: Request): InstanceFilters {
  const state = str(req.query.state);
  return {
    process: str(req.query.process),
    state: state && STATES.has(state) ? state : undefined,
    incidents: str(req.query.incidents) === '1',
    unit: str(req.query.unit),
  };
}

/** Instances on one page of the monitoring list; the engine pages the search. */
const INSTANCE_PAGE_SIZE = 50;

function searchOf(f: InstanceFilters, limit: number, from = 0): ProcessInstanceQuery {
  const filter: NonNullable<ProcessInstanceQuery['filter']> = {};
  if (f.process) filter.processDefinitionId = f.process;
  const state = f.state ? STATES.get(f.state) : undefined;
  if (state) filter.state = state;
  if (f.incidents) filter.hasIncident = true;
  if (f.unit) filter.variables = [{ name: 'unitCode', value: JSON.stringify(f.unit) }];
  return { filter, sort: [{ field: 'startDate', order: 'DESC' }], page: { from, limit } };
}

export function monitoringRoutes(deps: WebDeps, processIds: ProcessIds): Router {
  const router = Router();
  const { camunda, store } = deps;
  const { now } = deps;

  router.use('/monitoring', (_req, res, next) => {
    next(can.monitor(requireUser(res)) ? undefined : forbidden());
  });

  router.get('/monitoring', async (req, res) => {
    const f = filtersOf(req);
    const page = Math.min(10_000, Math.max(1, Math.floor(Number(str(req.query.page) ?? '1')) || 1));
    const [result, processes, units] = await Promise.all([
      camunda.searchProcessInstances(searchOf(f, INSTANCE_PAGE_SIZE, (page - 1) * INSTANCE_PAGE_SIZE)),
      processIds.list(),
      store.units(),
    ]);
    sendPage(res, instanceListPage(pageContext(req, res), result.items, result.page.totalItems, f, processes, units, { page, pageSize: INSTANCE_PAGE_SIZE }));
  });

  tableExport(router, '/monitoring/export', async (req, res, format) => {
    const user = requireUser(res);
    const result = await camunda.searchProcessInstances(searchOf(filtersOf(req), 10000));
    await store.audit({ actor: user.username, action: 'monitoring.export', outcome: 'ok', detail: { format, rows: result.items.length }, ip: req.ip });
    const rows = result.items.map((i: ProcessInstance) => [i.processInstanceKey, i.processDefinitionName || i.processDefinitionId, i.processDefinitionVersion, STATE_LABELS[i.state] ?? i.state, i.hasIncident ? '是' : '否', i.startDate, i.endDate]);
    return { title: '流程实例', columns: INSTANCE_COLUMNS, rows };
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
    const shown = withholdComplaints(requireUser(res), variables.items);
    sendPage(res, instancePage(pageContext(req, res), { instance, xml, elements: elements.items.filter((e) => e.type !== 'PROCESS'), incidents: incidents.items, variables: shown, variablesTotal: variables.page.totalItems, flows }));
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

  /** The open deadlines with the unit's name, which is what people read (the code stays for the links). */
  const overdueWithNames = async (asOf: Date) => {
    const [rows, units] = await Promise.all([store.overdue(asOf), store.units()]);
    const names = new Map(units.map((u) => [u.code, u.name]));
    return rows.map((o) => ({ ...o, unitName: names.get(o.unitCode) ?? o.unitCode }));
  };

  router.get('/monitoring/dashboard', async (req, res) => {
    const asOf = now();
    const [coverage, overdue, counts, active, incidents] = await Promise.all([
      store.coverage(asOf),
      overdueWithNames(asOf),
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

  tableExport(router, '/monitoring/dashboard/overdue', async (req, res, format) => {
    const rows = (await overdueWithNames(now())).map((o) => [o.kind === 'hazard' ? '挂牌督办' : '整改', o.title, o.unitName, o.dueAt, TRAFFIC_LABEL[o.color]]);
    await store.audit({ actor: requireUser(res).username, action: 'dashboard.export', target: 'overdue', outcome: 'ok', detail: { format, rows: rows.length }, ip: req.ip });
    return { title: '整改与挂牌督办期限', columns: OVERDUE_COLUMNS, rows };
  });

  tableExport(router, '/monitoring/dashboard/coverage', async (req, res, format) => {
    const rows = (await store.coverage(now())).map((c) => [c.unitCode, c.unitName, c.lastInspectedAt, c.dueBy, COVERAGE_LABEL[c.color]]);
    await store.audit({ actor: requireUser(res).username, action: 'dashboard.export', target: 'coverage', outcome: 'ok', detail: { format, rows: rows.length }, ip: req.ip });
    return { title: '巡查覆盖', columns: COVERAGE_COLUMNS, rows };
  });

  return router;
}
