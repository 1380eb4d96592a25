import { join } from 'node:path';
import { type Request, type Response, Router } from 'express';
import { complianceChartData } from '../../domain/compliance/charts';
import { type Figures, monthOf, type Occurrence, STATUS_LABEL, statusOf } from '../../domain/compliance/figures';
import { can } from '../auth/roles';
import { type Compliance, collectCompliance } from '../../reports/compliance/collect';
import { type WebDeps } from '../deps';
import { type TableColumn, tableExport } from '../export/table';
import { forbidden, pageContext, requireUser, sendPage, str } from '../http';
import { BASIS_LABEL, complianceItemsPage, compliancePage, deadlineText, type DrillFilter, FIGURE_LABEL, KIND_LABEL } from '../views/compliance';

const FIGURE_KEYS: Array<keyof Figures> = ['due', 'onTime', 'late', 'open', 'overdue'];
const FIGURE_COLUMNS: TableColumn[] = FIGURE_KEYS.map((k) => ({ label: FIGURE_LABEL[k] }));
const TABLE_COLUMNS: TableColumn[] = [{ label: '条款' }, { label: '义务' }, { label: '流程' }, { label: '环节' }, { label: '类型' }, { label: '期限' }, { label: '依据' }, ...FIGURE_COLUMNS, { label: '计时到期' }, { label: '计时等待' }];
const ITEM_COLUMNS: TableColumn[] = [{ label: '条款' }, { label: '环节' }, { label: '事项' }, { label: '单位' }, { label: '期限', kind: 'datetime' }, { label: '完成', kind: 'datetime' }, { label: '状态' }, { label: '流程实例' }];
const MONTH = /^\d{4}-\d{2}$/;

function drillFilter(req: Request): DrillFilter {
  const month = str(req.query.month);
  const status = str(req.query.status);
  return {
    row: str(req.query.row),
    month: month && MONTH.test(month) ? month : undefined,
    unit: str(req.query.unit),
    status: status && (FIGURE_KEYS as string[]).includes(status) && status !== 'due' ? status : undefined,
  };
}

function drill(c: Compliance, f: DrillFilter, now: Date): Occurrence[] {
  return c.occurrences
    .filter((o) => (!f.row || o.row === f.row) && (!f.month || monthOf(o.dueAt) === f.month) && (!f.unit || o.unitCode === f.unit)
      && (!f.status || statusOf(o, now) === f.status))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** 条款落实情况: the clause table with live figures, for those who see the dashboard. */
export function complianceRoutes(deps: WebDeps): Router {
  const router = Router();
  const { now } = deps;
  const processesDir = deps.config.processesDir ?? join(process.cwd(), 'processes');
  const collect = (asOf: Date) => collectCompliance({ camunda: deps.camunda, store: deps.store, processesDir, now: asOf });
  const audit = async (req: Request, res: Response, target: string, format: string, rows: number) =>
    deps.store.audit({ actor: requireUser(res).username, action: 'compliance.export', target, outcome: 'ok', detail: { format, rows }, ip: req.ip });

  router.use('/monitoring/compliance', (_req, res, next) => {
    next(can.monitor(requireUser(res)) ? undefined : forbidden());
  });

  router.get('/monitoring/compliance', async (req, res) => {
    const c = await collect(now());
    sendPage(res, compliancePage(pageContext(req, res), { asOf: c.asOf, rows: c.rows, byMonth: c.byMonth, byUnit: c.byUnit, chart: complianceChartData(c.rows, c.byMonth) }));
  });

  router.get('/monitoring/compliance/items', async (req, res) => {
    const asOf = now();
    const c = await collect(asOf);
    const f = drillFilter(req);
    const row = c.rows.find((r) => r.key === f.row);
    const caption = [row ? `${row.clause} ${row.processName} · ${row.elementName}` : '', f.month ? `${f.month}` : '', f.unit ? (c.unitNames.get(f.unit) ?? f.unit) : '', f.status ? STATUS_LABEL[f.status as keyof typeof STATUS_LABEL] : '']
      .filter(Boolean).join(' · ') || '全部事项';
    const query = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => !!e[1])).toString();
    sendPage(res, complianceItemsPage(pageContext(req, res), {
      filter: f, caption, items: drill(c, f, asOf), rowNames: new Map(c.rows.map((r) => [r.key, `${r.processName} · ${r.elementName}`])), unitNames: c.unitNames, now: asOf, query,
    }));
  });

  tableExport(router, '/monitoring/compliance/table', async (req, res, format) => {
    const c = await collect(now());
    const rows = c.rows.map((r) => [r.clause, r.obligation, r.processName, r.elementName, KIND_LABEL[r.kind], deadlineText(r), BASIS_LABEL[r.basis],
      ...FIGURE_KEYS.map((k) => (r.kind === 'timer' ? null : r.figures[k])), r.timer?.fired ?? null, r.timer?.waiting ?? null]);
    await audit(req, res, 'clauses', format, rows.length);
    return { title: '条款落实情况', columns: TABLE_COLUMNS, rows };
  });

  tableExport(router, '/monitoring/compliance/months', async (req, res, format) => {
    const rows = (await collect(now())).byMonth.map((m) => [m.month, ...FIGURE_KEYS.map((k) => m[k])]);
    await audit(req, res, 'months', format, rows.length);
    return { title: '条款落实情况（按月份）', columns: [{ label: '月份' }, ...FIGURE_COLUMNS], rows };
  });

  tableExport(router, '/monitoring/compliance/units', async (req, res, format) => {
    const rows = (await collect(now())).byUnit.map((u) => [u.unitName, ...FIGURE_KEYS.map((k) => u[k])]);
    await audit(req, res, 'units', format, rows.length);
    return { title: '条款落实情况（按单位）', columns: [{ label: '单位' }, ...FIGURE_COLUMNS], rows };
  });

  tableExport(router, '/monitoring/compliance/items', async (req, res, format) => {
    const asOf = now();
    const c = await collect(asOf);
    const byKey = new Map(c.rows.map((r) => [r.key, r]));
    const rows = drill(c, drillFilter(req), asOf).map((o) => {
      const r = byKey.get(o.row);
      return [r?.clause, r ? `${r.processName} · ${r.elementName}` : o.row, o.title, o.unitCode ? (c.unitNames.get(o.unitCode) ?? o.unitCode) : null, o.dueAt, o.doneAt, STATUS_LABEL[statusOf(o, asOf)], o.processInstanceKey];
    });
    await audit(req, res, 'items', format, rows.length);
    return { title: '条款落实明细', columns: ITEM_COLUMNS, rows };
  });

  return router;
}
