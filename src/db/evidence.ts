import { randomUUID } from 'node:crypto';
import { audit, type Actor } from './audit';
import { type Db } from './connect';
import { lockSequence } from './locks';
import { sha256Hex, type ContentStore } from './content-store';
import { type EvidenceTable } from './schema';

/**
 * The evidence archive (音像视频摄录, 存档备用): files are stored content-addressed (SHA-256) and every record
 * is linked to the one before by a hash chain: chain_hash = SHA-256(prev_hash | the record's fields). Changing a
 * file, a field, or removing a record breaks the chain, and verifyEvidenceChain says where. The table itself
 * refuses UPDATE and DELETE; the unique prev_hash keeps two writers from forking the chain.
 * Who may see a record: src/db/web-queries.ts (evidence of complaint checks and 暗访 never reaches the unit).
 */
export type EvidenceRecord = Omit<EvidenceTable, 'seq'> & { seq: number };

export interface NewEvidence {
  /** The file: its bytes, or the path of a file on disk (an upload), which moves into the archive. */
  content: Buffer | { path: string };
  kind: 'photo' | 'audio' | 'video' | 'scan' | 'document';
  fileName: string;
  mediaType: string;
  capturedBy: string;
  capturedAt: string;
  location?: string | null;
  inspectionId?: string | null;
  problemId?: string | null;
  /**
   * `unit` when the inspected unit may see it, `department:<code>` when the department that filed it on its handover
   * task may; need-to-know (the team and the office) by default.
   */
  audience?: `department:${string}` | 'unit' | null;
}

const EXT: Record<string, string> = {
  'image/jpeg': '.jpg', 'image/png': '.png', 'audio/mpeg': '.mp3', 'audio/mp4': '.m4a', 'video/mp4': '.mp4', 'application/pdf': '.pdf',
};

type Chained = Omit<EvidenceRecord, 'seq' | 'chain_hash'>;
function chainHash(r: Chained): string {
  const fields = [r.prev_hash, r.id, r.sha256, r.inspection_id ?? '', r.problem_id ?? '', r.kind, r.file_name, r.media_type,
    String(r.size), r.captured_by, r.captured_at, r.location ?? '', r.stored_at];
  // records from before the audience existed hash without it; a set audience is part of the chain
  if (r.audience !== null) fields.push(r.audience);
  return sha256Hex(JSON.stringify(fields));
}

export async function addEvidence(db: Db, archive: ContentStore, by: Actor, e: NewEvidence): Promise<EvidenceRecord> {
  const ext = EXT[e.mediaType] ?? '';
  const stored = Buffer.isBuffer(e.content) ? await archive.put('evidence', e.content, ext) : await archive.putFile('evidence', e.content.path, ext);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        await lockSequence(trx, 'evidence-chain');
        const last = await trx.selectFrom('evidence').select(['chain_hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
        const record: Chained = {
          id: randomUUID(), sha256: stored.sha256, prev_hash: last?.chain_hash ?? '', inspection_id: e.inspectionId ?? null,
          problem_id: e.problemId ?? null, kind: e.kind, file_name: e.fileName, media_type: e.mediaType, size: stored.size,
          captured_by: e.capturedBy, captured_at: e.capturedAt, location: e.location ?? null, stored_at: by.at,
          audience: e.audience ?? null,
        };
        const chain_hash = chainHash(record);
        const { seq } = await trx.insertInto('evidence').values({ ...record, chain_hash }).returning('seq').executeTakeFirstOrThrow();
        await audit(trx, by, 'archive', 'evidence', record.id, { sha256: stored.sha256, kind: e.kind, inspectionId: e.inspectionId ?? null });
        return { ...record, chain_hash, seq: Number(seq) };
      });
    } catch (err) {
      if (attempt < 5 && /unique|duplicate/i.test(String((err as Error).message))) continue;
      throw err;
    }
  }
}

export async function evidenceOf(db: Db, filter: { inspectionId?: string; problemId?: string }): Promise<EvidenceRecord[]> {
  let q = db.selectFrom('evidence').selectAll().orderBy('seq');
  if (filter.inspectionId) q = q.where('inspection_id', '=', filter.inspectionId);
  if (filter.problemId) q = q.where('problem_id', '=', filter.problemId);
  return (await q.execute()).map((r) => ({ ...r, seq: Number(r.seq) }));
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** First record found broken, with the reason. */
  broken?: { seq: number; id: string; reason: string };
}

/** Walks the whole chain, re-hashing every record and every archived file. */
export async function verifyEvidenceChain(db: Db, archive: ContentStore): Promise<ChainReport> {
  const rows = await db.selectFrom('evidence').selectAll().orderBy('seq').execute();
  let prev = '';
  for (const [i, raw] of rows.entries()) {
    const r = { ...raw, seq: Number(raw.seq) };
    const fail = (reason: string): ChainReport => ({ ok: false, checked: i, broken: { seq: r.seq, id: r.id, reason } });
    if (r.prev_hash !== prev) return fail('链接断开：前一条记录缺失或被改动');
    if (chainHash(r) !== r.chain_hash) return fail('记录内容与链哈希不符');
    if (!(await archive.verify(join(r), r.sha256))) return fail('证据文件缺失或内容被改动');
    prev = r.chain_hash;
  }
  return { ok: true, checked: rows.length };
}

const join = (r: { sha256: string; media_type: string }) => `evidence/${r.sha256.slice(0, 2)}/${r.sha256}${EXT[r.media_type] ?? ''}`;
