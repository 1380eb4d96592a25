import { type Coverage } from '../../domain/calendar';
import { formatArrangement } from '../../domain/holiday-arrangement';
import { html, type SafeHtml } from '../html';
import { type CalendarYearView } from '../store/port';
import { formatTime } from './format';
import { layout, type PageContext } from './layout';

export interface CalendarForm {
  holidays: string;
  workdays: string;
  source: string;
}

const COVERAGE_TEXT: Record<Coverage, string> = {
  official: '已内置国务院公布的节假日安排',
  entered: '已录入节假日安排',
  'weekends-only': '尚未录入节假日安排：该年度的法定期限目前只按周末顺延',
};
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekday = (date: string) => `星期${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;

export function calendarPage(ctx: PageContext, view: CalendarYearView, state: { form?: CalendarForm; problems?: string[]; saved?: boolean } = {}): SafeHtml {
  const { year, coverage, days, entered } = view;
  const lines = formatArrangement(entered);
  const form = state.form ?? { ...lines, source: entered[0]?.source ?? '' };
  const last = entered.reduce<(typeof entered)[number] | undefined>((a, d) => (!a || d.enteredAt > a.enteredAt ? d : a), undefined);
  const body = html`<nav class="filters" aria-label="年份">
  <a href="/admin/calendar?year=${year - 1}">上一年</a> <strong>${year}年</strong> <a href="/admin/calendar?year=${year + 1}">下一年</a>
</nav>
${state.saved ? html`<p class="notice" role="status">${year}年节假日安排已保存，新的期限计算即时生效。</p>` : ''}
<p class="${coverage === 'weekends-only' ? 'notice warning' : 'muted'}" data-coverage="${coverage}">${COVERAGE_TEXT[coverage]}${last ? html`（依据：${last.source}；${last.enteredBy}录入于${formatTime(last.enteredAt)}）` : ''}</p>
<h2>${year}年放假和调休上班日期</h2>
${days.length ? html`<table class="table">
  <thead><tr><th scope="col">日期</th><th scope="col">星期</th><th scope="col">类型</th><th scope="col">名称</th><th scope="col">来源</th></tr></thead>
  <tbody>${days.map((d) => html`<tr><td>${d.date}</td><td>${weekday(d.date)}</td><td>${d.kind === 'holiday' ? '放假' : '调休上班'}</td><td>${d.name}</td><td>${d.from === 'entered' ? '录入' : '内置'}</td></tr>`)}</tbody>
</table>` : html`<p class="muted">该年度没有节假日或调休上班日期。</p>`}
<h2>录入国务院办公厅${year}年部分节假日安排</h2>
${state.problems?.length ? html`<div class="error" role="alert"><p>填写有误，请按提示修改：</p><ul>${state.problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
<form method="post" action="/admin/calendar" class="card narrow-form">
  <input type="hidden" name="_csrf" value="${ctx.csrf}">
  <input type="hidden" name="year" value="${year}">
  <div class="field"><label for="f-holidays">放假时段（每行一段，如“${year}-10-01..${year}-10-07 国庆节”）</label>
    <textarea id="f-holidays" name="holidays" rows="8">${form.holidays}</textarea></div>
  <div class="field"><label for="f-workdays">调休上班日期（每行一天或一段，如“${year}-10-10 国庆节调休上班”）</label>
    <textarea id="f-workdays" name="workdays" rows="5">${form.workdays}</textarea></div>
  <div class="field"><label for="f-source">依据（通知文号） <span aria-hidden="true">*</span></label>
    <input id="f-source" name="source" value="${form.source}" required maxlength="100"></div>
  <p class="muted">保存后整体替换${year}年已录入的安排；录入的日期优先于内置数据。</p>
  <button type="submit">保存</button>
</form>
${entered.length ? html`<form method="post" action="/admin/calendar/${year}/remove" class="filters">
  <input type="hidden" name="_csrf" value="${ctx.csrf}"><button type="submit" class="danger">删除${year}年录入的安排</button>
</form>` : ''}`;
  return layout(ctx, { title: '节假日日历', body });
}
