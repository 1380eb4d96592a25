import { type Principal, can } from '../auth/roles';
import { type ElementInstance, type Incident, type ProcessInstance, type Variable } from '../camunda/port';
import { type DeployedProcess } from '../camunda/process-ids';
import { html, jsonScript, type SafeHtml } from '../html';
import { displayValue, instanceVariables, type ListedVariable } from '../monitoring/variables';
import { exportLinks } from './export-links';
import { formatTime, STATE_LABELS } from './format';
import { layout, type PageContext } from './layout';

export interface InstanceFilters {
  process?: string;
  state?: string;
  incidents?: boolean;
  unit?: string;
}

function option(value: string, label: string, current?: string): SafeHtml {
  return html`<option value="${value}"${value === (current ?? '') ? html` selected` : ''}>${label}</option>`;
}

export function filterQuery(f: InstanceFilters): string {
  const q = new URLSearchParams();
  if (f.process) q.set('process', f.process);
  if (f.state) q.set('state', f.state);
  if (f.incidents) q.set('incidents', '1');
  if (f.unit) q.set('unit', f.unit);
  return q.toString();
}

export function instanceListPage(
  ctx: PageContext,
  instances: ProcessInstance[],
  total: number,
  f: InstanceFilters,
  processes: DeployedProcess[],
  units: Array<{ code: string; name: string }>,
  paging: { page: number; pageSize: number } = { page: 1, pageSize: instances.length },
): SafeHtml {
  const pages = Math.max(1, Math.ceil(total / paging.pageSize));
  const pageLink = (page: number, label: string, rel: string) => {
    const query = new URLSearchParams(filterQuery(f));
    query.set('page', String(page));
    return html`<a href="/monitoring?${query.toString()}" rel="${rel}">${label}</a>`;
  };
  const body = html`
<form method="get" action="/monitoring" class="filters" role="search">
  <label>流程 <select name="process">${option('', '全部')}${processes.map((p) => option(p.id, p.name ?? p.id, f.process))}</select></label>
  <label>状态 <select name="state">${option('', '全部')}${['ACTIVE', 'COMPLETED', 'TERMINATED'].map((s) => option(s, STATE_LABELS[s] ?? s, f.state))}</select></label>
  <label>单位 <select name="unit">${option('', '全部')}${units.map((u) => option(u.code, u.name, f.unit))}</select></label>
  <label class="check"><input type="checkbox" name="incidents" value="1"${f.incidents ? html` checked` : ''}> 仅有故障</label>
  <button type="submit">筛选</button>
  ${exportLinks('/monitoring/export', filterQuery(f), 'button secondary')}
</form>
<p class="muted" id="instance-count">共 ${total} 个流程实例${pages > 1 ? html`，第 ${paging.page} / ${pages} 页` : ''}</p>
<div class="table-wrap"><table class="list" aria-describedby="instance-count">
<thead><tr><th scope="col">实例</th><th scope="col">流程</th><th scope="col">版本</th><th scope="col">状态</th><th scope="col">故障</th><th scope="col">开始</th><th scope="col">结束</th></tr></thead>
<tbody>${
    instances.length
      ? instances.map(
          (i) => html`<tr>
  <td><a href="/monitoring/instances/${i.processInstanceKey}">${i.processInstanceKey}</a></td>
  <td>${i.processDefinitionName ?? i.processDefinitionId}</td><td>${i.processDefinitionVersion ?? ''}</td>
  <td><span class="state ${i.state.toLowerCase()}">${STATE_LABELS[i.state] ?? i.state}</span></td>
  <td>${i.hasIncident ? html`<span class="badge red">有故障</span>` : ''}</td>
  <td>${formatTime(i.startDate)}</td><td>${formatTime(i.endDate)}</td></tr>`,
        )
      : html`<tr><td colspan="7" class="empty">没有符合条件的流程实例</td></tr>`
  }</tbody></table></div>
${pages > 1
    ? html`<nav class="pager" aria-label="分页">${paging.page > 1 ? pageLink(paging.page - 1, '上一页', 'prev') : ''} ${paging.page < pages ? pageLink(paging.page + 1, '下一页', 'next') : ''}</nav>`
    : ''}`;
  return layout(ctx, { title: '流程监控', body });
}

export interface InstancePageData {
  instance: ProcessInstance;
  xml?: string;
  elements: ElementInstance[];
  incidents: Incident[];
  variables: Variable[];
  /** Sequence flows taken so far. */
  flows: string[];
  /** How many variables the engine holds, when more than `variables` were fetched. */
  variablesTotal?: number;
}

/** Zeebe's incident types (Camunda 8.8) as an administrator reads them; the engine's code stays in the tooltip. */
const INCIDENT_TYPE_LABELS: Record<string, string> = {
  JOB_NO_RETRIES: '作业重试次数用尽',
  EXECUTION_LISTENER_NO_RETRIES: '执行监听器重试次数用尽',
  TASK_LISTENER_NO_RETRIES: '任务监听器重试次数用尽',
  AD_HOC_SUB_PROCESS_NO_RETRIES: '自由子流程重试次数用尽',
  IO_MAPPING_ERROR: '变量映射出错',
  CONDITION_ERROR: '条件表达式出错',
  EXTRACT_VALUE_ERROR: '表达式取值出错',
  CALLED_ELEMENT_ERROR: '被调用流程出错',
  CALLED_DECISION_ERROR: '被调用决策出错',
  DECISION_EVALUATION_ERROR: '决策求值出错',
  UNHANDLED_ERROR_EVENT: '错误事件无人捕获',
  MESSAGE_SIZE_EXCEEDED: '消息超出大小限制',
  FORM_NOT_FOUND: '找不到表单',
  RESOURCE_NOT_FOUND: '找不到资源',
  UNKNOWN: '未知故障',
};

function incidentType(type?: string): SafeHtml | string {
  if (!type) return '';
  const label = INCIDENT_TYPE_LABELS[type];
  return label ? html`<span title="${type}">${label}</span>` : type;
}

function incidentRow(ctx: PageContext, user: Principal | undefined, i: Incident, elementName: (id?: string) => string): SafeHtml {
  const actions = can.operate(user) && i.state !== 'RESOLVED'
    ? html`<form method="post" action="/monitoring/incidents/${i.incidentKey}/retry" class="inline">
        <input type="hidden" name="_csrf" value="${ctx.csrf}">
        <button type="submit" class="small">${i.jobKey ? '重试（增加重试次数并解决）' : '解决'}</button></form>`
    : '';
  return html`<tr><td>${elementName(i.elementId)}</td><td>${incidentType(i.errorType)}</td><td class="wrap">${i.errorMessage}</td><td>${formatTime(i.creationTime)}</td><td>${actions}</td></tr>`;
}

function valueCell(value: string): SafeHtml {
  const shown = displayValue(value);
  return shown.preview === undefined
    ? html`<td class="wrap"><code>${shown.full}</code></td>`
    : html`<td class="wrap"><details class="value"><summary><code>${shown.preview}</code></summary><pre>${shown.full}</pre></details></td>`;
}

function variableTable(vars: ListedVariable[], scoped: boolean): SafeHtml {
  if (!vars.length) return html`<p class="muted">无</p>`;
  return html`<div class="table-wrap"><table class="list"><thead><tr><th scope="col">名称</th>${scoped ? html`<th scope="col">环节</th>` : ''}<th scope="col">值</th></tr></thead>
  <tbody>${vars.map((v) => html`<tr><td>${v.name}</td>${scoped ? html`<td>${v.scope ?? ''}</td>` : ''}${valueCell(v.value)}</tr>`)}</tbody></table></div>`;
}

/** The timeline shows this many latest steps; earlier ones are folded (long-running instances have hundreds). */
export const TIMELINE_SHOWN = 30;

function timeline(elements: ElementInstance[]): SafeHtml {
  const step = (e: ElementInstance) => html`<li class="${e.state.toLowerCase()}"><strong>${e.elementName ?? e.elementId}</strong> <span class="muted">${STATE_LABELS[e.state] ?? e.state} · ${formatTime(e.startDate)}${e.endDate ? html` → ${formatTime(e.endDate)}` : ''}</span></li>`;
  const earlier = elements.slice(0, Math.max(0, elements.length - TIMELINE_SHOWN));
  const latest = elements.slice(earlier.length);
  return html`${earlier.length ? html`<details class="earlier"><summary>较早的 ${earlier.length} 条记录</summary><ol class="timeline">${earlier.map(step)}</ol></details>` : ''}<ol class="timeline" id="timeline"${earlier.length ? html` start="${earlier.length + 1}"` : ''}>${latest.map(step)}</ol>`;
}

export function instancePage(ctx: PageContext, d: InstancePageData): SafeHtml {
  const { instance } = d;
  const vars = instanceVariables(d.variables, d.elements, instance.processInstanceKey);
  const names = new Map(d.elements.map((e) => [e.elementId, e.elementName || e.elementId]));
  const elementName = (id?: string) => (id ? names.get(id) ?? id : '');
  const overlays = {
    active: [...new Set(d.elements.filter((e) => e.state === 'ACTIVE').map((e) => e.elementId))],
    completed: [...new Set(d.elements.filter((e) => e.state === 'COMPLETED').map((e) => e.elementId))],
    taken: d.flows,
    incidents: [...new Set([...d.incidents.filter((i) => i.state !== 'RESOLVED').map((i) => i.elementId ?? ''), ...d.elements.filter((e) => e.hasIncident).map((e) => e.elementId)])].filter(Boolean),
  };
  const cancel = can.operate(ctx.user) && instance.state === 'ACTIVE'
    ? html`<form method="post" action="/monitoring/instances/${instance.processInstanceKey}/cancel" class="inline" data-confirm="确定要终止该流程实例吗？">
        <input type="hidden" name="_csrf" value="${ctx.csrf}"><button type="submit" class="danger">终止实例</button></form>
      <a class="button secondary" href="/monitoring/instances/${instance.processInstanceKey}/modify">修改实例（移动令牌）</a>`
    : '';
  const body = html`
<div class="task-head">
  <dl class="facts">
    <div><dt>流程</dt><dd>${instance.processDefinitionName ?? instance.processDefinitionId} · 版本 ${instance.processDefinitionVersion ?? ''}</dd></div>
    <div><dt>状态</dt><dd><span class="state ${instance.state.toLowerCase()}" id="instance-state">${STATE_LABELS[instance.state] ?? instance.state}</span></dd></div>
    <div><dt>开始</dt><dd>${formatTime(instance.startDate)}</dd></div>
    <div><dt>结束</dt><dd>${formatTime(instance.endDate)}</dd></div>
  </dl>
  ${cancel}
</div>
<section class="card" aria-labelledby="diagram-title">
  <h2 id="diagram-title">流程图</h2>
  <p class="legend"><span class="badge active">进行中</span> <span class="badge done">已完成</span> <span class="badge red">故障</span> <span class="badge green">已经过的连线</span></p>
  <div id="diagram" class="diagram" role="group" aria-label="流程图，标出进行中、已完成和故障的环节"></div>
  ${jsonScript('diagram-xml', d.xml ?? '')}${jsonScript('diagram-overlays', overlays)}
</section>
<section class="card" aria-labelledby="incidents-title">
  <h2 id="incidents-title">故障（${d.incidents.filter((i) => i.state !== 'RESOLVED').length}）</h2>
  ${d.incidents.length
    ? html`<div class="table-wrap"><table class="list"><thead><tr><th scope="col">环节</th><th scope="col">类型</th><th scope="col">信息</th><th scope="col">时间</th><th scope="col"><span class="sr-only">操作</span></th></tr></thead>
      <tbody>${d.incidents.map((i) => incidentRow(ctx, ctx.user, i, elementName))}</tbody></table></div>`
    : html`<p class="muted">无故障</p>`}
</section>
<div class="columns">
<section class="card grow" aria-labelledby="timeline-title">
  <h2 id="timeline-title">执行记录</h2>
  ${timeline(d.elements)}
</section>
<section class="card grow" aria-labelledby="vars-title">
  <h2 id="vars-title">流程变量</h2>
  ${d.variablesTotal !== undefined && d.variablesTotal > d.variables.length ? html`<p class="notice warning">共 ${d.variablesTotal} 个变量，仅显示前 ${d.variables.length} 个。</p>` : ''}
  ${variableTable(vars.process, false)}
  ${vars.local.length ? html`<details class="local-vars"><summary>环节局部变量（${vars.local.length}）</summary>${variableTable(vars.local, true)}</details>` : ''}
</section>
</div>`;
  return layout(ctx, { title: `流程实例 ${instance.processInstanceKey}`, body, scripts: ['diagram.js'], styles: ['diagram.css'] });
}
