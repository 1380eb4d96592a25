import { randomUUID } from 'node:crypto';
import { audit, type Actor } from '../audit';
import { type Db } from '../connect';
import { lockSequence } from '../locks';
import { type HandoverTable, type HazardTable, type TalkTable } from '../schema';

/** Handovers (移交), listed hazards (挂牌督办) with progress, extensions and acceptance, and admonition talks (约谈). */
export type Handover = HandoverTable;
export type Hazard = HazardTable;
export type Talk = TalkTable;

export async function createHandover(db: Db, by: Actor, input: { problemId: string; departmentCode: string; resultDue: string | null }): Promise<string> {
  const id = randomUUID();
  await db.insertInto('handovers').values({
    id, problem_id: input.problemId, department_code: input.departmentCode, document_id: null, handover_no: null, status: 'sent',
    sent_at: by.at, received_at: null, result_due: input.resultDue, result_at: null, result_text: null,
    receipt_signer: null, refusal_reason: null, result_measures: null, result_evidence: null,
  }).execute();
  await audit(db, by, 'send', 'handovers', id, input);
  return id;
}

/** Ends a problem's handovers still awaiting their department (`sent`, `received`) with the given state. */
export async function closeOpenHandovers(db: Db, by: Actor, problemId: string, status: string): Promise<void> {
  const open = await db.selectFrom('handovers').select('id').where('problem_id', '=', problemId).where('status', 'in', ['sent', 'received']).execute();
  for (const { id } of open) await updateHandover(db, by, id, status, { status });
}

export async function getHandover(db: Db, id: string): Promise<Handover | undefined> {
  return db.selectFrom('handovers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateHandover(db: Db, by: Actor, id: string, action: string, changes: Partial<Omit<Handover, 'id'>>): Promise<void> {
  const result = await db.updateTable('handovers').set(changes).where('id', '=', id).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new Error(`no handover ${id}`);
  await audit(db, by, action, 'handovers', id, changes);
}

export type HazardInput = Pick<Hazard, 'name' | 'unit_code'> & Partial<Pick<Hazard, 'problem_id' | 'enterprise_code' | 'industry' |
  'standard_ref' | 'responsible' | 'measures' | 'funds' | 'rectify_due' | 'emergency_plan'>>;

export async function listHazard(db: Db, by: Actor, input: HazardInput): Promise<string> {
  const id = randomUUID();
  await db.insertInto('hazards').values({
    id, problem_id: null, enterprise_code: null, industry: null, standard_ref: null, responsible: null, measures: null, funds: null,
    rectify_due: null, emergency_plan: null, ...input, listing_no: null, status: 'LISTED', listed_at: by.at, published_at: null, delisted_at: null,
  }).execute();
  await audit(db, by, 'list', 'hazards', id, { ...input });
  return id;
}

/**
 * Gives a listed hazard its listing number (挂牌编号), e.g. 峄安委挂〔2026〕3号: the next of that year. Call it in
 * the listing's transaction; a concurrent listing that takes the same number fails on the unique index.
 */
export async function assignListingNo(db: Db, by: Actor, hazardId: string, year: number): Promise<string> {
  const prefix = `峄安委挂〔${year}〕`;
  await lockSequence(db, `listing:${year}`);
  const rows = await db.selectFrom('hazards').select('listing_no').where('listing_no', 'like', `${prefix}%`).execute();
  const max = Math.max(0, ...rows.map((r) => Number(/〕(\d+)号$/.exec(r.listing_no ?? '')?.[1] ?? 0)));
  const listingNo = `${prefix}${max + 1}号`;
  await updateHazard(db, by, hazardId, 'number', { listing_no: listingNo });
  return listingNo;
}

export async function getHazard(db: Db, id: string): Promise<Hazard | undefined> {
  return db.selectFrom('hazards').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateHazard(db: Db, by: Actor, id: string, action: string, changes: Partial<Omit<Hazard, 'id'>>): Promise<void> {
  const result = await db.updateTable('hazards').set(changes).where('id', '=', id).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new Error(`no hazard ${id}`);
  await audit(db, by, action, 'hazards', id, changes);
}

export async function recordProgress(db: Db, by: Actor, hazardId: string, percent: number, text: string): Promise<string> {
  const id = randomUUID();
  await db.insertInto('progress_reports').values({ id, hazard_id: hazardId, reported_at: by.at, percent, text }).execute();
  await audit(db, by, 'progress', 'hazards', hazardId, { progressId: id, percent });
  return id;
}

export async function progressOf(db: Db, hazardId: string) {
  return db.selectFrom('progress_reports').selectAll().where('hazard_id', '=', hazardId).orderBy('reported_at').execute();
}

export async function recordExtension(db: Db, by: Actor, hazardId: string, e: { requestedDue: string; reason: string; approved: boolean }): Promise<string> {
  const id = randomUUID();
  await db.insertInto('extensions').values({
    id, hazard_id: hazardId, requested_due: e.requestedDue, reason: e.reason, decision: e.approved ? 'approved' : 'refused', decided_at: by.at,
  }).execute();
  await audit(db, by, e.approved ? 'extend' : 'refuse-extension', 'hazards', hazardId, { extensionId: id, requestedDue: e.requestedDue });
  return id;
}

export interface AcceptanceDetails {
  acceptedOn?: string | null;
  experts?: string | null;
  fundsSpent?: string | null;
}

export async function recordAcceptance(db: Db, by: Actor, hazardId: string, passed: boolean, opinion: string, details: AcceptanceDetails = {}): Promise<string> {
  const id = randomUUID();
  await db.insertInto('acceptances').values({
    id, hazard_id: hazardId, passed: passed ? 1 : 0, opinion, decided_at: by.at,
    accepted_on: details.acceptedOn ?? null, experts: details.experts ?? null, funds_spent: details.fundsSpent ?? null,
  }).execute();
  await audit(db, by, passed ? 'accept' : 'fail-acceptance', 'hazards', hazardId, { acceptanceId: id, opinion });
  return id;
}

export async function scheduleTalk(db: Db, by: Actor, t: { subjectUnitCode: string; reason: string; at: string; attendees: string[];
  inspectionId?: string | null; problemId?: string | null }): Promise<string> {
  const id = randomUUID();
  await db.insertInto('talks').values({
    id, subject_unit_code: t.subjectUnitCode, reason: t.reason, at: t.at, attendees: JSON.stringify(t.attendees), minutes: null,
    follow_up_due: null, inspection_id: t.inspectionId ?? null, problem_id: t.problemId ?? null, created_at: by.at,
  }).execute();
  await audit(db, by, 'schedule', 'talks', id, { subjectUnitCode: t.subjectUnitCode, at: t.at });
  return id;
}

export async function getTalk(db: Db, id: string): Promise<Talk | undefined> {
  return db.selectFrom('talks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function recordTalkMinutes(db: Db, by: Actor, id: string, minutes: string, followUpDue: string,
  held: { heldAt?: string | null; interviewee?: string | null } = {}): Promise<void> {
  const result = await db.updateTable('talks').set({ minutes, follow_up_due: followUpDue, held_at: held.heldAt ?? null, interviewee: held.interviewee ?? null })
    .where('id', '=', id).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new Error(`no talk ${id}`);
  await audit(db, by, 'minutes', 'talks', id, { followUpDue });
}

/** The hazard's latest acceptance, or its latest passed one. */
export async function latestAcceptance(db: Db, hazardId: string, passedOnly = false) {
  let q = db.selectFrom('acceptances').selectAll().where('hazard_id', '=', hazardId);
  if (passedOnly) q = q.where('passed', '=', 1);
  return q.orderBy('decided_at', 'desc').executeTakeFirst();
}
