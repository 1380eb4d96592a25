import { html, type SafeHtml } from '../../html';
import { type TeamComposition, type TeamView } from '../../store/admin-port';
import { type PageContext } from '../layout';
import { adminLayout, type Choice, csrfField, options, problemList } from './common';

const ROLE_OF_MEMBER: Record<string, string> = { leader: '组长', deputy: '副组长', member: '成员', expert: '专家', liaison: '联络员' };

export function teamsPage(ctx: PageContext, teams: TeamView[]): SafeHtml {
  const plans = [...new Map(teams.map((t) => [t.planId, t])).values()];
  return adminLayout(ctx, '巡查组', html`${plans.length ? '' : html`<p class="muted">尚无经审定的巡查组。巡查组在年度方案审定后由组建流程产生，这里可按巡查组组建规则调整人员。</p>`}
${plans.map((p) => html`<section class="card">
  <h2>${p.planYear}年度巡查方案</h2>
  <p class="muted">轮次：${p.rounds.map((r, i) => html`${i ? '；' : ''}第${r.no}轮 ${r.start}至${r.end}`)}</p>
  <div class="table-wrap"><table class="list">
    <thead><tr><th scope="col">巡查组</th><th scope="col">组成</th><th scope="col">巡查单位</th></tr></thead>
    <tbody>${teams.filter((t) => t.planId === p.planId).map((t) => html`<tr data-team="${t.name}"><td><a href="/admin/teams/${t.id}">${t.name}</a></td>
      <td>${t.members.map((m, i) => html`${i ? '、' : ''}${m.name}（${ROLE_OF_MEMBER[m.role] ?? m.role}）`)}</td><td>${t.unitNames.join('、') || '—'}</td></tr>`)}</tbody>
  </table></div>
</section>`)}`);
}

export function teamPage(ctx: PageContext, team: TeamView, form: TeamComposition, people: Choice[], state: { problems?: string[]; saved?: boolean }): SafeHtml {
  return adminLayout(ctx, `${team.planYear}年 ${team.name}`, html`${state.saved ? html`<p class="notice" role="status">已保存：调整已记入审计日志。</p>` : ''}
<p class="muted">组建规则与方案审定时相同：每组6至8人，组长、副组长为科级干部并有相应年限的安全生产监管经历，至少一名安全生产专家，一人只在一个组，成员回避本单位。巡查周期内的人员变更属于调整，记入审计日志。</p>
${problemList(state.problems)}
<form method="post" action="/admin/teams/${team.id}" class="card narrow-form">
  ${csrfField(ctx)}
  <label for="t-leader">组长</label><select id="t-leader" name="leaderId">${options(people, form.leaderId, '（请选择）')}</select>
  <label for="t-deputy">副组长</label><select id="t-deputy" name="deputyId">${options(people, form.deputyId, '（请选择）')}</select>
  <label for="t-members">成员（可多选）</label><select id="t-members" name="memberIds" multiple size="10">${options(people, form.memberIds)}</select>
  <label for="t-experts">专家（可多选）</label><select id="t-experts" name="expertIds" multiple size="6">${options(people, form.expertIds)}</select>
  <button type="submit">保存</button>
</form>`);
}

export const compositionOf = (team: TeamView): TeamComposition => ({
  leaderId: team.members.find((m) => m.role === 'leader')?.personId ?? '',
  deputyId: team.members.find((m) => m.role === 'deputy')?.personId ?? '',
  memberIds: team.members.filter((m) => m.role === 'member').map((m) => m.personId),
  expertIds: team.members.filter((m) => m.role === 'expert').map((m) => m.personId),
});
