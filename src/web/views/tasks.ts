import { ACCEPTED_EXTENSIONS } from '../evidence-types';
import { can } from '../auth/roles';
import { type UserTask } from '../camunda/port';
import { offersProposal } from '../forms/proposal';
import { readableDates } from '../forms/readable-dates';
import { type Attachment, type DepartmentItem, type OpenItem } from '../store/port';
import { type HandoverTask } from '../routes/handover-tasks';
import { type TaskSubject } from '../routes/task-rows';
import { html, jsonScript, type SafeHtml } from '../html';
import { dueColor, formatTime, priorityLabel, trafficBadge } from './format';
import { layout, type PageContext } from './layout';

export interface TaskListFilters {
  view: 'mine' | 'groups' | 'all';
  q?: string;
  process?: string;
  due?: 'overdue' | 'soon';
  priority?: 'high';
  /** The name of the unit the tasks concern (the process's `unitName`). */
  unit?: string;
}

/** What the task list shows besides the tasks: unit and team per task, people's names, the units to filter by. */
export interface TaskListExtras {
  subjects: Map<string, TaskSubject>;
  names: Map<string, string>;
  units: string[];
  /** The name of the task just completed, confirmed at the top of the list. */
  done?: string;
  /** An inspected unit's open items with their state and deadline (shown to units only). */
  openItems?: OpenItem[];
  /** Handovers awaiting the reader's department (shown to departments only). */
  departmentItems?: DepartmentItem[];
  /** The open task of each of those handovers, by handover id. */
  departmentTasks?: Map<string, HandoverTask>;
}

function departmentSection(items: DepartmentItem[], tasks: Map<string, HandoverTask>, now: Date): SafeHtml {
  const action = (i: DepartmentItem) => {
    const task = tasks.get(i.handoverId);
    if (!task) return html`<span class="muted">任务生成中</span>`;
    return html`<a class="button small" href="/tasks/${task.key}">${i.status === 'sent' ? '签收' : '报送办理结果'}</a>`;
  };
  // the open task's deadline: the receipt's while it awaits signing, the result's after
  const due = (i: DepartmentItem) => tasks.get(i.handoverId)?.due ?? i.resultDue;
  return html`<section class="card" aria-labelledby="handover-title"><h2 id="handover-title">移交问题待办</h2>
<div class="table-wrap"><table class="list"><thead><tr><th scope="col">移交文号</th><th scope="col">问题</th><th scope="col">被巡查单位</th><th scope="col">承办部门</th><th scope="col">状态</th><th scope="col">移交时间</th><th scope="col">期限</th><th scope="col"><span class="sr-only">操作</span></th></tr></thead>
<tbody>${items.length ? items.map((i) => html`<tr><td>${i.handoverNo ?? '（未编号）'}</td><td>${i.description}</td><td>${i.unitName}</td><td>${i.departmentName}</td><td>${i.status === 'sent' ? '待签收' : '待反馈结果'}</td><td>${formatTime(i.sentAt)}</td><td>${due(i) ? trafficBadge(dueColor(due(i), now), formatTime(due(i)!)) : html`<span class="muted">—</span>`}</td><td>${action(i)}</td></tr>`)
    : html`<tr><td colspan="8" class="empty">没有待签收或待反馈的移交问题</td></tr>`}</tbody></table></div></section>`;
}

function openItemsSection(items: OpenItem[], now: Date): SafeHtml {
  return html`<section class="card" aria-labelledby="open-title"><h2 id="open-title">本单位整改期限和问题状态</h2>
<div class="table-wrap"><table class="list"><thead><tr><th scope="col">事项</th><th scope="col">内容</th><th scope="col">单位</th><th scope="col">状态</th><th scope="col">期限</th></tr></thead>
<tbody>${items.length ? items.map((i) => html`<tr><td>${i.kind}</td><td>${i.title}</td><td>${i.unitName}</td><td>${i.status}</td><td>${i.due ? trafficBadge(dueColor(i.due, now), formatTime(i.due)) : html`<span class="muted">—</span>`}</td></tr>`)
    : html`<tr><td colspan="5" class="empty">没有未办结的事项</td></tr>`}</tbody></table></div></section>`;
}

const VIEWS: Array<[TaskListFilters['view'], string]> = [
  ['all', '全部待办'],
  ['mine', '我的任务'],
  ['groups', '组内任务'],
];

function option(value: string, label: string, current?: string): SafeHtml {
  return html`<option value="${value}"${value === (current ?? '') ? html` selected` : ''}>${label}</option>`;
}

/** Which page of the list this is; the list is paged in the engine (src/web/routes/task-list.ts). */
export interface TaskListPaging {
  page: number;
  hasNext: boolean;
}

function pageLink(filters: TaskListFilters, page: number, label: string, rel: string): SafeHtml {
  const query = new URLSearchParams({ view: filters.view });
  for (const key of ['q', 'process', 'due', 'priority', 'unit'] as const) if (filters[key]) query.set(key, filters[key]!);
  query.set('page', String(page));
  return html`<a href="/tasks?${query.toString()}" rel="${rel}">${label}</a>`;
}

export function taskListPage(ctx: PageContext, tasks: UserTask[], filters: TaskListFilters, processes: string[], now: Date,
  paging: TaskListPaging = { page: 1, hasNext: false }, extras: TaskListExtras = { subjects: new Map(), names: new Map(), units: [] }): SafeHtml {
  const me = ctx.user?.username;
  const rows = tasks.map((t) => {
    const color = dueColor(t.dueDate, now);
    const mine = t.assignee === me;
    return html`<tr>
      <td><a href="/tasks/${t.userTaskKey}">${t.name ?? t.elementId}</a></td>
      <td>${t.processName ?? t.processDefinitionId}</td>
      <td>${extras.subjects.get(t.userTaskKey)?.unitName ?? ''}</td>
      <td>${extras.subjects.get(t.userTaskKey)?.teamName ?? ''}</td>
      <td>${priorityLabel(t.priority)}</td>
      <td>${trafficBadge(color, formatTime(t.dueDate))}</td>
      <td>${t.assignee ? (mine ? '我' : extras.names.get(t.assignee) ?? t.assignee) : html`<span class="muted">未认领</span>`}</td>
      <td>${formatTime(t.creationDate)}</td>
      <td>
        <form method="post" action="/tasks/${t.userTaskKey}/${mine ? 'unclaim' : 'claim'}" class="inline">
          <input type="hidden" name="_csrf" value="${ctx.csrf}">
          ${mine || !t.assignee ? html`<button type="submit" class="small">${mine ? '退回' : '认领'}</button>` : ''}
        </form>
      </td>
    </tr>`;
  });
  const body = html`${extras.done ? html`<p class="notice success" role="status">已提交「${extras.done}」，任务已办结。</p>` : ''}
${extras.openItems ? openItemsSection(extras.openItems, now) : ''}${extras.departmentItems ? departmentSection(extras.departmentItems, extras.departmentTasks ?? new Map(), now) : ''}
<nav class="tabs" aria-label="任务视图">${VIEWS.map(
    ([v, label]) => html`<a href="/tasks?view=${v}"${v === filters.view ? html` aria-current="page"` : ''}>${label}</a>`,
  )}</nav>
<form method="get" action="/tasks" class="filters" role="search">
  <input type="hidden" name="view" value="${filters.view}">
  <label>搜索 <input type="search" name="q" value="${filters.q ?? ''}" placeholder="任务或流程名称"></label>
  <label>流程 <select name="process">${option('', '全部')}${processes.map((p) => option(p, p, filters.process))}</select></label>
  <label>单位 <select name="unit">${option('', '全部')}${extras.units.map((u) => option(u, u, filters.unit))}</select></label>
  <label>期限 <select name="due">${option('', '全部')}${option('overdue', '已逾期', filters.due)}${option('soon', '两天内到期', filters.due)}</select></label>
  <label>优先级 <select name="priority">${option('', '全部')}${option('high', '高', filters.priority)}</select></label>
  <button type="submit">筛选</button>
</form>
<p class="muted" id="task-count">${paging.page > 1 || paging.hasNext ? html`第 ${paging.page} 页，本页 ${tasks.length} 项任务` : html`共 ${tasks.length} 项任务`}</p>
<div class="table-wrap"><table class="list" aria-describedby="task-count">
  <thead><tr><th scope="col">任务</th><th scope="col">流程</th><th scope="col">单位</th><th scope="col">巡查组</th><th scope="col">优先级</th><th scope="col">期限</th><th scope="col">处理人</th><th scope="col">创建时间</th><th scope="col"><span class="sr-only">操作</span></th></tr></thead>
  <tbody>${rows.length ? rows : html`<tr><td colspan="9" class="empty">暂无任务</td></tr>`}</tbody>
</table></div>
${paging.page > 1 || paging.hasNext
    ? html`<nav class="pager" aria-label="分页">${paging.page > 1 ? pageLink(filters, paging.page - 1, '上一页', 'prev') : ''} ${paging.hasNext ? pageLink(filters, paging.page + 1, '下一页', 'next') : ''}</nav>`
    : ''}`;
  return layout(ctx, { title: '任务', body });
}

export interface TaskPageData {
  task: UserTask;
  schema?: object;
  data: Record<string, unknown>;
  /** Option lists of the form's selection fields, by `valuesKey`; they win over process variables of the same name. */
  options: Record<string, unknown>;
  context: Array<[string, string]>;
  history: UserTask[];
  /** People's names by login, for the assignees shown. */
  names?: Map<string, string>;
  attachments: Attachment[];
  /** The user may claim and complete it (not only see it as a member of its team). */
  canWork: boolean;
  /** What a decision is about, in full (views/task-subject.ts). */
  subject?: SafeHtml;
  /** The user may file evidence under it (it belongs to an inspection or problem). */
  canAttach: boolean;
  now: Date;
}

function attachmentsSection(ctx: PageContext, task: UserTask, list: Attachment[], canUpload: boolean, d: Pick<TaskPageData, 'names'>): SafeHtml {
  return html`<section class="card" id="attachments" aria-labelledby="att-title">
  <h2 id="att-title">附件（证据存档）</h2>
  ${list.length ? html`<ul class="plain">${list.map((a) => html`<li><a href="/evidence/${a.id}">${a.fileName}</a> <span class="muted">${d.names?.get(a.capturedBy) ?? a.capturedBy} · ${formatTime(a.capturedAt)} · ${Math.ceil(a.size / 1024)} KB</span></li>`)}</ul>` : html`<p class="muted">暂无附件</p>`}
  ${canUpload ? html`<form method="post" action="/tasks/${task.userTaskKey}/attachments?_csrf=${ctx.csrf}" enctype="multipart/form-data" class="filters">
    <label>选择文件（照片、录音、视频、PDF、办公文档，单个不超过 50 MB） <input type="file" name="files" multiple required accept="${ACCEPTED_EXTENSIONS}"></label>
    <button type="submit" class="secondary">上传并存档</button></form>` : ''}
</section>`;
}

export function taskPage(ctx: PageContext, d: TaskPageData): SafeHtml {
  const { task } = d;
  const me = ctx.user?.username;
  const mine = task.assignee === me;
  const readonly = !d.canWork || (!!task.assignee && !mine);
  const claimForm = d.canWork ? html`<form method="post" action="/tasks/${task.userTaskKey}/${mine ? 'unclaim' : 'claim'}" class="inline">
    <input type="hidden" name="_csrf" value="${ctx.csrf}">
    ${mine || !task.assignee ? html`<button type="submit" class="secondary">${mine ? '退回任务' : '认领任务'}</button>` : ''}
  </form>` : '';
  const body = html`
<div class="task-head">
  <dl class="facts">
    <div><dt>流程</dt><dd>${task.processName ?? task.processDefinitionId}</dd></div>
    <div><dt>处理人</dt><dd>${task.assignee ? (mine ? '我' : d.names?.get(task.assignee) ?? task.assignee) : '未认领'}</dd></div>
    <div><dt>期限</dt><dd>${trafficBadge(dueColor(task.dueDate, d.now), formatTime(task.dueDate))}</dd></div>
    <div><dt>优先级</dt><dd>${priorityLabel(task.priority)}</dd></div>
  </dl>
  ${claimForm}
</div>
${d.subject ?? ''}
<div class="columns">
  <section class="card grow" aria-labelledby="form-title">
    <h2 id="form-title">办理</h2>
    ${task.state && task.state !== 'CREATED' ? html`<p class="notice">该任务已办结。</p>` : !d.canWork ? html`<p class="notice">此任务由本巡查组组长办理，您可以查看并上传证据。</p>` : task.assignee && !mine ? html`<p class="notice">该任务已由 ${d.names?.get(task.assignee) ?? task.assignee} 认领，您只能查看。</p>` : ''}
    ${
      d.schema
        ? html`<div id="task-form" data-task="${task.userTaskKey}" data-readonly="${readonly ? 'true' : 'false'}" data-proposal="${offersProposal(d.schema) ? 'true' : 'false'}"></div>
      <p id="form-errors" class="error" role="alert" hidden></p>
      ${jsonScript('form-schema', d.schema)}${jsonScript('form-data', { ...readableDates(d.schema, d.data), ...d.options })}`
        : readonly ? html`<p class="muted">此任务没有表单。</p>` : html`<form method="post" action="/tasks/${task.userTaskKey}/complete">
          <input type="hidden" name="_csrf" value="${ctx.csrf}">
          <p>此任务没有表单，确认后即可完成。</p><button type="submit">完成任务</button></form>`
    }
  </section>
  <aside class="card side" aria-labelledby="ctx-title">
    <h2 id="ctx-title">任务背景</h2>
    ${d.context.length ? html`<dl class="facts stacked">${d.context.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>` : html`<p class="muted">无</p>`}
    ${can.monitor(ctx.user) && task.processInstanceKey ? html`<p><a href="/monitoring/instances/${task.processInstanceKey}">查看流程实例</a></p>` : ''}
    <h2>办理记录</h2>
    ${
      d.history.length
        ? html`<ol class="timeline">${d.history.map((h) => html`<li><strong>${h.name}</strong><br><span class="muted">${h.assignee ? d.names?.get(h.assignee) ?? h.assignee : ''} ${formatTime(h.completionDate)}</span></li>`)}</ol>`
        : html`<p class="muted">暂无</p>`
    }
  </aside>
</div>
${attachmentsSection(ctx, task, d.attachments, d.canAttach, d)}`;
  return layout(ctx, { title: task.name ?? '任务', body, scripts: ['task-form.js'], styles: ['task-form.css'] });
}
