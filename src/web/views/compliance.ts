import { type ComplianceChartData } from '../../domain/compliance/charts';
import { type Figures, type Occurrence, STATUS_LABEL, statusOf } from '../../domain/compliance/figures';
import { type ComplianceRow } from '../../reports/compliance/collect';
import { html, jsonScript, type SafeHtml } from '../html';
import { exportLinks } from './export-links';
import { formatTime } from './format';
import { layout, type PageContext } from './layout';

export const BASIS_LABEL = { regulation: '条款规定', practice: '实践' } as const;
export const KIND_LABEL = { userTask: '用户任务', timer: '期限计时器', awaited: '等待报送', register: '台账', step: '办理环节' } as const;

export { type ComplianceChartData, FIGURE_LABEL } from '../../domain/compliance/charts';

/** How a row's deadlines read: regulation wording as is, practice marked 实践. */
export function deadlineText(r: Pick<ComplianceRow, 'deadlines'>): string {
  return r.deadlines.map((d) => (d.basis === 'practice' ? `实践：${d.text}` : d.text)).join('；');
}

function figureCells(f: Figures, drill: string): SafeHtml {
  const keys: Array<keyof Figures> = ['due', 'onTime', 'late', 'open', 'overdue'];
  return html`${keys.map((k) => html`<td class="num">${f[k] ? html`<a href="${drill}${drill.includes('?') ? '&' : '?'}status=${k}">${f[k]}</a>` : '0'}</td>`)}`;
}

const FIGURE_HEADERS = html`<th scope="col">应办</th><th scope="col">按期完成</th><th scope="col">逾期完成</th><th scope="col">未到期</th><th scope="col">逾期未办</th>`;

export interface CompliancePageData {
  asOf: string;
  rows: ComplianceRow[];
  byMonth: Array<{ month: string } & Figures>;
  byUnit: Array<{ unitCode: string; unitName: string } & Figures>;
  chart: ComplianceChartData;
}

export function compliancePage(ctx: PageContext, d: CompliancePageData): SafeHtml {
  const base = '/monitoring/compliance/items';
  const body = html`
<p class="muted">统计时点：${formatTime(d.asOf)}。条款与期限取自各流程图元素的条款引注；条例未规定的期限标为“实践”。</p>
<div class="chart-grid">
  <section class="card chart" aria-label="各条款落实情况"><h2>各条款落实情况</h2><div id="chart-by-clause" class="echart" role="img" aria-label="按条款统计的柱状图"></div></section>
  <section class="card chart" aria-label="按月趋势"><h2>按月趋势（按期限所在月份）</h2><div id="chart-by-month" class="echart" role="img" aria-label="按月统计的折线图"></div></section>
</div>
<section class="card" aria-labelledby="clauses-title">
  <h2 id="clauses-title">条款落实情况 ${exportLinks('/monitoring/compliance/table', '', 'small-link')}</h2>
  <div class="table-wrap"><table class="list"><thead><tr><th scope="col">条款</th><th scope="col">义务</th><th scope="col">流程</th><th scope="col">环节</th><th scope="col">期限</th><th scope="col">依据</th>${FIGURE_HEADERS}<th scope="col">计时到期</th></tr></thead>
  <tbody>${d.rows.map((r) => html`<tr><td>${r.clause}</td><td>${r.obligation}</td><td>${r.processName}</td><td>${r.elementName}<br><small class="muted">${KIND_LABEL[r.kind]}</small></td><td>${deadlineText(r)}</td><td>${BASIS_LABEL[r.basis]}</td>${
    r.kind === 'timer' ? html`<td colspan="5" class="muted">见对应任务</td>` : figureCells(r.figures, `${base}?row=${encodeURIComponent(r.key)}`)
  }<td class="num">${r.timer ? `${r.timer.fired}（等待 ${r.timer.waiting}）` : '—'}</td></tr>`)}</tbody></table></div>
</section>
<div class="chart-grid">
<section class="card" aria-labelledby="months-title">
  <h2 id="months-title">按月份 ${exportLinks('/monitoring/compliance/months', '', 'small-link')}</h2>
  <div class="table-wrap"><table class="list"><thead><tr><th scope="col">月份</th>${FIGURE_HEADERS}</tr></thead>
  <tbody>${d.byMonth.length ? d.byMonth.map((m) => html`<tr><td>${m.month}</td>${figureCells(m, `${base}?month=${m.month}`)}</tr>`) : html`<tr><td colspan="6" class="empty">暂无</td></tr>`}</tbody></table></div>
</section>
<section class="card" aria-labelledby="units-title">
  <h2 id="units-title">按单位 ${exportLinks('/monitoring/compliance/units', '', 'small-link')}</h2>
  <div class="table-wrap"><table class="list"><thead><tr><th scope="col">单位</th>${FIGURE_HEADERS}</tr></thead>
  <tbody>${d.byUnit.length ? d.byUnit.map((u) => html`<tr><td>${u.unitName}</td>${figureCells(u, `${base}?unit=${encodeURIComponent(u.unitCode)}`)}</tr>`) : html`<tr><td colspan="6" class="empty">暂无</td></tr>`}</tbody></table></div>
</section>
</div>
${jsonScript('compliance-chart', d.chart)}`;
  return layout(ctx, { title: '条款落实情况', body, scripts: ['compliance-charts.js'] });
}

export interface DrillFilter {
  row?: string;
  month?: string;
  unit?: string;
  status?: string;
}

export function complianceItemsPage(ctx: PageContext, d: { filter: DrillFilter; caption: string; items: Occurrence[]; rowNames: Map<string, string>; unitNames: Map<string, string>; now: Date; query: string }): SafeHtml {
  const body = html`
<p><a href="/monitoring/compliance">返回条款落实情况</a></p>
<section class="card" aria-labelledby="items-title">
  <h2 id="items-title">${d.caption}（共 ${d.items.length} 项） ${exportLinks('/monitoring/compliance/items', d.query, 'small-link')}</h2>
  <div class="table-wrap"><table class="list"><thead><tr><th scope="col">环节</th><th scope="col">事项</th><th scope="col">单位</th><th scope="col">期限</th><th scope="col">完成</th><th scope="col">状态</th><th scope="col">流程实例</th></tr></thead>
  <tbody>${d.items.length ? d.items.map((o) => html`<tr><td>${d.rowNames.get(o.row) ?? o.row}</td><td>${o.title}</td><td>${o.unitCode ? (d.unitNames.get(o.unitCode) ?? o.unitCode) : '—'}</td><td>${formatTime(o.dueAt)}</td><td>${formatTime(o.doneAt)}</td><td>${STATUS_LABEL[statusOf(o, d.now)]}</td><td>${
    o.processInstanceKey ? html`<a href="/monitoring/instances/${o.processInstanceKey}">${o.processInstanceKey}</a>` : '—'
  }</td></tr>`) : html`<tr><td colspan="7" class="empty">暂无</td></tr>`}</tbody></table></div>
</section>`;
  return layout(ctx, { title: '条款落实明细', body });
}
