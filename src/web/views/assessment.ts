import { type AssessmentRow } from '../../db/assessment-register';
import { html, type SafeHtml } from '../html';
import { formatDate, formatTime } from './format';
import { layout, type PageContext } from './layout';

/** The cut-off day: the entry freezes at the end of it (the instant stored is the next midnight in China). */
const cutoffDay = (cutoffAt: string | null) => (cutoffAt ? formatDate(new Date(Date.parse(cutoffAt) - 1).toISOString()) : '—');

function state(row: AssessmentRow, now: Date): SafeHtml {
  if (row.frozenAt) return html`<span class="badge">已按截止时情况锁定（${formatTime(row.frozenAt)}）</span>`;
  if (row.cutoffAt && Date.parse(row.cutoffAt) <= now.getTime()) return html`<span class="badge">截止日已过，待锁定</span>`;
  return html`<span class="badge">截止前，可随销号、审核更新</span>`;
}

export function assessmentPage(ctx: PageContext, year: number, years: number[], rows: AssessmentRow[], now: Date): SafeHtml {
  const cutoffs = [...new Set(rows.map((r) => cutoffDay(r.cutoffAt)))];
  const body = html`
<form method="get" action="/assessment" class="filters"><label>考核年度 <select name="year">${
  [...new Set([year, ...years])].sort((a, b) => b - a).map((y) => html`<option value="${y}"${y === year ? html` selected` : ''}>${y}年</option>`)
}</select></label><button type="submit">查看</button></form>
<p class="muted">巡查结果纳入安全生产工作绩效考核（三（三）6）：按考核截止日${cutoffs.length ? `（${cutoffs.join('、')}）` : ''}结束时已知的情况锁定；截止后问题销号、整改审核引起的变化另行记为“截止后更新”，不改动截止时的评分。</p>
<div class="table-wrap"><table class="list">
<thead><tr><th scope="col">单位</th><th scope="col">巡查组</th><th scope="col">评分</th><th scope="col">等次</th><th scope="col">扣分事项</th><th scope="col">首次评分</th><th scope="col">考核截止日</th><th scope="col">状态</th><th scope="col">截止后更新</th></tr></thead>
<tbody>${rows.length ? rows.map((r) => html`<tr>
  <td>${r.unitName}</td><td>${r.teamName ?? '—'}</td><td>${r.score}</td><td>${r.grade || '—'}</td>
  <td class="wrap">${r.items.length ? r.items.map((i) => html`${i.item}（${i.points}分）<br>`) : '无'}</td>
  <td>${formatDate(r.scoredAt)}</td><td>${cutoffDay(r.cutoffAt)}</td><td>${state(r, now)}</td>
  <td class="wrap">${r.updates.length ? r.updates.map((u) => html`${formatDate(u.recordedAt)} ${u.reason}：${u.score}分${u.grade ? `（${u.grade}）` : ''}<br>`) : '—'}</td>
</tr>`) : html`<tr><td colspan="9" class="empty">${year}年度尚无考核结果</td></tr>`}</tbody></table></div>`;
  return layout(ctx, { title: `绩效考核 · ${year}年度`, body });
}
