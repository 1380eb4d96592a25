import { addMonthsRaw, daysBetween, toDateOnly } from './calendar';

/**
 * Annual plan rules: every 镇街 and member unit inspected once in each 2-year cycle (the plan of a cycle's last
 * year must cover whatever the earlier year left), on-site work of at least 14 days per round counted with the
 * entry day (the same count as the two-week timer of processes/inspection-entry.bpmn: entry day + 13), each unit once,
 * rounds inside the plan year and in order.
 */
export interface PlanProposal {
  year: number;
  cycleStart: string;
  units: string[];
  rounds: { no: number; start: string; end: string; units: string[] }[];
}

export interface PlanRules {
  cycleYears: number;
  minOnsiteDays: number;
}

export const SEED_PLAN_RULES: PlanRules = { cycleYears: 2, minOnsiteDays: 14 };

export function checkPlan(plan: PlanProposal, context: {
  inspectable: string[];
  /** Units already inspected earlier in this cycle. */
  inspectedInCycle: string[];
  unitNames?: Map<string, string>;
  rules?: PlanRules;
}): string[] {
  const rules = context.rules ?? SEED_PLAN_RULES;
  const name = (code: string) => context.unitNames?.get(code) ?? code;
  const problems: string[] = [];
  const known = new Set(context.inspectable);
  for (const code of plan.units) if (!known.has(code)) problems.push(`巡查对象 ${code} 不是镇街或区安委会成员单位。`);

  const inRounds = new Map<string, number>();
  const rounds = [...plan.rounds].sort((a, b) => a.no - b.no);
  let previousEnd: string | undefined;
  for (const round of rounds) {
    const start = toDateOnly(round.start);
    const end = toDateOnly(round.end);
    const onsite = daysBetween(start, end) + 1;
    if (onsite < rules.minOnsiteDays) {
      problems.push(`第${round.no}轮现场巡查时间为${onsite}天，原则上不少于${rules.minOnsiteDays}天（两周）。`);
    }
    if (!start.startsWith(String(plan.year)) || !end.startsWith(String(plan.year))) {
      problems.push(`第${round.no}轮的时间（${start}至${end}）不在${plan.year}年度内。`);
    }
    if (previousEnd && start <= previousEnd) problems.push(`第${round.no}轮应在上一轮结束（${previousEnd}）后开始。`);
    previousEnd = end;
    for (const code of round.units) {
      if (inRounds.has(code)) problems.push(`${name(code)}被安排在第${inRounds.get(code)}轮和第${round.no}轮，每个单位只巡查一次。`);
      else inRounds.set(code, round.no);
      if (!plan.units.includes(code)) problems.push(`第${round.no}轮的${name(code)}不在年度巡查对象名单中。`);
    }
  }
  for (const code of plan.units) if (!inRounds.has(code)) problems.push(`${name(code)}未安排到任何一轮巡查。`);

  const cycleStart = toDateOnly(plan.cycleStart);
  const cycleEnd = addMonthsRaw(cycleStart, 12 * rules.cycleYears);
  const lastYear = Number(cycleEnd.slice(0, 4)) - (cycleEnd.endsWith('-01-01') ? 1 : 0);
  if (plan.year >= lastYear) {
    const covered = new Set([...context.inspectedInCycle, ...plan.units]);
    const gaps = context.inspectable.filter((c) => !covered.has(c));
    if (gaps.length > 0) {
      problems.push(`本巡查周期（${cycleStart}起${rules.cycleYears}年）结束前仍有${gaps.length}个单位未安排巡查：${gaps.map(name).join('、')}。`);
    }
  }
  return problems;
}
