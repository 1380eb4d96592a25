import { randomUUID } from 'node:crypto';
import { audit, type Actor } from '../audit';
import { type Db } from '../connect';

/** Assessments (考核评分), public announcements (社会公告) and follow-up samples (回头看抽查). */
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
