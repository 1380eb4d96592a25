import { type Principal, can, ROLE_LABELS } from '../auth/roles';
import { eventsFor } from '../events/catalog';
import { html, type SafeHtml } from '../html';

export interface PageContext {
  user?: Principal;
  csrf: string;
  unread?: number;
  path: string;
}

interface NavItem {
  href: string;
  label: string;
  visible: boolean;
}

function nav(ctx: PageContext): SafeHtml {
  const u = ctx.user;
  const items: NavItem[] = [
    { href: '/tasks', label: '任务', visible: !!u },
    // only for those who have something to report (a department signs and reports in its tasks)
    { href: '/events', label: '情况报告', visible: !!u && eventsFor(u).length > 0 },
    { href: '/registers', label: '台账', visible: !!u },
    { href: '/assessment', label: '绩效考核', visible: can.readAssessment(u) },
    { href: '/inbox', label: `消息${ctx.unread ? `（${ctx.unread}）` : ''}`, visible: !!u },
    { href: '/monitoring', label: '流程监控', visible: can.monitor(u) },
    { href: '/monitoring/dashboard', label: '统计看板', visible: can.monitor(u) },
    { href: '/processes', label: '流程管理', visible: can.ownProcesses(u) },
    { href: '/admin/calendar', label: '节假日日历', visible: can.manageCalendar(u) },
    { href: '/admin/recusals', label: '回避登记', visible: can.manageCalendar(u) },
    { href: '/admin/evidence', label: '证据校验', visible: can.checkEvidence(u) },
    { href: '/admin/accounts', label: '系统管理', visible: can.administer(u) },
    { href: '/board', label: '社会公告', visible: true },
  ];
  return html`<nav class="nav" aria-label="主导航"><ul>${items
    .filter((i) => i.visible)
    .map(
      (i) =>
        html`<li><a href="${i.href}"${ctx.path === i.href ? html` aria-current="page"` : ''}>${i.label}</a></li>`,
    )}</ul></nav>`;
}

function account(ctx: PageContext): SafeHtml {
  if (!ctx.user) return html`<a class="button" href="/login">登录</a>`;
  const roles = ctx.user.roles.map((r) => ROLE_LABELS[r]).join('、');
  return html`<form method="post" action="/logout" class="account">
    <span>${ctx.user.displayName}<small>${roles}</small></span>
    <a href="/account/password">修改密码</a>
    <input type="hidden" name="_csrf" value="${ctx.csrf}">
    <button type="submit" class="link">退出</button>
  </form>`;
}

export interface LayoutOptions {
  title: string;
  body: SafeHtml;
  scripts?: string[];
  styles?: string[];
}

/** The page frame: header with navigation, main content, the bundles a page needs. */
export function layout(ctx: PageContext, opts: LayoutOptions): SafeHtml {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${ctx.csrf}">
<title>${opts.title} · 峄城区安全生产巡查</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css">
${(opts.styles ?? []).map((s) => html`<link rel="stylesheet" href="/assets/${s}">`)}
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="top">
  <a class="brand" href="/">峄城区安全生产巡查</a>
  ${nav(ctx)}
  ${account(ctx)}
</header>
<main id="main" tabindex="-1">
<h1>${opts.title}</h1>
${opts.body}
</main>
<footer class="foot">峄城区安全生产委员会办公室</footer>
<script src="/assets/confirm.js" defer></script>
${(opts.scripts ?? []).map((s) => html`<script src="/assets/${s}" defer></script>`)}
</body>
</html>`;
}

/** A page with a message only: errors, denials, not found. */
export function messagePage(ctx: PageContext, title: string, message: string): SafeHtml {
  return layout(ctx, { title, body: html`<p class="notice" role="alert">${message}</p><p><a href="/">返回首页</a></p>` });
}
