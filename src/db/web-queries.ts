import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { type Db } from './connect';
import { type Database as DB } from './schema';

/**
 * Read queries for the web app's registers (台账), dashboard and public notice board. Every register query takes a
 * scope: `all`, or the unit codes, department codes and inspection teams the reader belongs to; scoped readers get
 * only rows of their own units, rows handed to their departments, or rows of their teams' inspections (组长负责制:
 * a team's records belong to that team).
 */
export type ReadScope = { all: true } | { all: false; unitCodes: string[]; departmentCodes: string[]; teamIds: string[] };

export interface RegisterQuery {
  q?: string;
  limit: number;
  offset: number;
}

type Row = Record<string, string | number | null>;

/** The most rows one page may hold (an export reads its register in one page). */
export const MAX_PAGE = 10_000;

export interface RegisterResult {
  rows: Row[];
  total: number;
}

const like = (q: string) => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
// an `in` list that matches nothing, for readers without codes: no code or id is empty (and PostgreSQL refuses
// a NUL character in text, so that cannot serve)
const none = [''] as const;
const codes = (list: string[]) => (list.length ? list : [...none]);

/** The inspections of the reader's teams, as a subquery for `in`. */
const teamInspections = (db: Db, scope: Exclude<ReadScope, { all: true }>) =>
  db.selectFrom('inspections').select('inspections.id').where('inspections.team_id', 'in', codes(scope.teamIds));

/**
 * One page of a register query, cut in SQL, and the number of all its rows (the same query counted, without its
 * order). `limit` and `offset` are clamped so that a reader's parameters cannot ask for everything at once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any query of any tables: only its rows' shape matters
async function page(q: SelectQueryBuilder<any, any, Row>, query: RegisterQuery): Promise<RegisterResult> {
  const limit = Math.max(0, Math.min(query.limit, MAX_PAGE));
  const offset = Math.max(0, query.offset);
  const [rows, count] = await Promise.all([
    q.limit(limit).offset(offset).execute(),
    q.clearSelect().clearOrderBy().select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.total ?? 0) };
}

export async function inspectionRegister(db: Db, scope: ReadScope, query: RegisterQuery): Promise<RegisterResult> {
  let q = db.selectFrom('inspections').innerJoin('units', 'units.code', 'inspections.unit_code')
    .leftJoin('teams', 'teams.id', 'inspections.team_id').leftJoin('rounds', 'rounds.id', 'inspections.round_id').leftJoin('plans', 'plans.id', 'rounds.plan_id')
    .select(['inspections.id', 'units.name as unitName', 'inspections.unit_code as unitCode', 'teams.name as teamName', 'plans.year as planYear', 'rounds.no as roundNo',
      'inspections.status', 'inspections.opened_at as openedAt',
      'inspections.report_due as reportDue', 'inspections.rectification_due as rectificationDue', 'inspections.closed_at as closedAt'])
    .orderBy('inspections.opened_at', 'desc').orderBy('inspections.id');
  if (!scope.all) q = q.where((eb) => eb.or([eb('inspections.unit_code', 'in', codes(scope.unitCodes)), eb('inspections.team_id', 'in', codes(scope.teamIds))]));
  if (query.q) q = q.where((eb) => eb.or([eb('units.name', 'like', like(query.q!)), eb('teams.name', 'like', like(query.q!))]));
  return page(q, query);
}

export async function problemRegister(db: Db, scope: ReadScope, query: RegisterQuery): Promise<RegisterResult> {
  let q = db.selectFrom('problems').innerJoin('units', 'units.code', 'problems.unit_code').leftJoin('units as dept', 'dept.code', 'problems.department_code')
    .select(['problems.id', 'problems.no', 'problems.inspection_id as inspectionId', 'units.name as unitName', 'problems.category', 'problems.severity',
      'problems.description', 'problems.route', 'problems.department_code as departmentCode', 'dept.name as departmentName', 'problems.status', 'problems.due'])
    .orderBy('problems.created_at', 'desc').orderBy('problems.no').orderBy('problems.id');
  if (!scope.all) {
    q = q.where((eb) => eb.or([eb('problems.unit_code', 'in', codes(scope.unitCodes)), eb('problems.department_code', 'in', codes(scope.departmentCodes)),
      eb('problems.inspection_id', 'in', teamInspections(db, scope))]));
  }
  if (query.q) q = q.where((eb) => eb.or([eb('problems.description', 'like', like(query.q!)), eb('units.name', 'like', like(query.q!))]));
  return page(q, query);
}

export async function handoverRegister(db: Db, scope: ReadScope, query: RegisterQuery): Promise<RegisterResult> {
  let q = db.selectFrom('handovers').innerJoin('problems', 'problems.id', 'handovers.problem_id')
    .innerJoin('units', 'units.code', 'handovers.department_code')
    .select(['handovers.id', 'handovers.handover_no as handoverNo', 'problems.description', 'problems.inspection_id as inspectionId', 'units.name as departmentName',
      'handovers.status', 'handovers.sent_at as sentAt', 'handovers.receipt_signer as receiptSigner', 'handovers.refusal_reason as refusalReason',
      'handovers.result_due as resultDue', 'handovers.result_at as resultAt', 'handovers.result_text as resultText', 'handovers.result_measures as resultMeasures', 'handovers.document_id as documentId'])
    .orderBy('handovers.sent_at', 'desc').orderBy('handovers.id');
  if (!scope.all) {
    q = q.where((eb) => eb.or([eb('handovers.department_code', 'in', codes(scope.departmentCodes)), eb('problems.unit_code', 'in', codes(scope.unitCodes)),
      eb('problems.inspection_id', 'in', teamInspections(db, scope))]));
  }
  if (query.q) q = q.where((eb) => eb.or([eb('problems.description', 'like', like(query.q!)), eb('handovers.handover_no', 'like', like(query.q!))]));
  return page(q, query);
}

export async function hazardRegister(db: Db, scope: ReadScope, query: RegisterQuery): Promise<RegisterResult> {
  let q = db.selectFrom('hazards').innerJoin('units', 'units.code', 'hazards.unit_code')
    .select(['hazards.id', 'hazards.listing_no as listingNo', 'hazards.name', 'units.name as unitName', 'hazards.status',
      'hazards.rectify_due as rectifyDue', 'hazards.listed_at as listedAt', 'hazards.delisted_at as delistedAt'])
    .orderBy('hazards.listed_at', 'desc').orderBy('hazards.id');
  if (!scope.all) {
    q = q.where((eb) => eb.or([eb('hazards.unit_code', 'in', codes(scope.unitCodes)),
      eb('hazards.problem_id', 'in', db.selectFrom('problems').select('problems.id').where('problems.inspection_id', 'in', teamInspections(db, scope)))]));
  }
  if (query.q) q = q.where((eb) => eb.or([eb('hazards.name', 'like', like(query.q!)), eb('hazards.listing_no', 'like', like(query.q!))]));
  return page(q, query);
}

export async function rectificationRegister(db: Db, scope: ReadScope, query: RegisterQuery): Promise<RegisterResult> {
  let q = db.selectFrom('rectifications').innerJoin('inspections', 'inspections.id', 'rectifications.inspection_id')
    .innerJoin('units', 'units.code', 'inspections.unit_code')
    .select(['rectifications.id', 'rectifications.inspection_id as inspectionId', 'units.name as unitName', 'rectifications.report',
      'rectifications.submitted_at as submittedAt', 'inspections.rectification_due as rectificationDue'])
    .orderBy('rectifications.submitted_at', 'desc').orderBy('rectifications.id');
  if (!scope.all) q = q.where((eb) => eb.or([eb('inspections.unit_code', 'in', codes(scope.unitCodes)), eb('inspections.team_id', 'in', codes(scope.teamIds))]));
  if (query.q) q = q.where((eb) => eb.or([eb('rectifications.report', 'like', like(query.q!)), eb('units.name', 'like', like(query.q!))]));
  return page(q, query);
}

export async function talkRegister(db: Db, scope: ReadScope, query: RegisterQuery): Promise<RegisterResult> {
  let q = db.selectFrom('talks').innerJoin('units', 'units.code', 'talks.subject_unit_code')
    .select(['talks.id', 'units.name as unitName', 'talks.reason', 'talks.at', 'talks.follow_up_due as followUpDue', 'talks.inspection_id as inspectionId'])
    .orderBy('talks.at', 'desc').orderBy('talks.id');
  if (!scope.all) q = q.where((eb) => eb.or([eb('talks.subject_unit_code', 'in', codes(scope.unitCodes)), eb('talks.inspection_id', 'in', teamInspections(db, scope))]));
  if (query.q) q = q.where((eb) => eb.or([eb('talks.reason', 'like', like(query.q!)), eb('units.name', 'like', like(query.q!))]));
  return page(q, query);
}

/** Letters addressed to a department (移交函, 问题线索移送函), never to the inspected unit, though filed under its records. */
const TO_DEPARTMENTS = ['handover-letter'];

/**
 * Documents a scoped reader may see, as a condition on `documents`: one about their unit's inspections, problems or
 * hazards and addressed to the unit, one about a problem or handover handed to their department, or one about their
 * team's inspections and their problems.
 */
function documentVisible(db: Db, scope: Exclude<ReadScope, { all: true }>) {
  const units = codes(scope.unitCodes);
  const depts = codes(scope.departmentCodes);
  const subject = (prefix: string, id: string) => sql<string>`${sql.lit(prefix)} || ${sql.ref(id)}`;
  return (eb: ExpressionBuilder<DB, 'documents'>) => eb.or([
    eb.and([
      eb('documents.doc_type', 'not in', TO_DEPARTMENTS),
      eb.or([
        eb('documents.subject', 'in', db.selectFrom('inspections').select(subject('inspection:', 'inspections.id').as('s')).where('inspections.unit_code', 'in', units)),
        eb('documents.subject', 'in', db.selectFrom('problems').select(subject('problem:', 'problems.id').as('s')).where('problems.unit_code', 'in', units)),
        eb('documents.subject', 'in', db.selectFrom('hazards').select(subject('hazard:', 'hazards.id').as('s')).where('hazards.unit_code', 'in', units)),
      ]),
    ]),
    eb('documents.subject', 'in', db.selectFrom('problems').select(subject('problem:', 'problems.id').as('s')).where('problems.department_code', 'in', depts)),
    eb('documents.subject', 'in', db.selectFrom('handovers').select(subject('handover:', 'handovers.id').as('s')).where('handovers.department_code', 'in', depts)),
    eb('documents.subject', 'in', db.selectFrom('handovers').select(subject('problem:', 'handovers.problem_id').as('s')).where('handovers.department_code', 'in', depts)),
    eb('documents.subject', 'in', teamInspections(db, scope).clearSelect().select(subject('inspection:', 'inspections.id').as('s'))),
    eb('documents.subject', 'in', db.selectFrom('problems').select(subject('problem:', 'problems.id').as('s')).where('problems.inspection_id', 'in', teamInspections(db, scope))),
  ]);
}

export async function documentRegisterFor(db: Db, scope: ReadScope, query: RegisterQuery): Promise<RegisterResult> {
  let q = db.selectFrom('documents').select(['id', 'id as documentId', 'doc_no as docNo', 'title', 'doc_type as docType', 'subject', 'created_at as createdAt'])
    .orderBy('created_at', 'desc').orderBy('id');
  if (query.q) q = q.where((eb) => eb.or([eb('title', 'like', like(query.q!)), eb('doc_no', 'like', like(query.q!))]));
  if (!scope.all) q = q.where(documentVisible(db, scope));
  return page(q, query);
}

/** A document's archive path, if the reader may see it. */
export async function documentFor(db: Db, scope: ReadScope, id: string): Promise<{ path: string; title: string; docNo: string } | undefined> {
  let q = db.selectFrom('documents').select(['path', 'title', 'doc_no']).where('id', '=', id);
  if (!scope.all) q = q.where(documentVisible(db, scope));
  const row = await q.executeTakeFirst();
  return row && { path: row.path, title: row.title, docNo: row.doc_no };
}
/**
 * Who may see which evidence. Need-to-know records (complaint checks, 暗访, talks: everything the team files) reach
 * only the office and the inspection's own team; records filed on a unit's own task (audience `unit`) also reach
 * that unit, and those a department files on its handover task (audience `department:<code>`) that department;
 * both reach the readers of shared records (安委会, administrators). No one else, and no other team.
 */
export interface EvidenceScope {
  everything: boolean;
  teamIds: string[];
  sharedAll: boolean;
  unitCodes: string[];
  departmentCodes?: string[];
}

/** Evidence rows joined to their inspection (directly or through their problem), limited to what `scope` may see. */
function evidenceVisible(db: Db, scope: EvidenceScope) {
  let q = db.selectFrom('evidence').leftJoin('problems', 'problems.id', 'evidence.problem_id')
    .leftJoin('inspections', (join) => join.on((eb) => eb('inspections.id', '=', eb.fn.coalesce('evidence.inspection_id', 'problems.inspection_id'))));
  if (!scope.everything) {
    q = q.where((eb) => eb.or([
      eb('inspections.team_id', 'in', codes(scope.teamIds)),
      scope.sharedAll ? eb.or([eb('evidence.audience', '=', 'unit'), eb('evidence.audience', 'like', 'department:%')])
        : eb.and([eb('evidence.audience', '=', 'unit'), eb('inspections.unit_code', 'in', codes(scope.unitCodes))]),
      eb('evidence.audience', 'in', codes((scope.departmentCodes ?? []).map((c) => `department:${c}`))),
    ]));
  }
  return q;
}

export async function evidenceRegister(db: Db, scope: EvidenceScope, query: RegisterQuery): Promise<RegisterResult> {
  let q = evidenceVisible(db, scope)
    .leftJoin('units', 'units.code', 'inspections.unit_code').leftJoin('accounts', 'accounts.login', 'evidence.captured_by')
    .select(['evidence.id', 'evidence.id as evidenceId', 'evidence.file_name as fileName', 'evidence.kind', 'evidence.inspection_id as inspectionId', 'units.name as unitName',
      'evidence.captured_by as capturedBy', 'accounts.display_name as capturedByName', 'evidence.captured_at as capturedAt', 'evidence.sha256'])
    .orderBy('evidence.seq', 'desc');
  if (query.q) q = q.where('evidence.file_name', 'like', like(query.q));
  return page(q, query);
}

/** Evidence of an inspection or problem (a task's attachments) that `scope` may see, oldest first. */
export async function evidenceAbout(db: Db, scope: EvidenceScope, about: { inspectionId?: string; problemId?: string }) {
  let q = evidenceVisible(db, scope).selectAll('evidence').orderBy('evidence.seq');
  if (about.inspectionId) q = q.where('evidence.inspection_id', '=', about.inspectionId);
  if (about.problemId) q = q.where('evidence.problem_id', '=', about.problemId);
  return q.execute();
}

export async function publishedAnnouncements(db: Db): Promise<Array<{ id: string; kind: string; title: string; body: string; publishedAt: string }>> {
  const rows = await db.selectFrom('announcements').selectAll().orderBy('published_at', 'desc').limit(200).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, publishedAt: r.published_at }));
}

/** The inspected unit's name of each inspection. */
export async function inspectionUnitNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('inspections').innerJoin('units', 'units.code', 'inspections.unit_code')
    .select(['inspections.id', 'units.name']).where('inspections.id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Latest inspection opening per unit, for the coverage dashboard. */
export async function lastInspections(db: Db): Promise<Array<{ unitCode: string; openedAt: string }>> {
  const rows = await db.selectFrom('inspections').select(['unit_code', (eb) => eb.fn.max('opened_at').as('openedAt')]).groupBy('unit_code').execute();
  return rows.map((r) => ({ unitCode: r.unit_code, openedAt: String(r.openedAt) }));
}

export async function cycleContaining(db: Db, day: string): Promise<{ start: string; end: string } | undefined> {
  const row = await db.selectFrom('cycles').select(['start_date', 'end_date']).where('start_date', '<=', day).where('end_date', '>', day).executeTakeFirst();
  return row ? { start: row.start_date, end: row.end_date } : undefined;
}

/** Open rectification deadlines (problems) and listed hazards not yet delisted. */
export async function openDeadlines(db: Db): Promise<Array<{ kind: 'rectification' | 'hazard'; id: string; title: string; unitCode: string; dueAt: string }>> {
  const [problems, hazards] = await Promise.all([
    db.selectFrom('problems').select(['id', 'description', 'unit_code', 'due']).where('due', 'is not', null).where('status', 'not in', ['CLOSED', 'RECTIFIED', 'closed', 'rectified']).execute(),
    db.selectFrom('hazards').select(['id', 'name', 'unit_code', 'rectify_due']).where('rectify_due', 'is not', null).where('status', 'not in', ['DELISTED', 'PUBLISHED_CLOSED']).execute(),
  ]);
  return [
    ...problems.map((p) => ({ kind: 'rectification' as const, id: p.id, title: p.description, unitCode: p.unit_code, dueAt: p.due! })),
    ...hazards.map((h) => ({ kind: 'hazard' as const, id: h.id, title: h.name, unitCode: h.unit_code, dueAt: h.rectify_due! })),
  ];
}

export async function problemCountsBy(db: Db): Promise<{ byUnit: Array<{ label: string; count: number }>; byCategory: Array<{ label: string; count: number }>; byDepartment: Array<{ label: string; count: number }> }> {
  const [byUnit, byCategory, byDepartment] = await Promise.all([
    db.selectFrom('problems').innerJoin('units', 'units.code', 'problems.unit_code').select(['units.name as label', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('units.name').execute(),
    db.selectFrom('problems').select(['category as label', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('category').execute(),
    db.selectFrom('handovers').innerJoin('units', 'units.code', 'handovers.department_code').select(['units.name as label', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('units.name').execute(),
  ]);
  const norm = (rows: Array<{ label: string; count: number }>) => rows.map((r) => ({ label: r.label, count: Number(r.count) })).sort((a, b) => b.count - a.count);
  return { byUnit: norm(byUnit), byCategory: norm(byCategory), byDepartment: norm(byDepartment) };
}

/** An evidence record, if the reader may see it. */
export async function evidenceFor(db: Db, scope: EvidenceScope, id: string): Promise<{ fileName: string; mediaType: string; sha256: string } | undefined> {
  return evidenceVisible(db, scope).select(['evidence.file_name as fileName', 'evidence.media_type as mediaType', 'evidence.sha256'])
    .where('evidence.id', '=', id).executeTakeFirst();
}

/** The team of each inspection (null when none was recorded). */
export async function inspectionTeams(db: Db, inspectionIds: string[]): Promise<Map<string, string | null>> {
  if (!inspectionIds.length) return new Map();
  const rows = await db.selectFrom('inspections').select(['id', 'team_id']).where('id', 'in', inspectionIds).execute();
  return new Map(rows.map((r) => [r.id, r.team_id]));
}

export async function teamNames(db: Db, teamIds: string[]): Promise<Map<string, string>> {
  if (!teamIds.length) return new Map();
  const rows = await db.selectFrom('teams').select(['id', 'name']).where('id', 'in', teamIds).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function displayNames(db: Db, logins: string[]): Promise<Map<string, string>> {
  if (!logins.length) return new Map();
  const rows = await db.selectFrom('accounts').select(['login', 'display_name']).where('login', 'in', logins).execute();
  return new Map(rows.map((r) => [r.login, r.display_name]));
}

/** The teams a person belongs to, and whether they lead it (组长 or 副组长). */
export async function teamsOfPerson(db: Db, personId: string | null): Promise<Array<{ teamId: string; leads: boolean }>> {
  if (!personId) return [];
  const rows = await db.selectFrom('team_members').select(['team_id', 'role']).where('person_id', '=', personId).execute();
  return rows.map((r) => ({ teamId: r.team_id, leads: r.role === 'leader' || r.role === 'deputy' }));
}

export interface Subject {
  id: string;
  label: string;
}

/** Inspections or listed hazards a reader may report events on (scoped like the registers). */
export async function reportableSubjects(db: Db, kind: 'inspection' | 'hazard', scope: ReadScope): Promise<Subject[]> {
  if (kind === 'inspection') {
    let q = db.selectFrom('inspections').innerJoin('units', 'units.code', 'inspections.unit_code')
      .select(['inspections.id', 'units.name', 'inspections.opened_at']).where('inspections.closed_at', 'is', null).orderBy('inspections.opened_at', 'desc');
    // team staff also report on inspections no team is recorded for (the office's own), as the events page allows
    if (!scope.all) {
      q = q.where((eb) => eb.or([eb('inspections.unit_code', 'in', codes(scope.unitCodes)), eb('inspections.team_id', 'in', codes(scope.teamIds)),
        ...(scope.teamIds.length ? [eb('inspections.team_id', 'is', null)] : [])]));
    }
    return (await q.execute()).map((r) => ({ id: r.id, label: `${r.name}（${r.opened_at.slice(0, 10)} 起）` }));
  }
  let q = db.selectFrom('hazards').select(['id', 'name', 'listing_no']).where('status', 'not in', ['DELISTED', 'PUBLISHED_CLOSED']).orderBy('listed_at', 'desc');
  if (!scope.all) {
    q = q.where((eb) => eb.or([eb('unit_code', 'in', codes(scope.unitCodes)),
      eb('problem_id', 'in', db.selectFrom('problems').select('problems.id').where('problems.inspection_id', 'in', teamInspections(db, scope)))]));
  }
  return (await q.execute()).map((r) => ({ id: r.id, label: r.listing_no ? `${r.listing_no} ${r.name}` : r.name }));
}

export interface OpenItem {
  kind: 'inspection' | 'problem' | 'hazard';
  title: string;
  unitName: string;
  status: string;
  route: string | null;
  departmentName: string | null;
  due: string | null;
}

/**
 * What a unit has open, with its state and deadline: its inspections not closed (整改期限), its problems not yet
 * rectified, resolved or cleared, and its listed hazards not delisted. Scoped like the registers.
 */
export async function openItems(db: Db, scope: ReadScope): Promise<OpenItem[]> {
  const units = scope.all ? undefined : codes(scope.unitCodes);
  let inspections = db.selectFrom('inspections').innerJoin('units', 'units.code', 'inspections.unit_code')
    .select(['units.name as unitName', 'inspections.status', 'inspections.rectification_due as due', 'inspections.opened_at as openedAt'])
    .where('inspections.closed_at', 'is', null);
  let problems = db.selectFrom('problems').innerJoin('units', 'units.code', 'problems.unit_code').leftJoin('units as dept', 'dept.code', 'problems.department_code')
    .select(['problems.no', 'problems.description', 'units.name as unitName', 'problems.status', 'problems.route', 'dept.name as departmentName', 'problems.due'])
    .where('problems.status', 'not in', ['rectified', 'resolved', 'cleared', 'closed']);
  let hazards = db.selectFrom('hazards').innerJoin('units', 'units.code', 'hazards.unit_code')
    .select(['hazards.name', 'units.name as unitName', 'hazards.status', 'hazards.rectify_due as due'])
    .where('hazards.status', 'not in', ['DELISTED', 'PUBLISHED_CLOSED']);
  if (units) {
    inspections = inspections.where('inspections.unit_code', 'in', units);
    problems = problems.where('problems.unit_code', 'in', units);
    hazards = hazards.where('hazards.unit_code', 'in', units);
  }
  const [i, p, h] = await Promise.all([inspections.limit(MAX_PAGE).execute(), problems.limit(MAX_PAGE).execute(), hazards.limit(MAX_PAGE).execute()]);
  const items: OpenItem[] = [
    ...i.map((r) => ({ kind: 'inspection' as const, title: `${r.openedAt.slice(0, 4)}年巡查整改`, unitName: r.unitName, status: r.status, route: null, departmentName: null, due: r.due })),
    ...p.map((r) => ({ kind: 'problem' as const, title: `问题${r.no}：${r.description}`, unitName: r.unitName, status: r.status, route: r.route, departmentName: r.departmentName, due: r.due })),
    ...h.map((r) => ({ kind: 'hazard' as const, title: r.name, unitName: r.unitName, status: r.status, route: null, departmentName: null, due: r.due })),
  ];
  // the nearest deadline first, those without one last
  return items.sort((a, b) => (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff'));
}

export interface DepartmentItem {
  handoverId: string;
  handoverNo: string | null;
  description: string;
  unitName: string;
  departmentName: string;
  status: 'sent' | 'received';
  sentAt: string;
  resultDue: string | null;
}

/** Handovers a department still has to sign (sent) or report the result of (received), oldest first. */
export async function departmentItems(db: Db, departmentCodes: string[]): Promise<DepartmentItem[]> {
  const rows = await db.selectFrom('handovers').innerJoin('problems', 'problems.id', 'handovers.problem_id')
    .innerJoin('units', 'units.code', 'problems.unit_code').innerJoin('units as dept', 'dept.code', 'handovers.department_code')
    .select(['handovers.id', 'handovers.handover_no', 'problems.description', 'units.name as unitName', 'dept.name as departmentName', 'handovers.status',
      'handovers.sent_at', 'handovers.result_due'])
    .where('handovers.department_code', 'in', codes(departmentCodes)).where('handovers.status', 'in', ['sent', 'received'])
    .orderBy('handovers.sent_at').orderBy('handovers.id').limit(MAX_PAGE).execute();
  return rows.map((r) => ({ handoverId: r.id, handoverNo: r.handover_no, description: r.description, unitName: r.unitName, departmentName: r.departmentName,
    status: r.status as 'sent' | 'received', sentAt: r.sent_at, resultDue: r.result_due }));
}
