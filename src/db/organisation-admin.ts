import { randomUUID } from 'node:crypto';
import { checkTeams, teamChanges, type Inspector, type TeamProposal } from '../domain/teams';
import { audit, type Actor } from './audit';
import { AccountError } from './account-admin';
import { type Db } from './connect';
import { type UnitTable } from './schema';

/** What the administrator enters for a unit; the code is its key and never changes. */
export interface UnitInput {
  code: string;
  name: string;
  /** 简称 (区住建局), shown beside the name in pickers; null for none. */
  shortName: string | null;
  kind: UnitTable['kind'];
  parentCode: string | null;
  /** 移交 routing domain of a supervising department, 、-separated. */
  domain: string | null;
  supervising: boolean;
  industry: string | null;
  address: string | null;
  email: string | null;
  headPersonId: string | null;
}

/** Creates a unit (`create`) or changes one; audited with what changed. */
export async function saveUnit(db: Db, by: Actor, input: UnitInput, create: boolean): Promise<void> {
  const before = await db.selectFrom('units').selectAll().where('code', '=', input.code).executeTakeFirst();
  if (create && before) throw new AccountError(`单位代码 ${input.code} 已被使用。`);
  if (!create && !before) throw new AccountError('单位不存在。');
  const values = {
    name: input.name, short_name: input.shortName, kind: input.kind, parent_code: input.parentCode, domain: input.domain, supervising: input.supervising ? 1 : 0,
    industry: input.industry, address: input.address, email: input.email, head_person_id: input.headPersonId,
  };
  await db.transaction().execute(async (trx) => {
    if (create) await trx.insertInto('units').values({ code: input.code, ...values, created_at: by.at }).execute();
    else await trx.updateTable('units').set(values).where('code', '=', input.code).execute();
    await audit(trx, by, create ? 'create' : 'update', 'units', input.code, { ...(before ? { before: changedFrom(before, values) } : {}), after: values });
  });
}

/** Of a row, the fields whose value the change replaces. */
function changedFrom<T extends object>(before: T, after: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) if (before[k] !== after[k]) out[k] = before[k];
  return out;
}

export interface PersonInput {
  /** Absent for a new person. */
  id?: string;
  name: string;
  unitCode: string;
  post: string;
  rank: string | null;
  expert: boolean;
  safetyYears: number;
  email: string | null;
  phone: string | null;
}

/** Creates or changes a person of the roster (an expert is a person with `expert`); returns the id. */
export async function savePerson(db: Db, by: Actor, input: PersonInput): Promise<string> {
  const unit = await db.selectFrom('units').select('code').where('code', '=', input.unitCode).executeTakeFirst();
  if (!unit) throw new AccountError('所在单位不存在。');
  const values = {
    name: input.name, unit_code: input.unitCode, post: input.post, rank: input.rank, expert: input.expert ? 1 : 0,
    safety_years: input.safetyYears, email: input.email, phone: input.phone,
  };
  const before = input.id ? await db.selectFrom('people').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
  if (input.id && !before) throw new AccountError('人员不存在。');
  const id = input.id ?? `p-${randomUUID()}`;
  await db.transaction().execute(async (trx) => {
    if (before) await trx.updateTable('people').set(values).where('id', '=', id).execute();
    else await trx.insertInto('people').values({ id, ...values, created_at: by.at }).execute();
    await audit(trx, by, before ? 'update' : 'create', 'people', id, { ...(before ? { before: changedFrom(before, values) } : {}), after: values });
  });
  return id;
}

export interface TeamView {
  id: string;
  name: string;
  planId: string;
  planYear: number;
  planStatus: string;
  rounds: { no: number; start: string; end: string }[];
  members: { personId: string; name: string; unitName: string; role: string }[];
  /** The units this team inspects (its inspections). */
  unitNames: string[];
}

/** Every team with its plan, rounds, members and units, by plan year and team name. */
export async function listTeams(db: Db): Promise<TeamView[]> {
  const teams = await db.selectFrom('teams').innerJoin('plans', 'plans.id', 'teams.plan_id')
    .select(['teams.id', 'teams.name', 'teams.plan_id', 'plans.year', 'plans.status']).orderBy('plans.year', 'desc').orderBy('teams.name').execute();
  if (teams.length === 0) return [];
  const [rounds, members, units] = await Promise.all([
    db.selectFrom('rounds').select(['plan_id', 'no', 'start_date', 'end_date']).orderBy('no').execute(),
    db.selectFrom('team_members').innerJoin('people', 'people.id', 'team_members.person_id').innerJoin('units', 'units.code', 'people.unit_code')
      .select(['team_members.team_id', 'team_members.person_id', 'team_members.role', 'people.name', 'units.name as unitName']).orderBy('people.name').execute(),
    db.selectFrom('inspections').innerJoin('units', 'units.code', 'inspections.unit_code').select(['inspections.team_id', 'units.name'])
      .where('inspections.team_id', 'is not', null).orderBy('units.code').execute(),
  ]);
  const order = ['leader', 'deputy', 'member', 'expert', 'liaison'];
  return teams.map((t) => ({
    id: t.id, name: t.name, planId: t.plan_id, planYear: Number(t.year), planStatus: t.status,
    rounds: rounds.filter((r) => r.plan_id === t.plan_id).map((r) => ({ no: Number(r.no), start: r.start_date, end: r.end_date })),
    members: members.filter((m) => m.team_id === t.id).map((m) => ({ personId: m.person_id, name: m.name, unitName: m.unitName, role: m.role }))
      .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role)),
    unitNames: [...new Set(units.filter((u) => u.team_id === t.id).map((u) => u.name))],
  }));
}

export interface TeamComposition {
  leaderId: string;
  deputyId: string;
  memberIds: string[];
  expertIds: string[];
}

/** A composition the team rules refuse; `problems` are Chinese sentences. */
export class TeamRulesError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(''));
    this.name = 'TeamRulesError';
  }
}

async function proposalsOfPlan(db: Db, planId: string): Promise<TeamProposal[]> {
  const rows = await db.selectFrom('teams').innerJoin('team_members', 'team_members.team_id', 'teams.id')
    .select(['teams.id', 'teams.name', 'team_members.person_id', 'team_members.role']).where('teams.plan_id', '=', planId).orderBy('teams.name').execute();
  const inspected = await db.selectFrom('inspections').innerJoin('teams', 'teams.id', 'inspections.team_id')
    .select(['inspections.team_id', 'inspections.unit_code']).where('teams.plan_id', '=', planId).execute();
  const byTeam = new Map<string, TeamProposal & { id: string }>();
  for (const r of rows) {
    const t = byTeam.get(r.id) ?? { id: r.id, name: r.name, leaderId: '', deputyId: '', memberIds: [], expertIds: [], unitCodes: inspected.filter((i) => i.team_id === r.id).map((i) => i.unit_code) };
    if (r.role === 'leader') t.leaderId = r.person_id;
    else if (r.role === 'deputy') t.deputyId = r.person_id;
    else if (r.role === 'expert') t.expertIds.push(r.person_id);
    else t.memberIds.push(r.person_id);
    byTeam.set(r.id, t);
  }
  return [...byTeam.values()];
}

/**
 * Changes a team's composition (组长, 副组长, members, experts). The plan's teams with the change must pass the same
 * rules as the approved proposal (src/domain/teams.ts: size, 科级 leaders with their years, an expert, nobody in two
 * teams, recusal from the units the team inspects); a change against the approved composition is an adjustment
 * (二（三）) and is audited as such.
 */
export async function saveTeamComposition(db: Db, by: Actor, teamId: string, next: TeamComposition): Promise<void> {
  const team = await db.selectFrom('teams').select(['id', 'name', 'plan_id']).where('id', '=', teamId).executeTakeFirst();
  if (!team) throw new AccountError('巡查组不存在。');
  const approved = await proposalsOfPlan(db, team.plan_id);
  const current = approved.find((t) => t.name === team.name);
  const changed: TeamProposal = { name: team.name, ...next, unitCodes: current?.unitCodes ?? [] };
  const teams = approved.map((t) => (t.name === team.name ? changed : t));
  if (!current) teams.push(changed);
  const people = await db.selectFrom('people').select(['id', 'name', 'unit_code', 'rank', 'expert', 'safety_years']).execute();
  const roster = new Map<string, Inspector>(people.map((p) => [p.id, { id: p.id, name: p.name, unitCode: p.unit_code, rank: p.rank, expert: p.expert === 1, safetyYears: Number(p.safety_years) }]));
  const units = await db.selectFrom('units').select(['code', 'name']).execute();
  const problems = checkTeams(teams, roster, { approved, adjustment: true, unitNames: new Map(units.map((u) => [u.code, u.name])) });
  if (problems.length) throw new TeamRulesError(problems);
  const roles = new Map<string, 'leader' | 'deputy' | 'member' | 'expert'>();
  for (const m of next.memberIds) roles.set(m, 'member');
  for (const e of next.expertIds) roles.set(e, 'expert');
  roles.set(next.deputyId, 'deputy');
  roles.set(next.leaderId, 'leader');
  await db.transaction().execute(async (trx) => {
    // liaisons are not part of the form and stay, unless picked for a role here: one person, one role in a team
    await trx.deleteFrom('team_members').where('team_id', '=', teamId)
      .where((eb) => eb.or([eb('role', '!=', 'liaison'), eb('person_id', 'in', [...roles.keys()])])).execute();
    for (const [personId, role] of roles) await trx.insertInto('team_members').values({ team_id: teamId, person_id: personId, role }).execute();
    await audit(trx, by, 'adjust', 'teams', teamId, { name: team.name, changes: teamChanges([changed], approved, roster), ...next });
  });
}
