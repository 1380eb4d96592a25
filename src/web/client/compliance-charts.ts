/// <reference lib="dom" />
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type ComplianceChartData, complianceChartOptions } from '../../domain/compliance/charts';
import { readJson } from './zh';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

function draw(id: string, option: echarts.EChartsCoreOption): void {
  const el = document.getElementById(id);
  if (!el) return;
  const chart = echarts.init(el, undefined, { renderer: 'svg' });
  chart.setOption(option);
  window.addEventListener('resize', () => chart.resize());
}

const data = readJson<ComplianceChartData>('compliance-chart');
if (data) {
  const options = complianceChartOptions(data);
  draw('chart-by-clause', options.byClause);
  draw('chart-by-month', options.byMonth);
}
