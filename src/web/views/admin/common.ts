import { html, type SafeHtml } from '../../html';
import { layout, type PageContext } from '../layout';

const TABS = [
  ['/admin/accounts', '账号'], ['/admin/roles', '角色'], ['/admin/units', '单位'], ['/admin/departments', '承办部门'],
  ['/admin/people', '人员'], ['/admin/experts', '专家'], ['/admin/teams', '巡查组'], ['/admin/audit', '审计日志'],
] as const;

/** A page of 系统管理 with its tabs; the tab of the path's section is current. */
export function adminLayout(ctx: PageContext, title: string, body: SafeHtml): SafeHtml {
  const current = TABS.find(([href]) => ctx.path === href || ctx.path.startsWith(`${href}/`))?.[0];
  return layout(ctx, {
    title,
    body: html`<nav class="tabs" aria-label="系统管理">${TABS.map(([href, label]) => html`<a href="${href}"${href === current ? html` aria-current="page"` : ''}>${label}</a>`)}</nav>
${body}`,
  });
}

/** The problems that kept a change from being saved. */
export function problemList(problems: string[] | undefined): SafeHtml | '' {
  if (!problems?.length) return '';
  return html`<div class="error" role="alert"><p>未保存，请按提示修改：</p><ul>${problems.map((p) => html`<li>${p}</li>`)}</ul></div>`;
}

export interface Choice {
  value: string;
  label: string;
}

/** `<option>`s of a picker by name; `selected` holds the chosen values. */
export function options(choices: Choice[], selected: string | string[] | null | undefined, empty?: string): SafeHtml {
  const chosen = new Set(Array.isArray(selected) ? selected : selected ? [selected] : []);
  return html`${empty !== undefined ? html`<option value="">${empty}</option>` : ''}${choices.map((c) => html`<option value="${c.value}"${chosen.has(c.value) ? html` selected` : ''}>${c.label}</option>`)}`;
}

export const csrfField = (ctx: PageContext) => html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`;

/** A small form with one button (disable, unlock, reset …). */
export function actionButton(ctx: PageContext, action: string, label: string, danger = false): SafeHtml {
  return html`<form method="post" action="${action}" class="inline">${csrfField(ctx)}<button type="submit" class="small${danger ? ' danger' : ''}">${label}</button></form>`;
}
