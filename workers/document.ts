import { z } from 'zod';
import { once } from '../src/db/effects';
import { DOC_TYPES, type DocType } from './documents/content';
import { issueOfficialDocument } from './documents/issue';
import { camel } from './documents/names';
import { defineWorker } from './runtime/types';

/**
 * yc-document: issues one official document (DOCX, GB/T 9704-2012 layout) with the next 文号 of its issuer,
 * archived with its SHA-256. Writes `<docType camelCase>DocumentId` and `…DocumentNo`.
 */
export const headers = z.object({ docType: z.enum(Object.keys(DOC_TYPES) as [DocType, ...DocType[]]) });
// The diagrams map absent ids as null (e.g. the escalation ladder's problemId for a whole inspection).
const id = z.string().nullish().transform((v) => v ?? undefined);
export const input = z.object({
  planId: id,
  inspectionId: id,
  problemId: id,
  hazardId: id,
  handoverId: id,
  talkId: id,
  departmentCode: id,
  resultDue: id,
  rectificationDue: id,
  announcementKind: id,
  period: id,
});


export default defineWorker({
  type: 'yc-document',
  description: '公文生成：文号、GB/T 9704 版式、归档与哈希',
  input,
  headers,
  async handle({ input: v, headers: h, deps, effectKey, actor }) {
    return once(deps.db, `${effectKey}:${h.docType}`, actor.at, async (db) => {
      const doc = await issueOfficialDocument(db, deps.archive, actor, h.docType, { ...v, kind: v.announcementKind });
      const name = camel(h.docType);
      return { [`${name}DocumentId`]: doc.id, [`${name}DocumentNo`]: doc.doc_no };
    });
  },
});
