import { html, type SafeHtml } from '../html';
import { type RecusalView, type ReferenceOption } from '../store/port';
import { formatTime } from './format';
import { layout, type PageContext } from './layout';

export interface RecusalForm {
  personId: string;
  unitCode: string;
  reason: string;
}

const options = (list: ReferenceOption[], selected: string) =>
  list.map((o) => html`<option value="${o.value}"${o.value === selected ? html` selected` : ''}>${o.label}</option>`);

export function recusalsPage(ctx: PageContext, d: { recusals: RecusalView[]; people: ReferenceOption[]; units: ReferenceOption[]; form?: RecusalForm; problem?: string; saved?: boolean }): SafeHtml {
  const form = d.form ?? { personId: '', unitCode: '', reason: '' };
  const body = html`<p class="muted">巡查人员不巡查本人所在单位（自动回避）；此外需回避的单位在此登记，年度方案辅助编排和巡查组人员审查均按此执行。</p>
${d.saved ? html`<p class="notice" role="status">回避事项已登记。</p>` : ''}
${d.recusals.length ? html`<table class="table">
  <thead><tr><th scope="col">人员</th><th scope="col">需回避单位</th><th scope="col">事由</th><th scope="col">登记人</th><th scope="col">登记时间</th><th scope="col">操作</th></tr></thead>
  <tbody>${d.recusals.map((r) => html`<tr><td>${r.personName}</td><td>${r.unitName}</td><td>${r.reason}</td><td>${r.recordedBy}</td><td>${formatTime(r.recordedAt)}</td>
    <td><form method="post" action="/admin/recusals/withdraw"><input type="hidden" name="_csrf" value="${ctx.csrf}"><input type="hidden" name="personId" value="${r.personId}"><input type="hidden" name="unitCode" value="${r.unitCode}"><button type="submit" class="danger">撤销</button></form></td></tr>`)}</tbody>
</table>` : html`<p class="muted">尚未登记回避事项。</p>`}
<h2>登记回避事项</h2>
${d.problem ? html`<div class="error" role="alert"><p>${d.problem}</p></div>` : ''}
<form method="post" action="/admin/recusals" class="card narrow-form">
  <input type="hidden" name="_csrf" value="${ctx.csrf}">
  <div class="field"><label for="f-person">人员 <span aria-hidden="true">*</span></label>
    <select id="f-person" name="personId" required><option value="">请选择</option>${options(d.people, form.personId)}</select></div>
  <div class="field"><label for="f-unit">需回避的单位 <span aria-hidden="true">*</span></label>
    <select id="f-unit" name="unitCode" required><option value="">请选择</option>${options(d.units, form.unitCode)}</select></div>
  <div class="field"><label for="f-reason">事由 <span aria-hidden="true">*</span></label>
    <input id="f-reason" name="reason" value="${form.reason}" required maxlength="200"></div>
  <button type="submit">登记</button>
</form>`;
  return layout(ctx, { title: '回避登记', body });
}
