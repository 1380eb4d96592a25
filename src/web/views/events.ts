import { html, type SafeHtml } from '../html';
import { type EventKind } from '../events/catalog';
import { type FormComponent } from '../forms/validate';
import { layout, type PageContext } from './layout';

export function eventListPage(ctx: PageContext, events: EventKind[], done?: string, repeated = false): SafeHtml {
  const confirmation = repeated ? html`此前已报送过相同内容，流程已收到，未重复发送：${done}` : html`已送达办理流程：${done}`;
  const body = html`${done ? html`<p class="notice" role="status">${confirmation}</p>` : ''}
<p class="muted">向正在办理的流程报告情况；提交后由相应流程继续办理。</p>
<ul class="cards">${events.map((e) => html`<li><a class="card link-card" href="/events/${e.message}">${e.label}<br><small class="muted">${e.description}</small></a></li>`)}</ul>`;
  return layout(ctx, { title: '情况报告', body });
}

function field(c: FormComponent, value: unknown, error?: string): SafeHtml {
  const id = `f-${c.key}`;
  const required = c.validate?.required === true;
  const described = error ? html` aria-invalid="true" aria-describedby="${id}-error"` : '';
  const label = html`<label for="${id}">${c.label}${required ? html` <span aria-hidden="true">*</span>` : ''}</label>`;
  const v = value === undefined || value === null ? '' : String(value);
  let input: SafeHtml;
  if (c.type === 'textarea') input = html`<textarea id="${id}" name="${c.key}" rows="5"${required ? html` required` : ''}${described}>${v}</textarea>`;
  else if (c.type === 'select') input = html`<select id="${id}" name="${c.key}"${required ? html` required` : ''}${described}><option value="">请选择</option>${(c.values ?? []).map((o) => html`<option${String(o.value) === v ? html` selected` : ''}>${String(o.value)}</option>`)}</select>`;
  else if (c.type === 'number') input = html`<input id="${id}" name="${c.key}" type="number" value="${v}"${required ? html` required` : ''}${described}>`;
  else if (c.type === 'datetime') input = html`<input id="${id}" name="${c.key}" type="date" value="${v}"${required ? html` required` : ''}${described}>`;
  else input = html`<input id="${id}" name="${c.key}" value="${v}"${required ? html` required` : ''}${described}>`;
  return html`<div class="field">${label}${input}${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}</div>`;
}

export function eventFormPage(
  ctx: PageContext,
  e: EventKind,
  subjects: Array<{ id: string; label: string }>,
  values: Record<string, unknown> = {},
  errors: Record<string, string> = {},
  /** Why nothing can be reported now (no process waits for it); shown instead of the subject. */
  unavailable?: string,
): SafeHtml {
  const subjectLabel = { inspection: '巡查', hazard: '挂牌隐患', handover: '移交事项', year: '年度' }[e.subject];
  const subjectSelect = e.subject === 'year'
    ? field({ type: 'number', key: 'subject', label: subjectLabel, validate: { required: true } }, values.subject, errors.subject)
    : html`<div class="field"><label for="f-subject">${subjectLabel} <span aria-hidden="true">*</span></label>
    <select id="f-subject" name="subject" required${errors.subject ? html` aria-invalid="true"` : ''}><option value="">请选择</option>${subjects.map((s) => html`<option value="${s.id}"${s.id === values.subject ? html` selected` : ''}>${s.label}</option>`)}</select>
    ${errors.subject ? html`<p class="error">${errors.subject}</p>` : ''}</div>`;
  const body = html`<p class="muted">${e.description}</p>
${Object.keys(errors).length ? html`<p class="error" role="alert">填写有误，请按提示修改。</p>` : ''}
<form method="post" action="/events/${e.message}" class="card narrow-form" novalidate>
  <input type="hidden" name="_csrf" value="${ctx.csrf}">
  ${unavailable ? html`<p class="notice" role="alert">${unavailable}</p>` : ''}
  ${unavailable && e.subject !== 'year' ? '' : subjects.length || e.subject === 'year' ? subjectSelect : html`<p class="notice">当前没有处于可接收「${e.label}」阶段的${subjectLabel}。</p>${errors.subject ? html`<p class="error" role="alert">${errors.subject}</p>` : ''}`}
  ${e.fields.map((c) => field(c, values[c.key!], errors[c.key!]))}
  <button type="submit">提交</button> <a href="/events">返回</a>
</form>`;
  return layout(ctx, { title: e.label, body });
}
