import { z } from 'zod';
import { once } from '../src/db/effects';
import { getProblem, updateProblem } from '../src/db/registers/inspections';
import { publishAnnouncement } from '../src/db/registers/publications';
import { getHazard, listHazard, recordAcceptance, recordExtension, recordProgress, updateHazard, type Hazard } from '../src/db/registers/supervision';
import { addWorkingDays, chinaDate, endOfDay, toDateOnly, addMonthsRaw } from '../src/domain/calendar';
import { composeDocument } from './documents/content';
import { issueOfficialDocument } from './documents/issue';
import { BpmnError, defineWorker, InputError } from './runtime/types';

/**
 * yc-hazard (挂牌督办): list (五落实 + 挂牌督办通知书), publish, monthly progress, extension (apply ≥ 20 working
 * days before the deadline, total ≤ 1 year), acceptance, 销号 and publication of the 销号.
 */
export const headers = z.object({ action: z.enum(['list', 'publish', 'progress', 'extend', 'accept', 'delist', 'publish-delisting']) });
export const input = z.object({
  hazardId: z.string().optional(),
  problemId: z.string().optional(),
  hazard: z.object({
    name: z.string().min(1).optional(),
    unitCode: z.string().optional(),
    enterpriseCode: z.string().optional(),
    standardRef: z.string().optional(),
    responsible: z.string().optional(),
    measures: z.string().optional(),
    funds: z.string().optional(),
    rectifyDue: z.string().optional(),
    emergencyPlan: z.string().optional(),
  }).optional(),
  progress: z.object({ percent: z.number().min(0).max(100), text: z.string().min(1) }).optional(),
  extension: z.object({ requestedDue: z.string().min(10), reason: z.string().min(1), approved: z.boolean().default(true) }).optional(),
  acceptance: z.object({ passed: z.boolean(), opinion: z.string().default('') }).optional(),
});

const EXTENSION_NOTICE_WORKING_DAYS = 20;
const MAX_LISTING_MONTHS = 12;

export default defineWorker({
  type: 'yc-hazard',
  description: '重大事故隐患挂牌督办：挂牌、公告、月报、延期、验收、销号',
  input,
  headers,
  async handle({ input: v, headers: h, deps, effectKey, actor }) {
    const key = `${effectKey}:${h.action}`;
    const publishDue = endOfDay(addWorkingDays(chinaDate(actor.at), 5));
    if (h.action === 'list') {
      return once(deps.db, key, actor.at, async (db) => {
        const problem = v.problemId ? await getProblem(db, v.problemId) : undefined;
        if (v.problemId && !problem) throw new InputError(`no problem ${v.problemId}`);
        const name = v.hazard?.name ?? problem?.description;
        const unitCode = v.hazard?.unitCode ?? problem?.unit_code;
        if (!name || !unitCode) throw new InputError('a hazard needs a name and a unit (hazard.name/unitCode or problemId)');
        const hazardId = await listHazard(db, actor, {
          name, unit_code: unitCode, problem_id: problem?.id ?? null, enterprise_code: v.hazard?.enterpriseCode ?? problem?.enterprise_code ?? null,
          industry: problem?.industry ?? null, standard_ref: v.hazard?.standardRef ?? problem?.legal_basis ?? null,
          responsible: v.hazard?.responsible ?? null, measures: v.hazard?.measures ?? null, funds: v.hazard?.funds ?? null,
          rectify_due: v.hazard?.rectifyDue ?? problem?.due ?? null, emergency_plan: v.hazard?.emergencyPlan ?? null,
        });
        const doc = await issueOfficialDocument(db, deps.archive, actor, 'listing-notice', { hazardId });
        await updateHazard(db, actor, hazardId, 'listing-notice', { listing_no: doc.doc_no });
        if (problem) await updateProblem(db, actor, problem.id, 'list', { status: 'listed', route: 'listing' });
        const hz = (await getHazard(db, hazardId))!;
        return { hazardId, listingNo: doc.doc_no, rectifyDue: hz.rectify_due, publishDue };
      });
    }
    const hazard = v.hazardId ? await getHazard(deps.db, v.hazardId) : undefined;
    if (!hazard) throw new InputError(v.hazardId ? `no hazard ${v.hazardId}` : 'hazardId is required');
    const out = (hz: Hazard, extra: Record<string, unknown> = {}) => ({ hazardId: hz.id, listingNo: hz.listing_no, rectifyDue: hz.rectify_due, ...extra });

    switch (h.action) {
      case 'publish':
      case 'publish-delisting':
        return once(deps.db, key, actor.at, async (db) => {
          const delisting = h.action === 'publish-delisting';
          const doc = await composeDocument(db, 'public-announcement', { hazardId: hazard.id, kind: delisting ? 'delisting' : 'listing' });
          const announcementId = await publishAnnouncement(db, actor, { kind: delisting ? 'delisting' : 'listing', title: doc.title,
            body: doc.paragraphs.join('\n'), subject: `hazard:${hazard.id}` });
          await updateHazard(db, actor, hazard.id, h.action, delisting ? { status: 'PUBLISHED_CLOSED' } : { status: 'PUBLISHED', published_at: actor.at });
          return out(hazard, { announcementId });
        });
      case 'progress':
        return once(deps.db, key, actor.at, async (db) => {
          if (!v.progress) throw new InputError('progress {percent, text} is required');
          await recordProgress(db, actor, hazard.id, v.progress.percent, v.progress.text);
          await updateHazard(db, actor, hazard.id, 'rectifying', { status: 'RECTIFYING' });
          return out(hazard);
        });
      case 'extend': {
        const decision = await once(deps.db, key, actor.at, async (db) => {
          const e = v.extension;
          if (!e) throw new InputError('extension {requestedDue, reason, approved} is required');
          const reason = refusal(hazard, e.requestedDue, e.approved, chinaDate(actor.at));
          await recordExtension(db, actor, hazard.id, { requestedDue: e.requestedDue, reason: e.reason, approved: !reason });
          if (reason) return { refused: reason };
          const due = endOfDay(toDateOnly(e.requestedDue));
          await updateHazard(db, actor, hazard.id, 'extended', { rectify_due: due });
          return { refused: null, rectifyDue: due };
        });
        if (decision.refused) throw new BpmnError('EXTENSION_REFUSED', decision.refused, { hazardId: hazard.id });
        return out(hazard, { rectifyDue: decision.rectifyDue });
      }
      case 'accept': {
        const passed = await once(deps.db, key, actor.at, async (db) => {
          if (!v.acceptance) throw new InputError('acceptance {passed, opinion} is required');
          await recordAcceptance(db, actor, hazard.id, v.acceptance.passed, v.acceptance.opinion);
          if (v.acceptance.passed) await updateHazard(db, actor, hazard.id, 'accepted', { status: 'ACCEPTED' });
          return v.acceptance.passed;
        });
        if (!passed) throw new BpmnError('ACCEPTANCE_FAILED', `验收未通过：${v.acceptance?.opinion ?? ''}`, { hazardId: hazard.id });
        return out(hazard);
      }
      case 'delist':
        return once(deps.db, key, actor.at, async (db) => {
          await updateHazard(db, actor, hazard.id, 'delist', { status: 'DELISTED', delisted_at: actor.at });
          if (hazard.problem_id) await updateProblem(db, actor, hazard.problem_id, 'delist', { status: 'resolved' });
          return out(hazard, { publishDue });
        });
    }
  },
});

/** Why an extension is refused (青岛 practice), or null when it may be granted. */
function refusal(hazard: Hazard, requestedDue: string, approved: boolean, today: string): string | null {
  if (!approved) return '挂牌督办单位不同意延期。';
  if (hazard.rectify_due) {
    const due = toDateOnly(hazard.rectify_due);
    if (addWorkingDays(today, EXTENSION_NOTICE_WORKING_DAYS) > due) return `延期申请应在整改期限（${due}）前${EXTENSION_NOTICE_WORKING_DAYS}个工作日以上提出。`;
    if (toDateOnly(requestedDue) <= due) return '申请的新期限应晚于原整改期限。';
  }
  const limit = addMonthsRaw(chinaDate(hazard.listed_at), MAX_LISTING_MONTHS);
  if (toDateOnly(requestedDue) > limit) return `挂牌督办整改期限最长不超过一年（${limit}）。`;
  return null;
}
