import { html, type SafeHtml } from '../html';
import { type CountRow, type CoverageRow, type OverdueRow } from '../store/port';
import { exportLinks } from './export-links';
import { formatTime, TRAFFIC_LABEL, trafficBadge, type Traffic } from './format';
import { layout, type PageContext } from './layout';

export interface DashboardData {
  coverage: CoverageRow[];
  overdue: Array<OverdueRow & { unitName: string }>;
  byUnit: CountRow[];
  byCategory: CountRow[];
  byDepartment: CountRow[];
  activeByProcess: CountRow[];
  openIncidents: number;
}

export const COVERAGE_LABEL = { green: '本周期已巡查', yellow: '待巡查', red: '临近周期截止未巡查' } as const;

function tally(rows: Array<{ color: Traffic }>): Record<Traffic, number> {
  const t = { green: 0, yellow: 0, red: 0 };
  for (const r of rows) t[r.color] += 1;
  return t;
}

function summary(title: string, rows: Array<{ color: Traffic }>, labels: Record<Traffic, string> = TRAFFIC_LABEL): SafeHtml {
  const t = tally(rows);
  return html`<div class="card stat"><h2>${title}</h2><p class="traffic">
    <span class="badge green">${labels.green} ${t.green}</span> <span class="badge yellow">${labels.yellow} ${t.yellow}</span> <span class="badge red">${labels.red} ${t.red}</span></p></div>`;
}

/** A horizontal bar chart made of plain elements: readable without scripts and by screen readers. */
function bars(title: string, rows: CountRow[]): SafeHtml {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return html`<section class="card chart" aria-label="${title}"><h2>${title}</h2>${
    rows.length
      ? html`<ul class="bars">${rows.map(
          (r) => html`<li><span class="bar-label">${r.label}</span><span class="bar" style="width:${Math.round((r.count / max) * 100)}%"></span><span class="bar-value">${r.count}</span></li>`,
        )}</ul>`
      : html`<p class="muted">暂无数据</p>`
  }</section>`;
}

export function dashboardPage(ctx: PageContext, d: DashboardData): SafeHtml {
  const body = html`
<p><a class="button" href="/monitoring/compliance">条款落实情况</a></p>
<div class="stats">
  ${summary('两年覆盖', d.coverage, COVERAGE_LABEL)}
  ${summary('整改与挂牌督办期限', d.overdue)}
  <div class="card stat"><h2>未解决故障</h2><p class="big">${d.openIncidents}</p></div>
</div>
<section class="card" aria-labelledby="overdue-title">
  <h2 id="overdue-title">整改与挂牌督办期限 ${exportLinks('/monitoring/dashboard/overdue', '', 'small-link')}</h2>
  <div class="table-wrap"><table class="list"><thead><tr><th scope="col">类别</th><th scope="col">事项</th><th scope="col">单位</th><th scope="col">期限</th><th scope="col">状态</th></tr></thead>
  <tbody>${d.overdue.length ? d.overdue.map(
    (o) => html`<tr><td>${o.kind === 'hazard' ? '挂牌督办' : '整改'}</td><td><a href="${o.processInstanceKey ? `/monitoring/instances/${o.processInstanceKey}` : `/monitoring/find?name=${o.kind === 'hazard' ? 'hazardId' : 'problemId'}&value=${encodeURIComponent(o.id)}`}">${o.title}</a></td><td>${o.unitName}</td><td>${formatTime(o.dueAt)}</td><td>${trafficBadge(o.color)}</td></tr>`,
  ) : html`<tr><td colspan="5" class="empty">暂无</td></tr>`}</tbody></table></div>
</section>
<div class="chart-grid">
  ${bars('问题数量（按单位）', d.byUnit)}
  ${bars('问题数量（按类别）', d.byCategory)}
  ${bars('移交数量（按承办部门）', d.byDepartment)}
  ${bars('进行中的流程实例（按流程）', d.activeByProcess)}
</div>
<section class="card" aria-labelledby="coverage-title">
  <h2 id="coverage-title">巡查覆盖（每两年全覆盖） ${exportLinks('/monitoring/dashboard/coverage', '', 'small-link')}</h2>
  <div class="table-wrap"><table class="list"><thead><tr><th scope="col">单位</th><th scope="col">上次巡查</th><th scope="col">应巡查截止</th><th scope="col">状态</th></tr></thead>
  <tbody>${d.coverage.length ? d.coverage.map(
    (c) => html`<tr><td>${c.unitName}</td><td>${formatTime(c.lastInspectedAt)}</td><td>${formatTime(c.dueBy)}</td><td>${trafficBadge(c.color, undefined, COVERAGE_LABEL)}</td></tr>`,
  ) : html`<tr><td colspan="4" class="empty">暂无</td></tr>`}</tbody></table></div>
</section>
`;
  return layout(ctx, { title: '统计看板', body });
}
