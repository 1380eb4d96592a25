import { cellText } from '../export/table';
import { html, type SafeHtml } from '../html';
import { type NotificationItem, type PublicNotice, REGISTERS, type RegisterName, type RegisterPage } from '../store/port';
import { INBOX_KINDS, type InboxKind } from '../inbox-kinds';
import { exportLinks } from './export-links';
import { formatTime } from './format';
import { layout, type PageContext } from './layout';

export function registersIndexPage(ctx: PageContext): SafeHtml {
  const body = html`<ul class="cards">${(Object.entries(REGISTERS) as Array<[RegisterName, string]>).map(
    ([name, label]) => html`<li><a class="card link-card" href="/registers/${name}">${label}</a></li>`,
  )}</ul>`;
  return layout(ctx, { title: '台账', body });
}

/** The business key by which a register row is found in its process instance's variables. */
const KEY_OF: Partial<Record<RegisterName, [string, string]>> = {
  inspections: ['inspectionId', 'id'],
  problems: ['problemId', 'id'],
  hazards: ['hazardId', 'id'],
  handovers: ['handoverId', 'id'],
  rectifications: ['inspectionId', 'inspectionId'],
  talks: ['inspectionId', 'inspectionId'],
};

function instanceLink(name: RegisterName, row: RegisterPage['rows'][number]): SafeHtml | '' {
  if (row.processInstanceKey) return html`<a href="/monitoring/instances/${row.processInstanceKey}">流程</a>`;
  const key = KEY_OF[name];
  const value = key ? row[key[1]] : null;
  return key && value ? html`<a href="/monitoring/find?name=${key[0]}&amp;value=${encodeURIComponent(String(value))}">流程</a>` : '';
}

export function registerPage(ctx: PageContext, name: RegisterName, page: RegisterPage, q: string | undefined, showInstances: boolean, offset: number, limit: number): SafeHtml {
  const prev = offset > 0 ? Math.max(0, offset - limit) : undefined;
  const next = offset + limit < page.total ? offset + limit : undefined;
  const link = (o: number) => `/registers/${name}?${new URLSearchParams({ ...(q ? { q } : {}), offset: String(o) }).toString()}`;
  const body = html`
<form method="get" action="/registers/${name}" class="filters" role="search">
  <label>搜索 <input type="search" name="q" value="${q ?? ''}"></label><button type="submit">搜索</button>
  ${exportLinks(`/registers/${name}`, q ? `q=${encodeURIComponent(q)}` : '', 'button secondary')}
</form>
<p class="muted" id="register-count">共 ${page.total} 条</p>
<div class="table-wrap"><table class="list" aria-describedby="register-count">
<thead><tr>${page.columns.map((c) => html`<th scope="col">${c.label}</th>`)}<th scope="col"><span class="sr-only">链接</span></th></tr></thead>
<tbody>${page.rows.length ? page.rows.map(
    (r) => html`<tr>${page.columns.map((c) => html`<td>${cellText(c, r[c.key])}</td>`)}<td>${
      r.documentId ? html`<a href="/documents/${r.documentId}">下载</a> ` : ''
    }${r.evidenceId ? html`<a href="/evidence/${r.evidenceId}">下载</a> ` : ''}${showInstances ? instanceLink(name, r) : ''}</td></tr>`,
  ) : html`<tr><td colspan="${page.columns.length + 1}" class="empty">暂无记录</td></tr>`}</tbody></table></div>
<nav class="pager" aria-label="分页">${prev !== undefined ? html`<a href="${link(prev)}">上一页</a>` : ''} ${next !== undefined ? html`<a href="${link(next)}">下一页</a>` : ''}</nav>`;
  return layout(ctx, { title: REGISTERS[name], body });
}

export interface InboxFilters {
  state?: 'read' | 'unread';
  kind?: InboxKind;
  offset: number;
  limit: number;
}

const choice = (value: string, label: string, current?: string) => html`<option value="${value}"${value === (current ?? '') ? html` selected` : ''}>${label}</option>`;

export function inboxPage(ctx: PageContext, page: { items: NotificationItem[]; total: number }, f: InboxFilters): SafeHtml {
  const { items } = page;
  const link = (offset: number) => `/inbox?${new URLSearchParams({ ...(f.state ? { state: f.state } : {}), ...(f.kind ? { kind: f.kind } : {}), offset: String(offset) }).toString()}`;
  const prev = f.offset > 0 ? Math.max(0, f.offset - f.limit) : undefined;
  const next = f.offset + f.limit < page.total ? f.offset + f.limit : undefined;
  const body = html`<form method="get" action="/inbox" class="filters" role="search">
  <label>状态 <select name="state">${choice('', '全部')}${choice('unread', '未读', f.state)}${choice('read', '已读', f.state)}</select></label>
  <label>类别 <select name="kind">${choice('', '全部')}${INBOX_KINDS.map(([k, label]) => choice(k, label, f.kind))}</select></label>
  <button type="submit">筛选</button>
</form>
<form method="post" action="/inbox/read-all" class="filters"><input type="hidden" name="_csrf" value="${ctx.csrf}"><button type="submit" class="secondary">全部标为已读</button></form>
<p class="muted" id="inbox-count">共 ${page.total} 条</p>
<ul class="inbox" aria-describedby="inbox-count">${items.length ? items.map(
    (n) => html`<li class="${n.readAt ? 'read' : 'unread'}"><article>
      <h2>${n.readAt ? '' : html`<span class="badge yellow">未读</span> `}<span class="tag">${n.kind}</span> ${n.title}</h2>
      <p class="muted">${formatTime(n.createdAt)}</p><p>${n.body}</p>
      ${n.link ? html`<p><a href="${n.link.startsWith('/') ? n.link : '#'}">查看</a></p>` : ''}
      ${n.readAt ? '' : html`<form method="post" action="/inbox/${n.id}/read"><input type="hidden" name="_csrf" value="${ctx.csrf}"><button type="submit" class="small">标为已读</button></form>`}
    </article></li>`,
  ) : html`<li class="empty">没有消息</li>`}</ul>
<nav class="pager" aria-label="分页">${prev !== undefined ? html`<a href="${link(prev)}">上一页</a>` : ''} ${next !== undefined ? html`<a href="${link(next)}">下一页</a>` : ''}</nav>`;
  return layout(ctx, { title: '消息', body });
}

const KIND_LABEL: Record<string, string> = { feedback: '巡查反馈', rectification: '整改情况', listing: '挂牌督办', delisting: '摘牌销号' };

export function boardPage(ctx: PageContext, notices: PublicNotice[]): SafeHtml {
  const body = html`<p class="lead">峄城区安全生产巡查有关情况向社会公告，接受社会监督。</p>
<ul class="notices">${notices.length ? notices.map(
    (n) => html`<li><article class="card"><p class="muted"><span class="tag">${KIND_LABEL[n.kind] ?? '公告'}</span> ${formatTime(n.publishedAt)}</p>
      <h2><a href="/board/${n.id}">${n.title}</a></h2></article></li>`,
  ) : html`<li class="empty">暂无公告</li>`}</ul>`;
  return layout(ctx, { title: '社会公告', body });
}

export function noticePage(ctx: PageContext, n: PublicNotice): SafeHtml {
  const body = html`<article class="card notice-full"><p class="muted"><span class="tag">${KIND_LABEL[n.kind] ?? '公告'}</span> ${formatTime(n.publishedAt)}</p>
  ${n.body.split(/\n+/).map((p) => html`<p>${p}</p>`)}</article><p><a href="/board">返回公告列表</a></p>`;
  return layout(ctx, { title: n.title, body });
}
