import { randomUUID } from 'node:crypto';
import { audit, type Actor } from './audit';
import { type Db } from './connect';
import { lockSequence } from './locks';
import { type DocumentTable } from './schema';

export type DocumentRecord = DocumentTable;

export interface NewDocument {
  docType: string;
  issuer: string;
  year: number;
  title: string;
  subject: string;
  /** Renders the numbered document; returns where it was stored and its hash. */
  store(docNo: string, seq: number): Promise<{ path: string; sha256: string; size: number }>;
  formatNo(issuer: string, year: number, seq: number): string;
}

/**
 * Numbers and records a document in one transaction: the next 文号 of that issuer and year is the highest so
 * far plus one, so numbers have no gaps (a failed render rolls the number back). Concurrent writers on
 * PostgreSQL collide on the unique (issuer, year, seq) and retry with the next number.
 */
export async function issueDocument(db: Db, by: Actor, doc: NewDocument): Promise<DocumentRecord> {
  // Inside a caller's transaction (an idempotent job) the caller's transaction decides; a collision fails it.
  if (db.isTransaction) return issueIn(db, by, doc);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute((trx) => issueIn(trx, by, doc));
    } catch (err) {
      if (attempt < 5 && /unique|duplicate/i.test(String((err as Error).message))) continue;
      throw err;
    }
  }
}

async function issueIn(trx: Db, by: Actor, doc: NewDocument): Promise<DocumentRecord> {
  await lockSequence(trx, `documents:${doc.issuer}:${doc.year}`);
  const last = await trx.selectFrom('documents').select((eb) => eb.fn.max('seq').as('seq'))
    .where('issuer', '=', doc.issuer).where('year', '=', doc.year).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const docNo = doc.formatNo(doc.issuer, doc.year, seq);
  const stored = await doc.store(docNo, seq);
  const row: DocumentRecord = {
    id: randomUUID(), doc_type: doc.docType, issuer: doc.issuer, year: doc.year, seq, doc_no: docNo,
    title: doc.title, subject: doc.subject, path: stored.path, sha256: stored.sha256, size: stored.size,
    created_at: by.at,
  };
  await trx.insertInto('documents').values(row).execute();
  await audit(trx, by, 'issue', 'documents', row.id, { docNo, docType: doc.docType, sha256: stored.sha256 });
  return row;
}

export async function getDocument(db: Db, id: string): Promise<DocumentRecord | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function documentsAbout(db: Db, subject: string): Promise<DocumentRecord[]> {
  return db.selectFrom('documents').selectAll().where('subject', '=', subject).orderBy('created_at').execute();
}

/** The register of documents (文件登记簿), newest first, optionally of one type or year. */
export async function documentRegister(db: Db, filter: { docType?: string; year?: number } = {}): Promise<DocumentRecord[]> {
  let q = db.selectFrom('documents').selectAll().orderBy('year', 'desc').orderBy('issuer').orderBy('seq', 'desc');
  if (filter.docType) q = q.where('doc_type', '=', filter.docType);
  if (filter.year) q = q.where('year', '=', filter.year);
  return q.execute();
}
