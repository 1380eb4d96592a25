import { ROLE_CODES, ROLE_NAMES, type RoleCode } from '../../../domain/roles';
import { html, type SafeHtml } from '../../html';
import { type AccountRow } from '../../store/admin-port';
import { POLICY_TEXT } from '../password';
import { formatTime } from '../format';
import { type PageContext } from '../layout';
import { actionButton, adminLayout, type Choice, csrfField, options, problemList } from './common';

/** What the account form shows: the values entered (kept when refused) or the account's. */
export interface AccountForm {
  login: string;
  displayName: string;
  personId: string;
  unitCode: string;
  roles: RoleCode[];
}

export interface AccountPickers {
  people: Choice[];
  units: Choice[];
}

function status(a: AccountRow): SafeHtml {
  return html`${a.disabled ? html`<span class="badge red">已停用</span> ` : ''}${a.locked ? html`<span class="badge yellow">已锁定</span> ` : ''}${a.mustChangePassword ? html`<span class="badge active">待修改密码</span>` : ''}${!a.disabled && !a.locked && !a.mustChangePassword ? html`<span class="badge green">正常</span>` : ''}`;
}

const rolesText = (a: AccountRow) => a.roles.map((r) => ROLE_NAMES[r.role] ?? r.role).join('、');

function fields(form: AccountForm, pickers: AccountPickers, isNew: boolean): SafeHtml {
  return html`${isNew ? html`<label for="f-login">用户名（字母、数字、点、横线）</label><input id="f-login" name="login" value="${form.login}" required maxlength="64" pattern="[A-Za-z0-9._-]{2,64}">` : ''}
  <label for="f-name">姓名</label><input id="f-name" name="displayName" value="${form.displayName}" required maxlength="50">
  <label for="f-person">人员</label><select id="f-person" name="personId">${options(pickers.people, form.personId, '（不关联人员）')}</select>
  <label for="f-unit">所属单位（被巡查单位、承办部门角色的范围）</label><select id="f-unit" name="unitCode">${options(pickers.units, form.unitCode, '（无）')}</select>
  <fieldset><legend>角色</legend>${ROLE_CODES.map((r) => html`<label class="check"><input type="checkbox" name="roles" value="${r}"${form.roles.includes(r) ? html` checked` : ''}> ${ROLE_NAMES[r]}</label>`)}</fieldset>`;
}

export function accountsPage(ctx: PageContext, accounts: AccountRow[], state: { form: AccountForm; pickers: AccountPickers; problems?: string[]; created?: string }): SafeHtml {
  return adminLayout(ctx, '账号管理', html`<p><a class="button" href="#new">新建账号</a></p>
${state.created ? html`<p class="notice" role="status">账号 ${state.created} 已创建，首次登录时须修改密码。</p>` : ''}
<div class="table-wrap"><table class="list" id="accounts">
  <thead><tr><th scope="col">用户名</th><th scope="col">姓名</th><th scope="col">单位</th><th scope="col">角色</th><th scope="col">状态</th><th scope="col">创建时间</th></tr></thead>
  <tbody>${accounts.map((a) => html`<tr data-login="${a.login}"><td><a href="/admin/accounts/${a.id}">${a.login}</a></td><td>${a.displayName}</td><td>${a.unitName ?? '—'}</td><td>${rolesText(a)}</td><td>${status(a)}</td><td>${formatTime(a.createdAt)}</td></tr>`)}</tbody>
</table></div>
<h2 id="new">新建账号</h2>
${problemList(state.problems)}
<form method="post" action="/admin/accounts" class="card narrow-form">
  ${csrfField(ctx)}
  ${fields(state.form, state.pickers, true)}
  <label for="f-password">初始密码（首次登录时须修改）</label><input id="f-password" name="password" type="password" autocomplete="new-password" required aria-describedby="f-policy">
  <p class="muted" id="f-policy">${POLICY_TEXT}</p>
  <button type="submit">创建账号</button>
</form>`);
}

export function accountPage(ctx: PageContext, account: AccountRow, state: { form: AccountForm; pickers: AccountPickers; problems?: string[]; temporary?: string; saved?: string }): SafeHtml {
  const base = `/admin/accounts/${account.id}`;
  return adminLayout(ctx, `账号 ${account.login}`, html`${state.temporary ? html`<div class="notice" role="status" id="temporary">已重置密码。临时密码：<code>${state.temporary}</code>（只显示这一次，请当面或以安全方式交给本人；登录后须修改）</div>` : ''}
${state.saved ? html`<p class="notice" role="status">${state.saved}</p>` : ''}
<dl class="facts"><div><dt>状态</dt><dd>${status(account)}</dd></div><div><dt>角色</dt><dd>${rolesText(account) || '—'}</dd></div><div><dt>密码修改于</dt><dd>${account.passwordChangedAt ? formatTime(account.passwordChangedAt) : '—'}</dd></div></dl>
<p class="filters">
  ${account.disabled ? actionButton(ctx, `${base}/enable`, '启用') : actionButton(ctx, `${base}/disable`, '停用', true)}
  ${account.locked ? actionButton(ctx, `${base}/unlock`, '解锁') : ''}
  ${actionButton(ctx, `${base}/reset-password`, '重置密码')}
  <a href="/admin/audit?entity=accounts&amp;entityId=${account.id}">变更记录</a>
</p>
${problemList(state.problems)}
<form method="post" action="${base}" class="card narrow-form">
  ${csrfField(ctx)}
  ${fields(state.form, state.pickers, false)}
  <button type="submit">保存</button>
</form>`);
}

/** 角色: what each role may do is fixed by the diagrams' candidate groups; here who holds it. */
export function rolesPage(ctx: PageContext, accounts: AccountRow[]): SafeHtml {
  return adminLayout(ctx, '角色', html`<p class="muted">角色对应流程中的候选组，权限由流程定义；在账号页为账号分配角色。</p>
<div class="table-wrap"><table class="list" id="roles">
  <thead><tr><th scope="col">角色</th><th scope="col">候选组</th><th scope="col">账号数</th><th scope="col">账号</th></tr></thead>
  <tbody>${ROLE_CODES.map((r) => {
    const holders = accounts.filter((a) => a.roles.some((m) => m.role === r));
    return html`<tr><td>${ROLE_NAMES[r]}</td><td><code>${r}</code></td><td>${holders.length}</td><td>${holders.map((a, i) => html`${i ? '、' : ''}<a href="/admin/accounts/${a.id}">${a.displayName}</a>`)}</td></tr>`;
  })}</tbody>
</table></div>`);
}
