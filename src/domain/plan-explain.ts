import { qualifies, type AssistantInput, type PlanModel } from './plan-model';
import { cycleYears, packedRounds, roundWindows } from './plan-rounds';
import { type Inspector } from './teams';

/**
 * Why no schedule exists, in Chinese, unit by unit and rule by rule, with what would unblock it. `preCheck` finds the
 * blocks that show without the solver (before it runs); `explainElastic` reads the elastic model's solution, which
 * leaves a unit unscheduled or keeps a conflicting member only where nothing else works.
 */
export function preCheck(input: AssistantInput): string[] {
  const { rules, people } = input;
  const reasons: string[] = [];
  const leaders = people.filter((p) => qualifies(p, rules.leaderRank, rules.leaderMinYears));
  const deputies = people.filter((p) => qualifies(p, rules.leaderRank, rules.deputyMinYears));
  const experts = people.filter((p) => p.expert);
  const teams = rules.minTeams;
  if (leaders.length < teams) {
    reasons.push(`巡查组组长：符合条件（${rules.leaderRank}干部、${rules.leaderMinYears}年以上安全生产监管经历）的人员仅${leaders.length}人，组建${teams}个巡查组需增补${teams - leaders.length}人。`);
  }
  if (new Set([...leaders, ...deputies]).size < 2 * teams) {
    reasons.push(`巡查组组长、副组长：符合条件的${rules.leaderRank}干部仅${new Set([...leaders, ...deputies]).size}人，组建${teams}个巡查组需${2 * teams}人，需增补${rules.leaderRank}干部。`);
  }
  if (experts.length < teams * rules.minExperts) {
    reasons.push(`安全生产专家：仅${experts.length}名，${teams}个巡查组每组至少${rules.minExperts}名，需增补${teams * rules.minExperts - experts.length}名专家。`);
  }
  if (people.length < teams * rules.minSize) {
    reasons.push(`巡查人员：可选人员仅${people.length}人，${teams}个巡查组每组至少${rules.minSize}人，需增补${teams * rules.minSize - people.length}人。`);
  }

  for (const unit of input.units) {
    const free = people.filter((p) => !recused(input, p, unit.code));
    const who = (list: Inspector[]) => list.map((p) => p.name).join('、');
    if (experts.length > 0 && !free.some((p) => p.expert)) {
      reasons.push(`${unit.name}：可担任专家的人员（${who(experts)}）均来自该单位或需回避，需增补一名其他单位专家。`);
    }
    if (leaders.length > 0 && !free.some((p) => qualifies(p, rules.leaderRank, rules.leaderMinYears))) {
      reasons.push(`${unit.name}：可担任组长的人员（${who(leaders)}）均来自该单位或需回避，需增补一名其他单位的${rules.leaderRank}干部。`);
    }
    const leads = free.filter((p) => qualifies(p, rules.leaderRank, rules.deputyMinYears));
    if (deputies.length > 0 && leads.length < 2) {
      reasons.push(`${unit.name}：其他单位可担任组长、副组长的${rules.leaderRank}干部不足2人，需增补一名其他单位的${rules.leaderRank}干部。`);
    }
    if (people.length >= rules.minSize && free.length < rules.minSize) {
      reasons.push(`${unit.name}：不需回避的巡查人员仅${free.length}人，不足一个巡查组（${rules.minSize}人），需增补其他单位人员。`);
    }
    const approved = input.approvedTeams ?? [];
    if (approved.length > 0) {
      const blocked = approved.map((t) => ({ team: t, ids: [t.leaderId, t.deputyId, ...t.memberIds, ...t.expertIds].filter((id) => {
        const p = people.find((x) => x.id === id);
        return p && recused(input, p, unit.code);
      }) }));
      if (blocked.every((b) => b.ids.length > 0)) {
        const list = blocked.map((b) => `${b.team.name}的${b.ids.map((id) => people.find((p) => p.id === id)!.name).join('、')}`).join('；');
        reasons.push(`${unit.name}：本周期已批准的各巡查组中都有须回避该单位的人员（${list}），需调整一个巡查组的人员并重新报区安委会审批。`);
      }
    }
  }

  const years = input.fixedRounds ? [] : cycleYears(input);
  if (years.length === 0 && input.units.length > 0 && !input.fixedRounds) {
    reasons.push(`${input.year}年：不在本巡查周期（${input.cycle.start}起）内或已无可用时间，仍有${input.units.length}个单位未巡查。`);
  }
  const teamsAtMost = input.approvedTeams?.length || rules.maxTeams;
  let capacity = 0;
  for (const y of years) {
    const rounds = Math.min(packedRounds(roundWindows(input.calendar, y.year, y.from, y.to, rules)).length, rules.maxRoundsPerYear);
    const most = rounds * teamsAtMost * rules.unitsPerTeamPerRound;
    capacity += most;
    const share = Math.floor(input.units.length / years.length);
    if (rounds === 0 && input.units.length > 0) {
      reasons.push(`${y.year}年：${y.from}至${y.to}之间排不下一轮巡查（进驻前一个工作日培训，现场不少于${rules.minOnsiteDays}天且${rules.minOnsiteWorkingDays}个工作日），需提前开始或顺延周期。`);
    } else if (most < share) {
      reasons.push(`${y.year}年：可用时间内最多${rounds}轮、每轮每组${rules.unitsPerTeamPerRound}个单位，共${most}个，少于本年度应巡查的${share}个，需增加巡查组或提前开始。`);
    }
  }
  if (years.length > 0 && capacity < input.units.length && reasons.length === 0) {
    reasons.push(`本巡查周期剩余时间内最多可巡查${capacity}个单位，尚有${input.units.length}个单位未巡查，需增加巡查组或提前开始。`);
  }
  return reasons;
}

export function recused(input: Pick<AssistantInput, 'recusals'>, p: Inspector, unitCode: string): boolean {
  return p.unitCode === unitCode || input.recusals.some((r) => r.personId === p.id && r.unitCode === unitCode);
}

/** Reasons from the elastic model's solution (undefined when even it has none: the teams cannot be formed). */
export function explainElastic(input: AssistantInput, model: PlanModel, values: Map<string, number> | undefined): string[] {
  if (!values) {
    return [`巡查组无法组建：在${input.people.length}名可选人员中无法同时满足每组${input.rules.minSize}至${input.rules.maxSize}人、组长和副组长各1名（${input.rules.leaderRank}干部）、至少${input.rules.minExperts}名专家${input.approvedTeams?.length ? '且保持已批准的人员组成' : ''}，需增补人员。`];
  }
  const on = (name: string) => (values.get(name) ?? 0) > 0.5;
  const reasons: string[] = [];
  input.units.forEach((unit, u) => {
    for (let t = 0; t < model.teamCount; t++) {
      if (!on(model.names.conflict(u, t))) continue;
      const blocked = input.people.filter((p, i) => on(model.names.member(i, t)) && recused(input, p, unit.code));
      reasons.push(`${unit.name}：安排给任何巡查组都有须回避该单位的人员（${blocked.map((p) => p.name).join('、')}），需增补其他单位人员或调整巡查组人员组成。`);
    }
    if (on(model.names.unscheduled(u))) {
      reasons.push(`${unit.name}：本巡查周期剩余的轮次中排不下（每轮每组最多${input.rules.unitsPerTeamPerRound}个单位，每轮之间间隔报告期限${input.rules.reportDays}天），需增加巡查组或提前开始巡查。`);
    }
  });
  return reasons.length > 0 ? reasons : ['各项规则不能同时满足，请调整巡查组人员或巡查时间后重试。'];
}
