import { randomUUID } from 'node:crypto';
import { audit, type Actor } from './audit';
import { type Db } from './connect';

/**
 * The assessment register (绩效考核, 三（三）6): one entry per inspected unit's inspection, by assessment year. Before
 * the year's cut-off an entry is re-scored in place (the audit log keeps every earlier score); at the cut-off the
 * year freezes with what is known then, and a closure after it is appended as an update of the entry.
 */
export interface ScoredSheet {
  score: number;
  grade: string;
  items: { item: string; points: number }[];
}

export type ScoreOutcome =
  | { kind: 'recorded' | 'rescored'; assessmentId: string; year: number | null; cutoffAt: string | null }
  | { kind: 'updated-after-cutoff'; assessmentId: string; year: number | null; cutoffAt: string | null; updateId: string };

/**
 * Puts a unit's score sheet into the assessment. `period` is the year and cut-off a new entry belongs to; an
 * existing entry keeps its own. `reason` says what the score follows (反馈、问题销号、整改审核…).
 */
export async function scoreIntoAssessment(db: Db, by: Actor, a: {
  inspectionId: string; unitCode: string; sheet: ScoredSheet; period: { year: number; cutoffAt: string }; reason: string;
}): Promise<ScoreOutcome> {
  const existing = await db.selectFrom('assessments').selectAll().where('inspection_id', '=', a.inspectionId).executeTakeFirst();
  if (!existing) {
    const id = randomUUID();
    await db.insertInto('assessments').values({
      id, inspection_id: a.inspectionId, unit_code: a.unitCode, score: a.sheet.score, details: JSON.stringify(a.sheet), created_at: by.at,
      year: a.period.year, cutoff_at: a.period.cutoffAt, frozen_at: null,
    }).execute();
    await audit(db, by, 'score', 'assessments', id, { inspectionId: a.inspectionId, score: a.sheet.score, year: a.period.year, reason: a.reason });
    return { kind: 'recorded', assessmentId: id, year: a.period.year, cutoffAt: a.period.cutoffAt };
  }
  const year = existing.year;
  const cutoffAt = existing.cutoff_at;
  if (!existing.frozen_at) {
    await db.updateTable('assessments').set({ score: a.sheet.score, details: JSON.stringify(a.sheet) }).where('id', '=', existing.id).execute();
    await audit(db, by, 'rescore', 'assessments', existing.id, { score: a.sheet.score, reason: a.reason });
    return { kind: 'rescored', assessmentId: existing.id, year, cutoffAt };
  }
  const updateId = randomUUID();
  await db.insertInto('assessment_updates').values({
    id: updateId, assessment_id: existing.id, score: a.sheet.score, details: JSON.stringify(a.sheet), reason: a.reason, recorded_at: by.at,
  }).execute();
  await audit(db, by, 'update-after-cutoff', 'assessments', existing.id, { score: a.sheet.score, reason: a.reason, updateId });
  return { kind: 'updated-after-cutoff', assessmentId: existing.id, year, cutoffAt, updateId };
}

/**
 * Freezes the year's assessment: every entry of the year whose cut-off has come (`by.at`) keeps the score known
 * now. Entries already frozen stay as they are, so the cut-off may fire more than once.
 */
export async function freezeAssessmentYear(db: Db, by: Actor, year: number): Promise<{ frozen: number }> {
  const due = await db.selectFrom('assessments').select(['id', 'score', 'cutoff_at']).where('year', '=', year).where('frozen_at', 'is', null).execute();
  const now = Date.parse(by.at);
  const ids = due.filter((r) => r.cutoff_at !== null && Date.parse(r.cutoff_at) <= now).map((r) => r.id);
  if (ids.length === 0) return { frozen: 0 };
  await db.updateTable('assessments').set({ frozen_at: by.at }).where('id', 'in', ids).execute();
  await audit(db, by, 'freeze', 'assessments', String(year), { year, entries: ids.length });
  return { frozen: ids.length };
}

export interface AssessmentRow {
  id: string;
  inspectionId: string;
  unitCode: string;
  unitName: string;
  teamName: string | null;
  score: number;
  grade: string;
  items: { item: string; points: number }[];
  scoredAt: string;
  cutoffAt: string | null;
  frozenAt: string | null;
  updates: { score: number; grade: string; reason: string; recordedAt: string }[];
}

const sheetOf = (details: string): Partial<ScoredSheet> => {
  try {
    return JSON.parse(details) as Partial<ScoredSheet>;
  } catch {
    return {};
  }
};

/** The years the register holds, newest first. */
export async function assessmentYears(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('assessments').select('year').distinct().where('year', 'is not', null).orderBy('year', 'desc').execute();
  return rows.map((r) => r.year!);
}

/** Each unit's results of one assessment year, by unit name, with the updates after the cut-off in order. */
export async function assessmentRegister(db: Db, year: number): Promise<AssessmentRow[]> {
  const rows = await db.selectFrom('assessments')
    .innerJoin('units', 'units.code', 'assessments.unit_code')
    .leftJoin('inspections', 'inspections.id', 'assessments.inspection_id')
    .leftJoin('teams', 'teams.id', 'inspections.team_id')
    .select(['assessments.id', 'assessments.inspection_id', 'assessments.unit_code', 'units.name as unit_name', 'teams.name as team_name',
      'assessments.score', 'assessments.details', 'assessments.created_at', 'assessments.cutoff_at', 'assessments.frozen_at'])
    .where('assessments.year', '=', year).orderBy('units.name').orderBy('assessments.created_at').execute();
  const updates = rows.length === 0 ? [] : await db.selectFrom('assessment_updates').selectAll()
    .where('assessment_id', 'in', rows.map((r) => r.id)).orderBy('recorded_at').orderBy('id').execute();
  return rows.map((r) => {
    const sheet = sheetOf(r.details);
    return {
      id: r.id, inspectionId: r.inspection_id, unitCode: r.unit_code, unitName: r.unit_name, teamName: r.team_name ?? null,
      score: r.score, grade: sheet.grade ?? '', items: sheet.items ?? [], scoredAt: r.created_at, cutoffAt: r.cutoff_at, frozenAt: r.frozen_at,
      updates: updates.filter((u) => u.assessment_id === r.id)
        .map((u) => ({ score: u.score, grade: sheetOf(u.details).grade ?? '', reason: u.reason, recordedAt: u.recorded_at })),
    };
  });
}
