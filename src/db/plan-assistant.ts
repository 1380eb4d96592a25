import { addMonthsRaw, toDateOnly, type DateOnly } from '../domain/calendar';
import { coverageGaps } from '../domain/coverage';
import { SEED_ASSISTANT_RULES, type AssistantInput } from '../domain/plan-model';
import { planOfYear, proposeSchedule, teamsOfYear } from '../domain/plan-solver';
import { type TeamProposal } from '../domain/teams';
import { loadWorkCalendar } from './calendar';
import { type Db } from './connect';
import { inspectableUnits, listPeople } from './organisation';
import { listRecusals } from './recusals';

/**
 * What the plan assistant reads from the domain store: the inspectable units with their last inspection, the roster
 * (people with a 巡查组 account, and the experts), the recusals, the working-day calendar, and the teams approved
 * earlier in the cycle (二（三）: members stay fixed for the cycle).
 */
export async function assistantInput(db: Db, request: { year: number; cycleStart: DateOnly; today: DateOnly }): Promise<AssistantInput> {
  const { year } = request;
  const cycle = { start: request.cycleStart, end: addMonthsRaw(request.cycleStart, 12 * SEED_ASSISTANT_RULES.cycleYears) };
  const [units, last, people, calendar, roster, recusals] = await Promise.all([
    inspectableUnits(db),
    db.selectFrom('inspections').select(['unit_code', 'opened_at']).execute(),
    listPeople(db),
    loadWorkCalendar(db),
    db.selectFrom('accounts').innerJoin('memberships', 'memberships.account_id', 'accounts.id')
      .select('accounts.person_id').where('memberships.role_code', 'in', ['team', 'team-leader']).where('accounts.disabled', '=', 0).execute(),
    listRecusals(db),
  ]);
  const inspections = last.map((i) => ({ unitCode: i.unit_code, openedAt: i.opened_at }));
  const { gaps } = coverageGaps(units.map((u) => u.code), inspections, `${year}-01-01`, cycle.start);
  const lastBy = new Map<string, DateOnly>();
  for (const i of inspections) {
    const day = toDateOnly(i.openedAt);
    if (day > (lastBy.get(i.unitCode) ?? '')) lastBy.set(i.unitCode, day);
  }
  const onRoster = new Set(roster.map((r) => r.person_id));
  return {
    year,
    cycle,
    units: units.filter((u) => gaps.includes(u.code)).map((u) => ({ code: u.code, name: u.name, lastInspected: lastBy.get(u.code) ?? null })),
    inspectedInCycle: units.map((u) => u.code).filter((c) => !gaps.includes(c)),
    people: people.filter((p) => onRoster.has(p.id) || p.expert).map((p) => ({
      id: p.id, name: p.name, unitCode: p.unit_code, rank: p.rank, expert: p.expert, safetyYears: p.safety_years,
    })),
    recusals: recusals.map((r) => ({ personId: r.personId, unitCode: r.unitCode })),
    approvedTeams: await approvedTeams(db, year, cycle),
    calendar,
    earliestTraining: [`${year}-01-01`, request.today].sort().at(-1)!,
    rules: SEED_ASSISTANT_RULES,
  };
}

/** The teams of the latest approved plan of an earlier year in the same cycle, if any. */
async function approvedTeams(db: Db, year: number, cycle: { start: DateOnly; end: DateOnly }): Promise<TeamProposal[] | undefined> {
  const plans = await db.selectFrom('plans').select(['id', 'year', 'data']).where('status', '=', 'approved').where('year', '<', year)
    .orderBy('approved_at', 'desc').execute();
  const plan = plans.find((p) => (JSON.parse(p.data) as { cycleStart?: string }).cycleStart?.slice(0, 10) === cycle.start);
  if (!plan) return undefined;
  const rows = await db.selectFrom('teams').innerJoin('team_members', 'team_members.team_id', 'teams.id')
    .select(['teams.name', 'team_members.person_id', 'team_members.role']).where('teams.plan_id', '=', plan.id).orderBy('teams.name').execute();
  const teams = new Map<string, TeamProposal>();
  for (const r of rows) {
    const t = teams.get(r.name) ?? { name: r.name, leaderId: '', deputyId: '', memberIds: [], expertIds: [], unitCodes: [] };
    if (r.role === 'leader') t.leaderId = r.person_id;
    else if (r.role === 'deputy') t.deputyId = r.person_id;
    else if (r.role === 'expert') t.expertIds.push(r.person_id);
    else t.memberIds.push(r.person_id);
    teams.set(r.name, t);
  }
  return teams.size > 0 ? [...teams.values()] : undefined;
}

/** What the office's tasks receive: the proposal in the shape of their forms, or the reasons there is none. */
export interface PlanProposalView {
  feasible: boolean;
  seconds: number;
  reasons: string[];
  /** The annual plan draft form's `plan` group (the theme is left to the office). */
  plan?: { year: number; cycleStart: DateOnly; planTitle: string; units: string[]; rounds: { no: number; start: DateOnly; end: DateOnly; units: string[] }[] };
  /** The team proposal form's fields. */
  teams?: TeamProposal[];
  recusalStatement?: string;
  /** Training day of each round of the plan year (三（三）1), for the office's notice. */
  trainings: { no: number; training: DateOnly }[];
}

/**
 * The proposal for one plan year. With `planId` (the team proposal task) the approved plan's rounds stay as they are
 * and only the teams are proposed; without it the whole schedule of the cycle is solved and the plan year returned.
 */
export async function planProposal(db: Db, request: { year: number; cycleStart: DateOnly; today: DateOnly; planId?: string }): Promise<PlanProposalView> {
  const row = request.planId ? await db.selectFrom('plans').select('data').where('id', '=', request.planId).executeTakeFirst() : undefined;
  if (request.planId && !row) return { feasible: false, seconds: 0, reasons: ['未找到已批准的年度巡查工作方案。'], trainings: [] };
  const plan = row ? JSON.parse(row.data) as { year: number; cycleStart: string; rounds: { start: string; end: string; units: string[] }[] } : undefined;
  // the teams serve the approved plan's cycle
  const cycleStart = plan ? toDateOnly(plan.cycleStart) : request.cycleStart;
  const input = await assistantInput(db, { ...request, cycleStart });
  if (plan) {
    const fixedRounds = plan.rounds.map((r) => ({ year: plan.year, start: toDateOnly(r.start), end: toDateOnly(r.end), units: r.units }));
    const inPlan = new Set(fixedRounds.flatMap((r) => r.units));
    const names = new Map((await inspectableUnits(db)).map((u) => [u.code, u]));
    input.units = [...inPlan].map((code) => input.units.find((u) => u.code === code) ?? { code, name: names.get(code)?.name ?? code, lastInspected: null });
    input.fixedRounds = fixedRounds;
    // the approved plan may put more units in a round than the teams usually work at once; the teams must cover them
    const widest = Math.max(0, ...fixedRounds.map((r) => r.units.length));
    input.rules = { ...input.rules, unitsPerTeamPerRound: Math.max(input.rules.unitsPerTeamPerRound, Math.ceil(widest / input.rules.maxTeams)) };
  }
  const result = await proposeSchedule(input);
  if (!result.feasible) return { feasible: false, seconds: result.seconds, reasons: result.reasons, trainings: [] };
  const { schedule } = result;
  const proposed = planOfYear(schedule, request.year, cycleStart);
  return {
    feasible: true,
    seconds: result.seconds,
    reasons: [],
    plan: { ...proposed, planTitle: `峄城区${request.year}年度安全生产巡查工作方案` },
    teams: teamsOfYear(schedule, request.year),
    recusalStatement: '已按回避要求编排：各巡查组成员均不巡查本人所在单位及需回避的单位。',
    trainings: schedule.rounds.filter((r) => r.year === request.year).map((r) => ({ no: r.no, training: r.training })),
  };
}
