import { type ElementInstance, type ProcessInstance } from '../camunda/port';
import { html, type SafeHtml } from '../html';
import { type ActivatableElement } from '../monitoring/activatable-elements';
import { type ModificationErrors, type ModificationInput } from '../monitoring/modification-form';
import { formatTime, STATE_LABELS } from './format';
import { layout, type PageContext } from './layout';

export interface ModificationPageData {
  instance: ProcessInstance;
  /** The element instances that are active now (the process itself left out). */
  active: ElementInstance[];
  elements: ActivatableElement[];
  input: ModificationInput;
  errors: ModificationErrors;
  /** The engine refused the last attempt: its reason in Chinese. */
  rejection?: string;
}

const elementLabel = (e: ActivatableElement) => `${[...e.path, e.name || e.id].join(' › ')}（${e.id}）`;
const fieldError = (id: string, error?: string) => (error ? html`<p class="error" id="${id}-error">${error}</p>` : '');
const invalid = (id: string, error?: string) => (error ? html` aria-invalid="true" aria-describedby="${id}-error"` : '');

function heading(instance: ProcessInstance): SafeHtml {
  return html`<p class="muted">流程：${instance.processDefinitionName ?? instance.processDefinitionId} · 版本 ${instance.processDefinitionVersion ?? ''} ·
  <a href="/monitoring/instances/${instance.processInstanceKey}">返回流程实例</a></p>`;
}

/** The form: tick the element instances to end, pick the element to continue at, optionally give variables. */
export function modificationFormPage(ctx: PageContext, d: ModificationPageData): SafeHtml {
  const key = d.instance.processInstanceKey;
  const chosen = new Set(d.input.terminate);
  const problems = Object.keys(d.errors).length > 0;
  const body = html`${heading(d.instance)}
<p class="notice">移动令牌：终止选中的进行中环节，并从选定的环节继续执行。修改直接改变流程实例的执行状态，请谨慎操作；提交前会再次请您确认。</p>
${d.rejection ? html`<div class="error" role="alert" id="modify-rejection"><p>修改未执行：${d.rejection}</p></div>` : ''}
${problems ? html`<div class="error" role="alert"><p>填写有误，请按提示修改。</p>${d.errors.form ? html`<p>${d.errors.form}</p>` : ''}</div>` : ''}
<form method="post" action="/monitoring/instances/${key}/modify" class="card narrow-form" novalidate>
  <input type="hidden" name="_csrf" value="${ctx.csrf}">
  <fieldset id="f-terminate"${invalid('f-terminate', d.errors.terminate)}>
    <legend>要终止的进行中环节</legend>
    ${d.active.length
      ? d.active.map((e) => html`<label class="check"><input type="checkbox" name="terminate" value="${e.elementInstanceKey}"${chosen.has(e.elementInstanceKey) ? html` checked` : ''}>
        ${e.elementName ?? e.elementId} <span class="muted">${e.elementInstanceKey} · ${STATE_LABELS[e.state] ?? e.state} · ${formatTime(e.startDate)}${e.hasIncident ? ' · 有故障' : ''}</span></label>`)
      : html`<p class="muted">没有进行中的环节。</p>`}
    ${fieldError('f-terminate', d.errors.terminate)}
  </fieldset>
  <div class="field"><label for="f-elementId">要激活的环节</label>
    <select id="f-elementId" name="elementId"${invalid('f-elementId', d.errors.elementId)}><option value="">（不激活）</option>${d.elements.map(
      (e) => html`<option value="${e.id}"${e.id === d.input.elementId ? html` selected` : ''}>${elementLabel(e)}</option>`,
    )}</select>${fieldError('f-elementId', d.errors.elementId)}</div>
  <div class="field"><label for="f-variables">变量（JSON 对象，可选，写入流程实例）</label>
    <textarea id="f-variables" name="variables" rows="5" placeholder='{"整改期限": "2026-12-31"}'${invalid('f-variables', d.errors.variables)}>${d.input.variables}</textarea>
    ${fieldError('f-variables', d.errors.variables)}</div>
  <button type="submit" name="step" value="review">下一步：确认修改</button> <a href="/monitoring/instances/${key}">取消</a>
</form>`;
  return layout(ctx, { title: `修改流程实例 ${key}`, body });
}

/** The confirmation: what will happen, with the input carried along unchanged in hidden fields. */
export function modificationConfirmPage(ctx: PageContext, d: ModificationPageData): SafeHtml {
  const key = d.instance.processInstanceKey;
  const ending = d.active.filter((e) => d.input.terminate.includes(e.elementInstanceKey));
  const unknown = d.input.terminate.filter((k) => !d.active.some((e) => e.elementInstanceKey === k));
  const target = d.elements.find((e) => e.id === d.input.elementId);
  const endsInstance = !target && d.active.length > 0 && d.active.every((e) => d.input.terminate.includes(e.elementInstanceKey));
  const body = html`${heading(d.instance)}
<section class="card" aria-labelledby="confirm-title">
  <h2 id="confirm-title">请确认以下修改</h2>
  <ul id="modify-summary">
    ${ending.map((e) => html`<li>终止：${e.elementName ?? e.elementId}（实例 ${e.elementInstanceKey}）</li>`)}
    ${unknown.map((k) => html`<li>终止：环节实例 ${k}（已不在进行中）</li>`)}
    ${target ? html`<li>激活：${elementLabel(target)}</li>` : ''}
    ${d.input.variables ? html`<li>写入变量：<code>${d.input.variables}</code></li>` : ''}
  </ul>
  ${endsInstance ? html`<p class="notice">此修改会终止全部进行中的环节且不激活任何环节，流程实例将随之结束。</p>` : ''}
  <form method="post" action="/monitoring/instances/${key}/modify" class="inline">
    <input type="hidden" name="_csrf" value="${ctx.csrf}">
    ${d.input.terminate.map((k) => html`<input type="hidden" name="terminate" value="${k}">`)}
    <input type="hidden" name="elementId" value="${d.input.elementId}">
    <input type="hidden" name="variables" value="${d.input.variables}">
    <button type="submit" name="step" value="apply" class="danger">确认修改</button>
    <button type="submit" name="step" value="edit" class="secondary">返回修改</button>
  </form>
</section>`;
  return layout(ctx, { title: `确认修改流程实例 ${key}`, body });
}
