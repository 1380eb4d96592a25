import { z } from 'zod';
import { audit } from '../src/db/audit';
import { documentsAbout } from '../src/db/documents';
import { once } from '../src/db/effects';
import { getInspection, problemsOf } from '../src/db/registers/inspections';
import { assessmentOf, recordAssessment, rescoreAssessment } from '../src/db/registers/publications';
import { scoreUnit } from '../src/domain/assessment';
import { issueOfficialDocument } from './documents/issue';
import { defineWorker, InputError } from './runtime/types';

/**
 * yc-assessment: `score` puts the unit's score sheet into the performance assessment (one per inspection);
 * `copy` issues the 巡查结果通报 with copies to 区委组织部, 区委政法委 (综治办) and 区文明办.
 */
export const headers = z.object({ action: z.enum(['score', 'copy']) });
export const input = z.object({ inspectionId: z.string().min(1) });

export default defineWorker({
  type: 'yc-assessment',
  description: '考核评分与结果抄送',
  input,
  headers,
  async handle({ input: { inspectionId }, headers: h, deps, effectKey, actor }) {
    return once(deps.db, `${effectKey}:${h.action}`, actor.at, async (db) => {
      const inspection = await getInspection(db, inspectionId);
      if (!inspection) throw new InputError(`no inspection ${inspectionId}`);
      if (h.action === 'score') {
        const problems = await problemsOf(db, inspectionId);
        const review = await db.selectFrom('reviews').innerJoin('rectifications', 'rectifications.id', 'reviews.rectification_id')
          .select('reviews.accepted').where('rectifications.inspection_id', '=', inspectionId).orderBy('reviews.reviewed_at', 'desc').executeTakeFirst();
        // Escalations of the whole inspection's rectification count like a problem's (通报 deducts points).
        const inspectionSteps = await db.selectFrom('audit_log').select('seq').where('entity', '=', 'inspections')
          .where('entity_id', '=', inspectionId).where('action', 'like', 'escalate:%').execute();
        const sheet = scoreUnit({
          problems: [...problems.map((p) => ({ severity: p.severity, escalationLevel: p.escalation_level })),
            ...(inspectionSteps.length > 0 ? [{ severity: '', escalationLevel: inspectionSteps.length }] : [])],
          rectificationAccepted: review ? review.accepted === 1 : true,
        });
        const existing = await assessmentOf(db, inspectionId);
        // Scored again (e.g. after an escalation step): the sheet is replaced, the audit log keeps the earlier one.
        const assessmentId = existing
          ? (await rescoreAssessment(db, actor, existing.id, sheet.score, sheet), existing.id)
          : await recordAssessment(db, actor, { inspectionId, unitCode: inspection.unit_code, score: sheet.score, details: sheet });
        return { assessmentId, score: sheet.score, grade: sheet.grade };
      }
      // The diagram may have issued the bulletin already (yc-document results-bulletin): copy that one, not a second.
      const doc = (await documentsAbout(db, `inspection:${inspectionId}`)).find((d) => d.doc_type === 'results-bulletin')
        ?? await issueOfficialDocument(db, deps.archive, actor, 'results-bulletin', { inspectionId });
      await audit(db, actor, 'copy-results', 'inspections', inspectionId, { docNo: doc.doc_no, to: ['区委组织部', '区委政法委', '区文明办'] });
      const assessment = await assessmentOf(db, inspectionId);
      return { assessmentId: assessment?.id ?? null, score: assessment?.score ?? null, resultsBulletinDocumentId: doc.id, resultsBulletinDocumentNo: doc.doc_no };
    });
  },
});
