import { html, type SafeHtml } from '../../html';
import { type AuditEntry } from '../../store/admin-port';
import { formatTime } from '../format';
import { type PageContext } from '../layout';
import { adminLayout, options } from './common';

const ENTITIES: Record<string, string> = {
  accounts: '账号', units: '单位', people: '人员', teams: '巡查组', web: '网页操作', calendar_days: '节假日日历', plans: '年度方案',
  inspections: '巡查', problems: '问题', evidence: '证据', documents: '文书',
};
const ACTIONS: Record<string, string> = {
  create: '新建', update: '修改', disable: '停用', enable: '启用', lock: '锁定', unlock: '解锁', 'reset-password': '重置密码',
  'change-password': '修改密码', 'set-password': '设置密码', 'grant-role': '授予角色', adjust: '调整', login: '登录', logout: '退出',
  seed: '载入演示数据', approve: '审定', open: '开始',
};

export function auditPage(ctx: PageContext, page: { entries: AuditEntry[]; total: number }, filter: { actor?: string; entity?: string; entityId?: string; offset: number; limit: number }): SafeHtml {
  const query = (offset: number) => new URLSearchParams({ ...(filter.actor ? { actor: filter.actor } : {}), ...(filter.entity ? { entity: filter.entity } : {}), ...(filter.entityId ? { entityId: filter.entityId } : {}), offset: String(offset) }).toString();
  const entities = Object.entries(ENTITIES).map(([value, label]) => ({ value, label }));
  return adminLayout(ctx, '审计日志', html`<form method="get" action="/admin/audit" class="filters">
  <label>操作人 <input name="actor" value="${filter.actor ?? ''}" maxlength="64"></label>
  <label>对象 <select name="entity">${options(entities, filter.entity, '（全部）')}</select></label>
  ${filter.entityId ? html`<input type="hidden" name="entityId" value="${filter.entityId}">` : ''}
  <button type="submit">筛选</button>
</form>
<p class="muted">共${page.total}条，新的在前。</p>
<div class="table-wrap"><table class="list" id="audit">
  <thead><tr><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">操作</th><th scope="col">对象</th><th scope="col">内容</th></tr></thead>
  <tbody>${page.entries.map((e) => html`<tr><td>${formatTime(e.at)}</td><td>${e.actor}</td><td>${ACTIONS[e.action] ?? e.action}</td><td>${ENTITIES[e.entity] ?? e.entity} <code>${e.entityId}</code></td>
    <td class="wrap"><details class="value"><summary>${summary(e.data)}</summary><pre>${JSON.stringify(e.data, null, 2)}</pre></details></td></tr>`)}</tbody>
</table></div>
<nav class="filters" aria-label="翻页">
  ${filter.offset > 0 ? html`<a href="/admin/audit?${query(Math.max(0, filter.offset - filter.limit))}">上一页</a>` : ''}
  ${filter.offset + filter.limit < page.total ? html`<a href="/admin/audit?${query(filter.offset + filter.limit)}">下一页</a>` : ''}
</nav>`);
}

/** One line of an entry's details: the login or name it concerns, what changed. */
function summary(data: Record<string, unknown>): string {
  const parts = [data.login, data.name, data.reason, data.outcome].filter((v) => typeof v === 'string');
  const changes = Array.isArray(data.changes) ? data.changes.join('；') : '';
  return [...parts, changes].filter(Boolean).join(' · ') || '详情';
}
