/// <reference lib="dom" />
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { readJson } from './zh';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Key = 'due' | 'onTime' | 'late' | 'open' | 'overdue';
interface ChartData {
  clauses: string[];
  byClause: Record<Key, number[]>;
  months: string[];
  byMonth: Record<Key, number[]>;
  labels: Record<Key, string>;
}

// the traffic-light colours of the dashboard badges: done on time, done late, not yet due, overdue
const COLORS: Record<Exclude<Key, 'due'>, string> = { onTime: '#2e7d32', late: '#ef6c00', open: '#1565c0', overdue: '#c62828' };
const STATUSES = Object.keys(COLORS) as Array<Exclude<Key, 'due'>>;

function draw(id: string, option: echarts.EChartsCoreOption): void {
  const el = document.getElementById(id);
  if (!el) return;
  const chart = echarts.init(el, undefined, { renderer: 'svg' });
  chart.setOption(option);
  window.addEventListener('resize', () => chart.resize());
}

const data = readJson<ChartData>('compliance-chart');
if (data) {
  const common = { tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 40, right: 16, top: 36, bottom: 56 } };
  draw('chart-by-clause', {
    ...common,
    xAxis: { type: 'category', data: data.clauses, axisLabel: { rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: STATUSES.map((k) => ({ name: data.labels[k], type: 'bar', stack: 'status', data: data.byClause[k], itemStyle: { color: COLORS[k] } })),
  });
  draw('chart-by-month', {
    ...common,
    xAxis: { type: 'category', data: data.months },
    yAxis: { type: 'value', minInterval: 1 },
    series: (['due', ...STATUSES] as Key[]).map((k) => ({ name: data.labels[k], type: 'line', data: data.byMonth[k], ...(k === 'due' ? {} : { itemStyle: { color: COLORS[k as Exclude<Key, 'due'>] } }) })),
  });
}
