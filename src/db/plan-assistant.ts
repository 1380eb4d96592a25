import { addMonthsRaw, toDateOnly, type DateOnly } from '../domain/calendar';
import { coverageGaps } from '../domain/coverage';
import { SEED_ASSISTANT_RULES, type AssistantInput } from '../domain/plan-model';
import { type TeamProposal } from '../domain/teams';
import { loadWorkCalendar } from './calendar';
import { type Db } from './connect';
import { inspectableUnits, listPeople } from './organisation';

/**
 * What the plan assistant reads from the domain store: the inspectable units with their last inspection, the roster
 * (people with a 巡查组 account, and the experts), the working-day calendar, and the teams approved earlier in the
 * cycle (二（三）: members stay fixed for the cycle).
 */
export async function assistantInput(db: Db, request: { year: number; cycleStart: DateOnly; today: DateOnly }): Promise<AssistantInput> {
  const { year } = request;
  const cycle = { start: request.cycleStart, end: addMonthsRaw(request.cycleStart, 12 * SEED_ASSISTANT_RULES.cycleYears) };
  const [units, last, people, calendar, roster] = await Promise.all([
    inspectableUnits(db),
    db.selectFrom('inspections').select(['unit_code', 'opened_at']).execute(),
    listPeople(db),
    loadWorkCalendar(db),
    db.selectFrom('accounts').innerJoin('memberships', 'memberships.account_id', 'accounts.id')
      .select('accounts.person_id').where('memberships.role_code', 'in', ['team', 'team-leader']).where('accounts.disabled', '=', 0).execute(),
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
    recusals: [],
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
