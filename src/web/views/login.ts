import { html, type SafeHtml } from '../html';
import { layout, type PageContext } from './layout';

export function loginPage(ctx: PageContext, opts: { error?: string; username?: string; next?: string }): SafeHtml {
  return layout(ctx, {
    title: '登录',
    body: html`<form method="post" action="/login" class="card narrow" novalidate>
  ${opts.error ? html`<p class="error" role="alert" id="login-error">${opts.error}</p>` : ''}
  <input type="hidden" name="_csrf" value="${ctx.csrf}">
  <input type="hidden" name="next" value="${opts.next ?? ''}">
  <label for="username">用户名</label>
  <input id="username" name="username" autocomplete="username" required value="${opts.username ?? ''}"
    ${opts.error ? html`aria-describedby="login-error"` : ''} autofocus>
  <label for="password">密码</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">登录</button>
</form>`,
  });
}
