import { PASSWORD_POLICY } from '../../domain/password-policy';
import { html, type SafeHtml } from '../html';
import { layout, type PageContext } from './layout';

export const POLICY_TEXT = `至少${PASSWORD_POLICY.minLength}个字符，包含小写字母、大写字母、数字、其他符号中的至少${PASSWORD_POLICY.minClasses}类，不能包含用户名。`;

/** 修改密码: the user's own password; forced after an administrator set it. */
export function passwordPage(ctx: PageContext, state: { forced: boolean; next?: string; problems?: string[]; saved?: boolean }): SafeHtml {
  return layout(ctx, {
    title: '修改密码',
    body: html`${state.forced ? html`<p class="notice" role="status" id="forced">您的密码由系统管理员设置，请先设置您自己的新密码后再继续使用系统。</p>` : ''}
${state.saved ? html`<p class="notice" role="status">密码已修改，其他设备上的登录已退出。</p>` : ''}
<form method="post" action="/account/password" class="card narrow" novalidate>
  ${state.problems?.length ? html`<div class="error" role="alert" id="password-error"><ul>${state.problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
  <input type="hidden" name="_csrf" value="${ctx.csrf}">
  <input type="hidden" name="next" value="${state.next ?? ''}">
  <label for="current">当前密码</label>
  <input id="current" name="current" type="password" autocomplete="current-password" required>
  <label for="password">新密码</label>
  <input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="policy">
  <label for="confirm">再次输入新密码</label>
  <input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
  <p class="muted" id="policy">${POLICY_TEXT}</p>
  <button type="submit">保存新密码</button>
</form>`,
  });
}
