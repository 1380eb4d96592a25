import { z } from 'zod';
import { audit } from '../src/db/audit';
import { documentsAbout } from '../src/db/documents';
import { once } from '../src/db/effects';
import { getInspection, inspectionEscalations, latestReviewAccepted, problemsOf } from '../src/db/registers/inspections';
import { freezeAssessmentYear, scoreIntoAssessment } from '../src/db/assessment-register';
import { assessmentOf } from '../src/db/registers/publications';
import { inspectionScoreInput, scoreUnit } from '../src/domain/assessment';
import { COPY_OFFICES } from '../src/domain/disposal';
import { assessmentPeriodAt, parseCutoffs } from '../src/domain/assessment-cutoff';
import { issueOfficialDocument } from './documents/issue';
import { defineWorker, InputError } from './runtime/types';

/**
 * yc-assessment: `score` puts the unit's score sheet into the performance assessment (one per inspection) of the
 * year whose cut-off is still ahead, and answers that year and cut-off; after the cut-off a score is kept as an
 * update beside the frozen one. `freeze` freezes the year's assessment at its cut-off. `copy` issues the 巡查结果通报
 * with copies to 区委组织部, 区委政法委 (综治办) and 区文明办.
 */
export const headers = z.object({ action: z.enum(['score', 'copy', 'freeze']) });
export const input = z.object({
  inspectionId: z.string().min(1).optional(),
  assessmentYear: z.number().int().min(2000).max(2200).optional(),
}).refine((v) => v.inspectionId !== undefined || v.assessmentYear !== undefined, { message: 'expected inspectionId or assessmentYear' });

/** What a score follows, by the process that asks for it (shown in the register beside each update). */
const SCORE_REASONS: Record<string, string> = {
  'inspection-results': '巡查结果评分',
  'problem-case': '问题销号',
  'rectification-case': '整改审核',
  'escalation-ladder': '通报批评',
};

export default defineWorker({
  type: 'yc-assessment',
  description: '考核评分与结果抄送',
  input,
  headers,
  async handle({ input: { inspectionId, assessmentYear }, headers: h, deps, effectKey, actor, job }) {
    return once(deps.db, `${effectKey}:${h.action}`, actor.at, async (db) => {
      if (h.action === 'freeze') {
        if (assessmentYear === undefined) throw new InputError('freeze needs assessmentYear');
        return { assessmentYear, ...(await freezeAssessmentYear(db, actor, assessmentYear)) };
      }
      if (inspectionId === undefined) throw new InputError(`${h.action} needs inspectionId`);
      const inspection = await getInspection(db, inspectionId);
      if (!inspection) throw new InputError(`no inspection ${inspectionId}`);
      if (h.action === 'score') {
        const problems = await problemsOf(db, inspectionId);
        const sheet = scoreUnit(inspectionScoreInput(problems.map((p) => ({ severity: p.severity, escalationLevel: p.escalation_level })),
          await inspectionEscalations(db, inspectionId), await latestReviewAccepted(db, inspectionId)));
        const period = assessmentPeriodAt(parseCutoffs(deps.settings.assessmentCutoff ?? ''), new Date(actor.at));
        const outcome = await scoreIntoAssessment(db, actor, {
          inspectionId, unitCode: inspection.unit_code, sheet, period, reason: SCORE_REASONS[job.bpmnProcessId] ?? '重新评分',
        });
        return {
          assessmentId: outcome.assessmentId, score: sheet.score, grade: sheet.grade,
          assessmentYear: outcome.year, assessmentCutoffAt: outcome.cutoffAt, updatedAfterCutoff: outcome.kind === 'updated-after-cutoff',
        };
      }
      // The diagram may have issued the bulletin already (yc-document results-bulletin): copy that one, not a second.
      const doc = (await documentsAbout(db, `inspection:${inspectionId}`)).find((d) => d.doc_type === 'results-bulletin')
        ?? await issueOfficialDocument(db, deps.archive, actor, 'results-bulletin', { inspectionId });
      await audit(db, actor, 'copy-results', 'inspections', inspectionId, { docNo: doc.doc_no, to: COPY_OFFICES });
      const assessment = await assessmentOf(db, inspectionId);
      return { assessmentId: assessment?.id ?? null, score: assessment?.score ?? null, resultsBulletinDocumentId: doc.id, resultsBulletinDocumentNo: doc.doc_no };
    });
  },
});
