import { randomUUID } from 'node:crypto';
import { audit, type Actor } from '../audit';
import { type Db } from '../connect';

/** Assessments (考核评分), public announcements (社会公告) and follow-up samples (回头看抽查). */
export async function recordAssessment(db: Db, by: Actor, a: { inspectionId: string; unitCode: string; score: number; details: unknown }): Promise<string> {
  const id = randomUUID();
  await db.insertInto('assessments').values({
    id, inspection_id: a.inspectionId, unit_code: a.unitCode, score: a.score, details: JSON.stringify(a.details), created_at: by.at,
  }).execute();
  await audit(db, by, 'score', 'assessments', id, { inspectionId: a.inspectionId, score: a.score });
  return id;
}

export async function rescoreAssessment(db: Db, by: Actor, id: string, score: number, details: unknown): Promise<void> {
  await db.updateTable('assessments').set({ score, details: JSON.stringify(details) }).where('id', '=', id).execute();
  await audit(db, by, 'rescore', 'assessments', id, { score });
}

export async function assessmentOf(db: Db, inspectionId: string) {
  return db.selectFrom('assessments').selectAll().where('inspection_id', '=', inspectionId).executeTakeFirst();
}

export async function publishAnnouncement(db: Db, by: Actor, a: { kind: string; title: string; body: string; subject: string }): Promise<string> {
  const id = randomUUID();
  await db.insertInto('announcements').values({ id, ...a, published_at: by.at }).execute();
  await audit(db, by, 'publish', 'announcements', id, { kind: a.kind, subject: a.subject, title: a.title });
  return id;
}

export async function recordSample(db: Db, by: Actor, s: { month: string; seed: string; units: string[] }): Promise<void> {
  await db.insertInto('samples').values({ month: s.month, seed: s.seed, units: JSON.stringify(s.units), created_at: by.at }).execute();
  await audit(db, by, 'draw', 'samples', s.month, { seed: s.seed, units: s.units });
}

export async function sampleOf(db: Db, month: string): Promise<{ month: string; seed: string; units: string[] } | undefined> {
  const row = await db.selectFrom('samples').selectAll().where('month', '=', month).executeTakeFirst();
  return row ? { month: row.month, seed: row.seed, units: JSON.parse(row.units) as string[] } : undefined;
}
