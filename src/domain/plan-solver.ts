import { addDays, daysBetween, dueDate, type DateOnly } from './calendar';
import { checkPlan, type PlanProposal } from './plan';
import { buildPlanModel, type AssistantInput, type PlanModel } from './plan-model';
import { cycleYears } from './plan-rounds';
import { solveLp } from './highs-thread';
import { explainElastic, preCheck } from './plan-explain';
import { checkTeams, type Inspector, type TeamProposal } from './teams';

/**
 * Runs the plan assistant's model on HiGHS: a proposal that keeps every rule, or the reasons none exists. The solver's
 * output is checked again with the rules the plan and team checks apply to what the office submits.
 */
export interface ScheduledRound {
  year: number;
  /** Round number within its year's plan. */
  no: number;
  training: DateOnly;
  start: DateOnly;
  end: DateOnly;
  units: string[];
}

export interface CycleSchedule {
  rounds: ScheduledRound[];
  /** The teams of the cycle; `unitCodes` lists every unit each inspects in the cycle. */
  teams: TeamProposal[];
}

export type ProposalResult =
  | { feasible: true; schedule: CycleSchedule; seconds: number }
  | { feasible: false; reasons: string[]; seconds: number };

/** Stops a pathological model from holding the process; the demo district solves in a fraction of it. */
const TIME_LIMIT_SECONDS = 30;

export const TEAM_NAMES = ['第一巡查组', '第二巡查组', '第三巡查组', '第四巡查组', '第五巡查组'];

export async function proposeSchedule(input: AssistantInput): Promise<ProposalResult> {
  const started = performance.now();
  const seconds = () => Math.round(performance.now() - started) / 1000;
  const blocked = preCheck(input);
  if (blocked.length > 0) return { feasible: false, reasons: blocked, seconds: seconds() };

  const strict = buildPlanModel(input, { elastic: false });
  const solution = await solve(strict);
  if (solution) {
    const schedule = decode(strict, solution.values, input);
    const problems = checkSchedule(schedule, input);
    if (problems.length === 0) return { feasible: true, schedule, seconds: seconds() };
    if (solution.optimal) throw new Error(`the solver's schedule breaks the rules: ${problems.join(' ')}`);
    return { feasible: false, reasons: [`在${TIME_LIMIT_SECONDS}秒内未能编排出满足全部规则的方案，请减少待巡查单位或调整人员后重试。`], seconds: seconds() };
  }
  const elastic = buildPlanModel(input, { elastic: true });
  const relaxed = await solve(elastic);
  return { feasible: false, reasons: explainElastic(input, elastic, relaxed?.values), seconds: seconds() };
}

/** Column values of an optimal (or, at the time limit, feasible) solution; undefined when there is none. */
async function solve(model: PlanModel): Promise<{ values: Map<string, number>; optimal: boolean } | undefined> {
  const result = await solveLp(model.lp, { output_flag: false, time_limit: TIME_LIMIT_SECONDS });
  if (result.status !== 'Optimal' && result.status !== 'Time limit reached') return undefined;
  const values = new Map(Object.entries(result.columns).map(([name, v]) => [name, v ?? Number.NaN]));
  if ([...values.values()].some((v) => Number.isNaN(v))) return undefined;
  return { values, optimal: result.status === 'Optimal' };
}

const on = (values: Map<string, number>, name: string) => (values.get(name) ?? 0) > 0.5;

function decode(model: PlanModel, values: Map<string, number>, input: AssistantInput): CycleSchedule {
  const { names, slots } = model;
  const rounds: ScheduledRound[] = [];
  slots.forEach((slot, k) => {
    if (!on(values, names.slotUsed(k))) return;
    const units = input.units.filter((_, u) => [...Array(model.teamCount).keys()].some((t) => on(values, names.assign(u, k, t)))).map((u) => u.code);
    if (units.length > 0) rounds.push({ year: slot.year, no: 0, training: slot.training, start: slot.start, end: slot.end, units });
  });
  rounds.sort((a, b) => a.start.localeCompare(b.start));
  const perYear = new Map<number, number>();
  for (const r of rounds) r.no = perYear.set(r.year, (perYear.get(r.year) ?? 0) + 1).get(r.year)!;

  const teams: TeamProposal[] = [];
  for (let t = 0; t < model.teamCount; t++) {
    if (!on(values, names.teamUsed(t))) continue;
    const pick = (name: (p: number, t: number) => string) => input.people.filter((_, p) => on(values, name(p, t)));
    const members = pick(names.member);
    const leader = pick(names.leader)[0]!;
    const deputy = pick(names.deputy)[0]!;
    teams.push({
      name: input.approvedTeams?.[t]?.name ?? TEAM_NAMES[teams.length]!,
      leaderId: leader.id,
      deputyId: deputy.id,
      memberIds: members.filter((p) => !p.expert && p !== leader && p !== deputy).map((p) => p.id),
      expertIds: members.filter((p) => p.expert).map((p) => p.id),
      unitCodes: input.units.filter((_, u) => model.slots.some((_, k) => on(values, names.assign(u, k, t)))).map((u) => u.code),
    });
  }
  return { rounds, teams };
}

/** The annual plan of one year of the schedule, in the shape of the plan draft form. */
export function planOfYear(schedule: CycleSchedule, year: number, cycleStart: DateOnly): PlanProposal {
  const rounds = schedule.rounds.filter((r) => r.year === year).map(({ no, start, end, units }) => ({ no, start, end, units }));
  return { year, cycleStart, units: rounds.flatMap((r) => r.units), rounds };
}

/** The teams with the units they inspect in one year, in the shape of the team proposal form. */
export function teamsOfYear(schedule: CycleSchedule, year: number): TeamProposal[] {
  const units = new Set(schedule.rounds.filter((r) => r.year === year).flatMap((r) => r.units));
  return schedule.teams.map((t) => ({ ...t, unitCodes: t.unitCodes.filter((u) => units.has(u)) }));
}

/**
 * Every rule the schedule must keep, as Chinese sentences: the plan check and the team check of each year (as the
 * workers run them on submission), plus training before each round, working days on site, recusals besides the home
 * unit and how many units a team works at once.
 */
export function checkSchedule(schedule: CycleSchedule, input: AssistantInput): string[] {
  const { rules } = input;
  const names = new Map(input.units.map((u) => [u.code, u.name]));
  const people = new Map<string, Inspector>(input.people.map((p) => [p.id, p]));
  const inspectable = [...input.inspectedInCycle, ...input.units.map((u) => u.code)];
  const problems: string[] = [];
  const done = [...input.inspectedInCycle];
  // rounds the office fixed are its plan, checked when it was submitted; the teams are what is proposed then
  const years = input.fixedRounds ? [...new Set(input.fixedRounds.map((r) => r.year))].map((year) => ({ year })) : cycleYears(input);
  for (const { year } of years) {
    const plan = planOfYear(schedule, year, input.cycle.start);
    if (!input.fixedRounds) problems.push(...checkPlan(plan, { inspectable, inspectedInCycle: done, unitNames: names, rules }));
    done.push(...plan.units);
    if (plan.units.length > 0) {
      problems.push(...checkTeams(teamsOfYear(schedule, year), people, { rules, approved: input.approvedTeams, unitNames: names }));
    }
  }
  let lastReport = '';
  for (const r of [...schedule.rounds].sort((a, b) => a.start.localeCompare(b.start))) {
    const label = `${r.year}年第${r.no}轮`;
    if (input.fixedRounds) continue;
    if (!(r.training < r.start) || !input.calendar.isWorkingDay(r.training) || r.training < input.earliestTraining) {
      problems.push(`${label}应在进驻前的工作日组织集中培训。`);
    }
    if (r.training <= lastReport) problems.push(`${label}的培训应在上一轮报告期限（${lastReport}）之后。`);
    lastReport = dueDate(input.calendar, 'calendar-days', r.end, rules.reportDays);
    let working = 0;
    for (let d = 0; d <= daysBetween(r.start, r.end); d++) if (input.calendar.isWorkingDay(addDays(r.start, d))) working++;
    if (working < rules.minOnsiteWorkingDays) problems.push(`${label}现场巡查只有${working}个工作日，不少于${rules.minOnsiteWorkingDays}个。`);
  }
  for (const r of schedule.rounds) {
    for (const team of schedule.teams) {
      const n = team.unitCodes.filter((u) => r.units.includes(u)).length;
      if (n > rules.unitsPerTeamPerRound) problems.push(`${r.year}年第${r.no}轮巡查组“${team.name}”同时巡查${n}个单位，最多${rules.unitsPerTeamPerRound}个。`);
    }
  }
  for (const { personId, unitCode } of input.recusals) {
    const team = schedule.teams.find((t) => t.unitCodes.includes(unitCode) && [t.leaderId, t.deputyId, ...t.memberIds, ...t.expertIds].includes(personId));
    if (team) problems.push(`巡查组“${team.name}”的${people.get(personId)?.name ?? personId}应当回避${names.get(unitCode) ?? unitCode}。`);
  }
  return problems;
}
