import { html, type SafeHtml } from '../../html';
import { type Person, type Unit } from '../../store/admin-port';
import { type PageContext } from '../layout';
import { adminLayout, type Choice, csrfField, options, problemList } from './common';

export const UNIT_KINDS: Record<Unit['kind'], string> = { town: '镇', subdistrict: '街道', member: '区安委会成员单位', zone: '开发区', enterprise: '企业' };
export const RANKS = ['处级', '科级', '科员', '专家'] as const;

/** The unit form's values, as entered or as stored. */
export interface UnitForm {
  code: string;
  name: string;
  shortName: string;
  kind: string;
  parentCode: string;
  domain: string;
  supervising: boolean;
  industry: string;
  address: string;
  email: string;
  headPersonId: string;
}

export const unitForm = (u?: Unit): UnitForm => ({
  code: u?.code ?? '', name: u?.name ?? '', shortName: u?.short_name ?? '', kind: u?.kind ?? 'member', parentCode: u?.parent_code ?? '', domain: u?.domain ?? '',
  supervising: u?.supervising ?? false, industry: u?.industry ?? '', address: u?.address ?? '', email: u?.email ?? '', headPersonId: u?.head_person_id ?? '',
});

export function unitsPage(ctx: PageContext, units: Unit[], departmentsOnly: boolean): SafeHtml {
  const shown = departmentsOnly ? units.filter((u) => u.supervising && u.kind === 'member') : units;
  const title = departmentsOnly ? '承办部门' : '单位';
  return adminLayout(ctx, title, html`${departmentsOnly ? html`<p class="muted">负有安全生产监督管理职责的成员单位；问题按“移交领域”移交给承办部门。在单位页修改。</p>` : html`<p><a class="button" href="/admin/units/new">新增单位</a></p>`}
<div class="table-wrap"><table class="list" id="units">
  <thead><tr><th scope="col">单位</th><th scope="col">类型</th><th scope="col">${departmentsOnly ? '移交领域' : '负有监管职责'}</th><th scope="col">代码</th></tr></thead>
  <tbody>${shown.map((u) => html`<tr><td><a href="/admin/units/${u.code}">${u.name}</a></td><td>${UNIT_KINDS[u.kind] ?? u.kind}</td><td>${departmentsOnly ? u.domain ?? '—' : u.supervising ? '是' : '否'}</td><td><code>${u.code}</code></td></tr>`)}</tbody>
</table></div>`);
}

export function unitPage(ctx: PageContext, form: UnitForm, pickers: { towns: Choice[]; people: Choice[] }, state: { isNew: boolean; problems?: string[]; saved?: boolean }): SafeHtml {
  const kinds = Object.entries(UNIT_KINDS).map(([value, label]) => ({ value, label }));
  return adminLayout(ctx, state.isNew ? '新增单位' : `单位：${form.name}`, html`${state.saved ? html`<p class="notice" role="status">已保存。</p>` : ''}
${problemList(state.problems)}
<form method="post" action="${state.isNew ? '/admin/units' : `/admin/units/${form.code}`}" class="card narrow-form">
  ${csrfField(ctx)}
  ${state.isNew ? html`<label for="u-code">单位代码（统计用区划代码或自编代码）</label><input id="u-code" name="code" value="${form.code}" required maxlength="32">` : ''}
  <label for="u-name">名称</label><input id="u-name" name="name" value="${form.name}" required maxlength="100">
  <label for="u-short">简称（选择单位时显示在名称后，如“区住建局”；可不填）</label><input id="u-short" name="shortName" value="${form.shortName}" maxlength="30">
  <label for="u-kind">类型</label><select id="u-kind" name="kind">${options(kinds, form.kind)}</select>
  <label for="u-parent">所在镇街（企业）</label><select id="u-parent" name="parentCode">${options(pickers.towns, form.parentCode, '（无）')}</select>
  <label class="check"><input type="checkbox" name="supervising" value="1"${form.supervising ? html` checked` : ''}> 负有安全生产监督管理职责（承办部门）</label>
  <label for="u-domain">移交领域（用“、”分隔）</label><input id="u-domain" name="domain" value="${form.domain}" maxlength="500">
  <label for="u-industry">行业</label><input id="u-industry" name="industry" value="${form.industry}" maxlength="100">
  <label for="u-address">地址</label><input id="u-address" name="address" value="${form.address}" maxlength="200">
  <label for="u-email">电子邮箱</label><input id="u-email" name="email" type="email" value="${form.email}" maxlength="200">
  <label for="u-head">主要负责人</label><select id="u-head" name="headPersonId">${options(pickers.people, form.headPersonId, '（未登记）')}</select>
  <button type="submit">保存</button>
</form>`);
}

/** The person form's values, as entered or as stored. */
export interface PersonForm {
  id: string;
  name: string;
  unitCode: string;
  post: string;
  rank: string;
  expert: boolean;
  safetyYears: string;
  email: string;
  phone: string;
}

export const personForm = (p?: Person, expert = false): PersonForm => ({
  id: p?.id ?? '', name: p?.name ?? '', unitCode: p?.unit_code ?? '', post: p?.post ?? '', rank: p?.rank ?? '', expert: p?.expert ?? expert,
  safetyYears: String(p?.safety_years ?? 0), email: p?.email ?? '', phone: p?.phone ?? '',
});

export function peoplePage(ctx: PageContext, people: Array<Person & { unitName: string }>, expertsOnly: boolean): SafeHtml {
  const shown = expertsOnly ? people.filter((p) => p.expert) : people;
  return adminLayout(ctx, expertsOnly ? '安全生产专家' : '人员', html`<p><a class="button" href="/admin/people/new${expertsOnly ? '?expert=1' : ''}">${expertsOnly ? '新增专家' : '新增人员'}</a></p>
<div class="table-wrap"><table class="list" id="people">
  <thead><tr><th scope="col">姓名</th><th scope="col">单位</th><th scope="col">职务</th><th scope="col">职级</th><th scope="col">安全监管年限</th><th scope="col">专家</th></tr></thead>
  <tbody>${shown.map((p) => html`<tr><td><a href="/admin/people/${p.id}">${p.name}</a></td><td>${p.unitName}</td><td>${p.post}</td><td>${p.rank ?? '—'}</td><td>${p.safety_years}</td><td>${p.expert ? '是' : ''}</td></tr>`)}</tbody>
</table></div>`);
}

export function personPage(ctx: PageContext, form: PersonForm, units: Choice[], state: { problems?: string[]; saved?: boolean }): SafeHtml {
  const isNew = !form.id;
  return adminLayout(ctx, isNew ? (form.expert ? '新增专家' : '新增人员') : `人员：${form.name}`, html`${state.saved ? html`<p class="notice" role="status">已保存。</p>` : ''}
${problemList(state.problems)}
<form method="post" action="${isNew ? '/admin/people' : `/admin/people/${form.id}`}" class="card narrow-form">
  ${csrfField(ctx)}
  <label for="p-name">姓名</label><input id="p-name" name="name" value="${form.name}" required maxlength="50">
  <label for="p-unit">所在单位</label><select id="p-unit" name="unitCode">${options(units, form.unitCode, '（请选择）')}</select>
  <label for="p-post">职务</label><input id="p-post" name="post" value="${form.post}" required maxlength="100">
  <label for="p-rank">职级</label><select id="p-rank" name="rank">${options(RANKS.map((r) => ({ value: r, label: r })), form.rank, '（无）')}</select>
  <label class="check"><input type="checkbox" name="expert" value="1"${form.expert ? html` checked` : ''}> 安全生产专家</label>
  <label for="p-years">从事安全生产监管工作年限</label><input id="p-years" name="safetyYears" type="number" min="0" max="60" value="${form.safetyYears}">
  <label for="p-email">电子邮箱</label><input id="p-email" name="email" type="email" value="${form.email}" maxlength="200">
  <label for="p-phone">电话</label><input id="p-phone" name="phone" value="${form.phone}" maxlength="30">
  <button type="submit">保存</button>
</form>`);
}
