import { type Figures, STATUS_LABEL } from './figures';

/**
 * The two compliance charts as Apache ECharts options, the same for the page (drawn in the browser) and the
 * quarterly report (rendered on the server): the figures of each clause stacked by status, and the monthly trend.
 */
export type FigureKey = keyof Figures;

export interface ComplianceChartData {
  clauses: string[];
  byClause: Record<FigureKey, number[]>;
  months: string[];
  byMonth: Record<FigureKey, number[]>;
  labels: Record<FigureKey, string>;
}

export const FIGURE_KEYS: FigureKey[] = ['due', 'onTime', 'late', 'open', 'overdue'];
export const FIGURE_LABEL: Record<FigureKey, string> = { due: '应办', ...STATUS_LABEL };

// the traffic-light colours of the dashboard badges: done on time, done late, not yet due, overdue
const COLORS: Record<Exclude<FigureKey, 'due'>, string> = { onTime: '#2e7d32', late: '#ef6c00', open: '#1565c0', overdue: '#c62828' };
const STATUSES = Object.keys(COLORS) as Array<Exclude<FigureKey, 'due'>>;

/** The chart data of clause rows (deadline timers count how often a deadline was reached, not obligations) and months. */
export function complianceChartData(rows: Array<{ clause: string; kind: string; figures: Figures }>, byMonth: Array<{ month: string } & Figures>): ComplianceChartData {
  const counted = rows.filter((r) => r.kind !== 'timer');
  const clauses = [...new Set(counted.map((r) => r.clause))];
  const byClause = Object.fromEntries(FIGURE_KEYS.map((k) => [k, clauses.map((cl) => counted.filter((r) => r.clause === cl).reduce((n, r) => n + r.figures[k], 0))])) as ComplianceChartData['byClause'];
  const monthly = Object.fromEntries(FIGURE_KEYS.map((k) => [k, byMonth.map((m) => m[k])])) as ComplianceChartData['byMonth'];
  return { clauses, byClause, months: byMonth.map((m) => m.month), byMonth: monthly, labels: FIGURE_LABEL };
}

/** Options without animation (a server rendering takes the first frame) and with titles when asked. */
export function complianceChartOptions(data: ComplianceChartData, options: { titles?: boolean } = {}): { byClause: Record<string, unknown>; byMonth: Record<string, unknown> } {
  const common = (title: string) => ({
    animation: false,
    ...(options.titles ? { title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 16, lineHeight: 20 } } } : {}),
    tooltip: { trigger: 'axis' },
    legend: { top: options.titles ? 34 : 0 },
    grid: { left: 40, right: 16, top: options.titles ? 72 : 36, bottom: 56 },
  });
  return {
    byClause: {
      ...common('各条款落实情况'),
      xAxis: { type: 'category', data: data.clauses, axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: STATUSES.map((k) => ({ name: data.labels[k], type: 'bar', stack: 'status', data: data.byClause[k], itemStyle: { color: COLORS[k] } })),
    },
    byMonth: {
      ...common('按月趋势（按期限所在月份）'),
      xAxis: { type: 'category', data: data.months },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['due', ...STATUSES] as FigureKey[]).map((k) => ({ name: data.labels[k], type: 'line', data: data.byMonth[k], ...(k === 'due' ? {} : { itemStyle: { color: COLORS[k as Exclude<FigureKey, 'due'>] } }) })),
    },
  };
}
