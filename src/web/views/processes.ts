import { type ProcessDefinition } from '../camunda/port';
import { html, jsonScript, type SafeHtml } from '../html';
import { type ElementChange } from '../processes/compare';
import { layout, type PageContext } from './layout';

export function definitionsPage(ctx: PageContext, defs: ProcessDefinition[], forms: Array<{ id: string; title: string }>): SafeHtml {
  const byId = new Map<string, ProcessDefinition[]>();
  for (const d of defs) byId.set(d.processDefinitionId, [...(byId.get(d.processDefinitionId) ?? []), d]);
  const groups = [...byId.entries()].sort(([a], [b]) => a.localeCompare(b));
  const body = html`
<p><a class="button" href="/processes/new">新建流程图</a> <a class="button secondary" href="/processes/decisions">决策表</a></p>
<div class="table-wrap"><table class="list">
<thead><tr><th scope="col">流程</th><th scope="col">标识</th><th scope="col">版本</th><th scope="col"><span class="sr-only">操作</span></th></tr></thead>
<tbody>${groups.length ? groups.map(([id, versions]) => {
    const sorted = [...versions].sort((a, b) => b.version - a.version);
    const latest = sorted[0]!;
    return html`<tr><td><a href="/processes/${latest.processDefinitionKey}">${latest.name ?? id}</a></td><td><code>${id}</code></td>
      <td>${sorted.map((v) => html`<a class="version" href="/processes/${v.processDefinitionKey}">v${v.version}</a> `)}</td>
      <td><a href="/processes/${latest.processDefinitionKey}/edit">编辑</a>${sorted.length > 1 ? html` · <a href="/processes/compare?a=${sorted[1]!.processDefinitionKey}&amp;b=${latest.processDefinitionKey}">比较最近两版</a>` : ''}</td></tr>`;
  }) : html`<tr><td colspan="4" class="empty">尚未部署流程</td></tr>`}</tbody></table></div>
<h2>表单</h2>
${forms.length ? html`<ul class="plain">${forms.map((f) => html`<li><a href="/processes/forms/${f.id}">${f.title}</a> <code>${f.id}</code></li>`)}</ul>` : html`<p class="muted">没有表单</p>`}`;
  return layout(ctx, { title: '流程管理', body });
}

export function definitionPage(ctx: PageContext, def: ProcessDefinition, versions: ProcessDefinition[], xml: string): SafeHtml {
  const others = versions.filter((v) => v.processDefinitionKey !== def.processDefinitionKey).sort((a, b) => b.version - a.version);
  const body = html`
<p class="actions"><a class="button" href="/processes/${def.processDefinitionKey}/edit">在浏览器中编辑</a>
<a class="button secondary" href="/processes/${def.processDefinitionKey}/xml" download="${def.resourceName ?? `${def.processDefinitionId}.bpmn`}">下载 BPMN</a></p>
${others.length ? html`<form method="get" action="/processes/compare" class="filters"><input type="hidden" name="b" value="${def.processDefinitionKey}">
  <label>与版本比较 <select name="a">${others.map((o) => html`<option value="${o.processDefinitionKey}">v${o.version}</option>`)}</select></label><button type="submit">比较</button></form>` : ''}
<section class="card"><div id="diagram" class="diagram" role="group" aria-label="流程图"></div></section>
${jsonScript('diagram-xml', xml)}${jsonScript('diagram-overlays', { active: [], completed: [], incidents: [], taken: [] })}`;
  return layout(ctx, { title: `${def.name ?? def.processDefinitionId} · 版本 ${def.version}`, body, scripts: ['diagram.js'], styles: ['diagram.css'] });
}

export function modelerPage(ctx: PageContext, title: string, xml: string, fileName: string): SafeHtml {
  const body = html`
<div class="toolbar" role="toolbar" aria-label="流程图操作">
  <label>文件名 <input id="file-name" value="${fileName}" pattern="[A-Za-z0-9_.-]+\\.bpmn" required></label>
  <button type="button" id="lint-button" class="secondary">检查</button>
  <button type="button" id="deploy-button">检查并部署新版本</button>
</div>
<div id="modeler-status" role="status" aria-live="polite"></div>
<ul id="lint-results" class="lint"></ul>
<div class="modeler-wrap"><div id="canvas" class="modeler"></div><div id="properties" class="properties" aria-label="属性面板"></div></div>
${jsonScript('diagram-xml', xml)}`;
  return layout(ctx, { title, body, scripts: ['modeler.js'], styles: ['modeler.css'] });
}

const CHANGE_LABEL = { added: '新增', removed: '删除', changed: '修改' } as const;

export function comparePage(ctx: PageContext, a: ProcessDefinition, b: ProcessDefinition, aXml: string, bXml: string, changes: ElementChange[]): SafeHtml {
  const body = html`
<section class="card"><h2>差异（v${a.version} → v${b.version}）</h2>
${changes.length ? html`<div class="table-wrap"><table class="list"><thead><tr><th scope="col">环节</th><th scope="col">类型</th><th scope="col">变化</th><th scope="col">说明</th></tr></thead>
<tbody>${changes.map((c) => html`<tr><td>${c.name || c.id} <code>${c.id}</code></td><td>${c.type}</td><td><span class="change ${c.change}">${CHANGE_LABEL[c.change]}</span></td><td class="wrap">${c.details.map((d) => html`${d}<br>`)}</td></tr>`)}</tbody></table></div>` : html`<p>两个版本的流程元素相同。</p>`}
</section>
<div class="columns">
<section class="card grow"><h2>版本 ${a.version}</h2><div class="diagram compare" data-xml="compare-a" role="group" aria-label="版本 ${a.version} 流程图"></div></section>
<section class="card grow"><h2>版本 ${b.version}</h2><div class="diagram compare" data-xml="compare-b" role="group" aria-label="版本 ${b.version} 流程图"></div></section>
</div>
${jsonScript('compare-a', aXml)}${jsonScript('compare-b', bXml)}${jsonScript('compare-changes', changes.map((c) => ({ id: c.id, change: c.change })))}`;
  return layout(ctx, { title: `比较 ${b.name ?? b.processDefinitionId}`, body, scripts: ['diagram.js'], styles: ['diagram.css'] });
}

export function formPreviewPage(ctx: PageContext, id: string, schema: object, options: Record<string, unknown> = {}): SafeHtml {
  const body = html`<p class="muted">预览表单 <code>${id}</code>：可以试填，提交只做校验，不会保存。</p>
<section class="card"><div id="task-form" data-preview="true"></div><p id="form-errors" class="error" role="alert" hidden></p></section>
${jsonScript('form-schema', schema)}${jsonScript('form-data', options)}`;
  return layout(ctx, { title: '表单预览', body, scripts: ['task-form.js'], styles: ['task-form.css'] });
}
