import { randomUUID } from 'node:crypto';
import { audit, type Actor } from '../audit';
import { type Db } from '../connect';
import { type InspectionTable, type ProblemTable } from '../schema';

/**
 * The inspection register: plans, rounds, teams, inspections with their milestones, methods used, problems,
 * rectification reports and reviews. Every write leaves an audit record in the same transaction (callers
 * pass a transaction or rely on the single statement).
 */
export type Inspection = InspectionTable;
export type Problem = ProblemTable;

export interface PlanInput {
  year: number;
  cycleStart: string;
  units: string[];
  rounds: { no: number; start: string; end: string; units: string[] }[];
}

export async function recordPlan(db: Db, by: Actor, plan: PlanInput): Promise<{ planId: string; roundIds: string[] }> {
  const planId = randomUUID();
  await db.insertInto('plans').values({
    id: planId, year: plan.year, cycle_id: null, status: 'approved', data: JSON.stringify(plan), approved_at: by.at, created_at: by.at,
  }).execute();
  const roundIds: string[] = [];
  for (const r of plan.rounds) {
    const id = randomUUID();
    roundIds.push(id);
    await db.insertInto('rounds').values({ id, plan_id: planId, no: r.no, start_date: r.start, end_date: r.end }).execute();
  }
  await audit(db, by, 'approve', 'plans', planId, { year: plan.year, units: plan.units.length, rounds: plan.rounds.length });
  return { planId, roundIds };
}

export interface TeamInput {
  name: string;
  leaderId: string;
  deputyId: string;
  memberIds: string[];
  expertIds: string[];
}

export async function recordTeams(db: Db, by: Actor, planId: string, teams: TeamInput[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const t of teams) {
    const id = randomUUID();
    ids[t.name] = id;
    await db.insertInto('teams').values({ id, plan_id: planId, name: t.name }).execute();
    const roles = new Map<string, 'leader' | 'deputy' | 'member' | 'expert'>();
    for (const m of t.memberIds) roles.set(m, 'member');
    for (const e of t.expertIds) roles.set(e, 'expert');
    roles.set(t.deputyId, 'deputy');
    roles.set(t.leaderId, 'leader');
    for (const [personId, role] of roles) await db.insertInto('team_members').values({ team_id: id, person_id: personId, role }).execute();
    await audit(db, by, 'approve', 'teams', id, { planId, name: t.name, members: [...roles.keys()] });
  }
  return ids;
}

export async function teamMembersOf(db: Db, teamId: string): Promise<{ personId: string; role: string; unitCode: string }[]> {
  const rows = await db.selectFrom('team_members').innerJoin('people', 'people.id', 'team_members.person_id')
    .select(['person_id', 'role', 'people.unit_code']).where('team_id', '=', teamId).orderBy('person_id').execute();
  return rows.map((r) => ({ personId: r.person_id, role: r.role, unitCode: r.unit_code }));
}

export async function openInspection(db: Db, by: Actor, input: { unitCode: string; roundId?: string | null; teamId?: string | null }): Promise<string> {
  const id = randomUUID();
  await db.insertInto('inspections').values({
    id, unit_code: input.unitCode, round_id: input.roundId ?? null, team_id: input.teamId ?? null, status: 'opened', opened_at: by.at,
    onsite_start: null, onsite_end: null, report_due: null, report_submitted_at: null, report_approved_at: null,
    feedback_at: null, rectification_due: null, closed_at: null,
  }).execute();
  await audit(db, by, 'open', 'inspections', id, { unitCode: input.unitCode, teamId: input.teamId ?? null });
  return id;
}

export async function getInspection(db: Db, id: string): Promise<Inspection | undefined> {
  return db.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirst();
}

type Milestone = Partial<Omit<Inspection, 'id' | 'unit_code' | 'opened_at'>>;

/** Records a milestone (status and dates) of an inspection; throws if the inspection is unknown. */
export async function updateInspection(db: Db, by: Actor, id: string, action: string, changes: Milestone): Promise<void> {
  const result = await db.updateTable('inspections').set(changes).where('id', '=', id).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new Error(`no inspection ${id}`);
  await audit(db, by, action, 'inspections', id, changes);
}

/** Records the methods used (三（二）1–6); returns the new records' ids in the given order. */
export async function recordMethods(db: Db, by: Actor, inspectionId: string, methods: { method: number; note?: string | null }[]): Promise<string[]> {
  const ids: string[] = [];
  for (const m of methods) {
    const id = randomUUID();
    ids.push(id);
    await db.insertInto('methods_used').values({ id, inspection_id: inspectionId, method: m.method, note: m.note ?? null, recorded_at: by.at }).execute();
    await audit(db, by, 'method-used', 'inspections', inspectionId, { method: m.method, note: m.note ?? null });
  }
  return ids;
}

export interface ProblemInput {
  category: string;
  severity: string;
  description: string;
  industry?: string | null;
  legalBasis?: string | null;
  enterpriseCode?: string | null;
  due?: string | null;
}

export async function registerProblems(db: Db, by: Actor, inspectionId: string, problems: ProblemInput[]): Promise<string[]> {
  const inspection = await getInspection(db, inspectionId);
  if (!inspection) throw new Error(`no inspection ${inspectionId}`);
  const last = await db.selectFrom('problems').select((eb) => eb.fn.max('no').as('no')).where('inspection_id', '=', inspectionId).executeTakeFirst();
  let no = Number(last?.no ?? 0);
  const ids: string[] = [];
  for (const p of problems) {
    const id = randomUUID();
    ids.push(id);
    await db.insertInto('problems').values({
      id, inspection_id: inspectionId, no: ++no, unit_code: inspection.unit_code, enterprise_code: p.enterpriseCode ?? null,
      category: p.category, severity: p.severity, industry: p.industry ?? null, description: p.description,
      legal_basis: p.legalBasis ?? null, route: null, department_code: null, status: 'open', due: p.due ?? null,
      escalation_level: 0, created_at: by.at,
    }).execute();
    await audit(db, by, 'register', 'problems', id, { inspectionId, no, category: p.category, severity: p.severity });
  }
  return ids;
}

export async function getProblem(db: Db, id: string): Promise<Problem | undefined> {
  return db.selectFrom('problems').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateProblem(db: Db, by: Actor, id: string, action: string, changes: Partial<Omit<Problem, 'id'>>): Promise<void> {
  const result = await db.updateTable('problems').set(changes).where('id', '=', id).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new Error(`no problem ${id}`);
  await audit(db, by, action, 'problems', id, changes);
}

export async function problemsOf(db: Db, inspectionId: string): Promise<Problem[]> {
  return db.selectFrom('problems').selectAll().where('inspection_id', '=', inspectionId).orderBy('no').execute();
}

export async function recordRectification(db: Db, by: Actor, inspectionId: string, report: string): Promise<string> {
  const id = randomUUID();
  await db.insertInto('rectifications').values({ id, inspection_id: inspectionId, report, submitted_at: by.at }).execute();
  await audit(db, by, 'submit', 'rectifications', id, { inspectionId });
  return id;
}

export async function recordReview(db: Db, by: Actor, rectificationId: string, accepted: boolean, opinion: string): Promise<string> {
  const id = randomUUID();
  await db.insertInto('reviews').values({ id, rectification_id: rectificationId, accepted: accepted ? 1 : 0, opinion, reviewed_at: by.at }).execute();
  await audit(db, by, accepted ? 'accept' : 'return', 'rectifications', rectificationId, { reviewId: id, opinion });
  return id;
}

/** When each inspection opened, by unit: what the two-year coverage is counted from. */
export async function inspectionOpenings(db: Db): Promise<{ unitCode: string; openedAt: string }[]> {
  const rows = await db.selectFrom('inspections').select(['unit_code', 'opened_at']).execute();
  return rows.map((r) => ({ unitCode: r.unit_code, openedAt: r.opened_at }));
}

/** The units with at least one problem on record: the population 回头看 samples are drawn from. */
export async function unitsWithProblems(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('problems').select('unit_code').distinct().orderBy('unit_code').execute();
  return rows.map((r) => r.unit_code);
}

/** Whether the committee's latest review of the inspection's rectification accepted it; null before any review. */
export async function latestReviewAccepted(db: Db, inspectionId: string): Promise<boolean | null> {
  const review = await db.selectFrom('reviews').innerJoin('rectifications', 'rectifications.id', 'reviews.rectification_id')
    .select('reviews.accepted').where('rectifications.inspection_id', '=', inspectionId)
    .orderBy('reviews.reviewed_at', 'desc').executeTakeFirst();
  return review ? review.accepted === 1 : null;
}

/** The inspection's latest rectification report. */
export async function latestRectificationId(db: Db, inspectionId: string): Promise<string | undefined> {
  return (await db.selectFrom('rectifications').select('id').where('inspection_id', '=', inspectionId)
    .orderBy('submitted_at', 'desc').executeTakeFirst())?.id;
}

/** How many inspections were opened in the year (the sequence of the 巡查编号). */
export async function inspectionsOpenedIn(db: Db, year: number): Promise<number> {
  const count = await db.selectFrom('inspections').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('opened_at', 'like', `${year}%`).executeTakeFirstOrThrow();
  return Number(count.n);
}

/** The inspection's problems the unit rectifies itself and that are not cleared yet, in their order. */
export async function openRectifiedProblems(db: Db, inspectionId: string): Promise<string[]> {
  const rows = await db.selectFrom('problems').select('id').where('inspection_id', '=', inspectionId).where('route', '=', 'rectify')
    .where('status', '!=', 'cleared').orderBy('no').execute();
  return rows.map((r) => r.id);
}

/** How many rungs of the escalation ladder the whole inspection's rectification climbed (its audit trail). */
export async function inspectionEscalations(db: Db, inspectionId: string): Promise<number> {
  const rows = await db.selectFrom('audit_log').select('seq').where('entity', '=', 'inspections')
    .where('entity_id', '=', inspectionId).where('action', 'like', 'escalate:%').execute();
  return rows.length;
}

/** A round's dates. */
export async function getRound(db: Db, id: string): Promise<{ start: string; end: string } | undefined> {
  return db.selectFrom('rounds').select(['start_date as start', 'end_date as end']).where('id', '=', id).executeTakeFirst();
}

/** A team's name. */
export async function teamNameOf(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('teams').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/** A plan as approved: its data (JSON) and approval time. */
export async function getPlan(db: Db, id: string): Promise<{ id: string; data: string; approved_at: string | null } | undefined> {
  return db.selectFrom('plans').select(['id', 'data', 'approved_at']).where('id', '=', id).executeTakeFirst();
}

export interface PlanTeam {
  id: string;
  name: string;
  members: { personId: string; role: string }[];
  /** The units the team inspected or inspects (its inspections), each once. */
  unitCodes: string[];
}

/** The teams approved for a plan, by name, with their members and units. */
export async function planTeams(db: Db, planId: string): Promise<PlanTeam[]> {
  const teams = await db.selectFrom('teams').select(['id', 'name']).where('plan_id', '=', planId).orderBy('name').execute();
  if (teams.length === 0) return [];
  const ids = teams.map((t) => t.id);
  const members = await db.selectFrom('team_members').select(['team_id', 'person_id', 'role']).where('team_id', 'in', ids).execute();
  const units = await db.selectFrom('inspections').select(['team_id', 'unit_code']).where('team_id', 'in', ids).orderBy('opened_at').execute();
  return teams.map((t) => ({
    id: t.id, name: t.name,
    members: members.filter((m) => m.team_id === t.id).map((m) => ({ personId: m.person_id, role: m.role })),
    unitCodes: [...new Set(units.filter((u) => u.team_id === t.id).map((u) => u.unit_code))],
  }));
}
