import { z } from 'zod';
import { once } from '../src/db/effects';
import { getProblem, updateProblem } from '../src/db/registers/inspections';
import { assignListingNo, getHazard, listHazard, recordAcceptance, recordExtension, recordProgress, updateHazard, type Hazard } from '../src/db/registers/supervision';
import { workCalendar } from '../src/db/calendar';
import { chinaDate, endOfDay, toDateOnly } from '../src/domain/calendar';
import { extensionRefusal, listingRecord, publicationDue } from '../src/domain/listing';
import { issueOfficialDocument } from './documents/issue';
import { defineWorker, InputError } from './runtime/types';

/**
 * yc-hazard (挂牌督办): list (五落实 and the listing number; the 挂牌督办通知书 comes from yc-document), publish, monthly progress, extension (apply ≥ 20 working
 * days before the deadline, total ≤ 1 year), acceptance, 销号 and publication of the 销号. A refused extension or a failed
 * acceptance is an outcome the diagram branches on (extensionGranted, acceptancePassed), not an error.
 */
export const headers = z.object({ action: z.enum(['list', 'publish', 'progress', 'extend', 'accept', 'delist', 'publish-delisting']) });
export const input = z.object({
  hazardId: z.string().nullish().transform((v) => v ?? undefined),
  problemId: z.string().nullish().transform((v) => v ?? undefined),
  /** 五落实 of the listing-decision form as the diagram maps it; name, unit and standard default to the problem's. */
  hazard: z.object({
    name: z.string().min(1).nullish(),
    unitCode: z.string().nullish(),
    responsiblePerson: z.string().nullish(),
    caseLeader: z.string().nullish(),
    measures: z.string().nullish(),
    /** 万元 */
    funds: z.number().nullish(),
    deadline: z.string().nullish(),
    emergencyPlan: z.string().nullish(),
    stopProduction: z.boolean().nullish(),
  }).optional(),
  progress: z.object({ percent: z.number().min(0).max(100), text: z.string().min(1) }).loose().optional(),
  /** The unit's request (the extension-requested message) with the committee's decision, as the diagram maps them. */
  extension: z.object({
    requestedDue: z.string().min(10),
    reason: z.string().min(1),
    decision: z.enum(['grant', 'refuse']),
    /** The deadline the committee sets; the requested one when it sets none. */
    newDeadline: z.string().min(10).nullish(),
    opinion: z.string().nullish(),
  }).optional(),
  /** The acceptance form as the diagram maps it. */
  acceptance: z.object({
    passed: z.boolean(),
    opinion: z.string(),
    acceptedOn: z.string().nullish(),
    experts: z.string().nullish(),
    fundsSpent: z.number().nullish(),
  }).optional(),
});

export default defineWorker({
  type: 'yc-hazard',
  description: '重大事故隐患挂牌督办：挂牌、公告、月报、延期、验收、销号',
  input,
  headers,
  async handle({ input: v, headers: h, deps, effectKey, actor }) {
    const key = `${effectKey}:${h.action}`;
    const calendar = await workCalendar(deps.db);
    const publishDue = endOfDay(publicationDue(calendar, chinaDate(actor.at)));
    if (h.action === 'list') {
      return once(deps.db, key, actor.at, async (db) => {
        const problem = v.problemId ? await getProblem(db, v.problemId) : undefined;
        if (v.problemId && !problem) throw new InputError(`no problem ${v.problemId}`);
        const listing = listingRecord(v.hazard, problem);
        if (!listing) throw new InputError('a hazard needs a name and a unit (hazard.name/unitCode or problemId)');
        const hazardId = await listHazard(db, actor, listing);
        const listingNo = await assignListingNo(db, actor, hazardId, Number(chinaDate(actor.at).slice(0, 4)));
        if (problem) await updateProblem(db, actor, problem.id, 'list', { status: 'listed', route: 'listing' });
        const hz = (await getHazard(db, hazardId))!;
        return { hazardId, listingNo, rectifyDue: hz.rectify_due, publishDue };
      });
    }
    const hazard = v.hazardId ? await getHazard(deps.db, v.hazardId) : undefined;
    if (!hazard) throw new InputError(v.hazardId ? `no hazard ${v.hazardId}` : 'hazardId is required');
    const out = (hz: Hazard, extra: Record<string, unknown> = {}) => ({ hazardId: hz.id, listingNo: hz.listing_no, rectifyDue: hz.rectify_due, ...extra });

    switch (h.action) {
      case 'publish':
      case 'publish-delisting':
        // The register records the publication; the notice-board entry itself is yc-announce's.
        return once(deps.db, key, actor.at, async (db) => {
          const delisting = h.action === 'publish-delisting';
          await updateHazard(db, actor, hazard.id, h.action, delisting ? { status: 'PUBLISHED_CLOSED' } : { status: 'PUBLISHED', published_at: actor.at });
          return out(hazard);
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
          if (!e) throw new InputError('extension {requestedDue, reason, decision} is required');
          const requestedDue = e.newDeadline ?? e.requestedDue;
          const reason = extensionRefusal(calendar, {
            granted: e.decision === 'grant', opinion: e.opinion, requestedDue, rectifyDue: hazard.rectify_due, listedAt: hazard.listed_at, today: chinaDate(actor.at),
          });
          await recordExtension(db, actor, hazard.id, { requestedDue, reason: e.reason, approved: !reason });
          if (reason) return { refused: reason };
          const due = endOfDay(toDateOnly(requestedDue));
          await updateHazard(db, actor, hazard.id, 'extended', { rectify_due: due });
          return { refused: null, rectifyDue: due };
        });
        if (decision.refused) return out(hazard, { extensionGranted: false, extensionRefusal: decision.refused });
        return out(hazard, { rectifyDue: decision.rectifyDue, extensionGranted: true, extensionRefusal: null });
      }
      case 'accept': {
        const passed = await once(deps.db, key, actor.at, async (db) => {
          const a = v.acceptance;
          if (!a) throw new InputError('acceptance {passed, opinion} is required');
          await recordAcceptance(db, actor, hazard.id, a.passed, a.opinion, {
            acceptedOn: a.acceptedOn ?? null, experts: a.experts ?? null, fundsSpent: a.fundsSpent == null ? null : `${a.fundsSpent}万元`,
          });
          if (a.passed) await updateHazard(db, actor, hazard.id, 'accepted', { status: 'ACCEPTED' });
          const doc = await issueOfficialDocument(db, deps.archive, actor, 'acceptance-decision', { hazardId: hazard.id });
          return { passed: a.passed, acceptanceDecisionDocumentId: doc.id, acceptanceDecisionDocumentNo: doc.doc_no };
        });
        return out(hazard, { acceptancePassed: passed.passed, acceptanceDecisionDocumentId: passed.acceptanceDecisionDocumentId,
          acceptanceDecisionDocumentNo: passed.acceptanceDecisionDocumentNo });
      }
      case 'delist':
        return once(deps.db, key, actor.at, async (db) => {
          await updateHazard(db, actor, hazard.id, 'delist', { status: 'DELISTED', delisted_at: actor.at });
          if (hazard.problem_id) await updateProblem(db, actor, hazard.problem_id, 'delist', { status: 'resolved' });
          const doc = await issueOfficialDocument(db, deps.archive, actor, 'delisting-decision', { hazardId: hazard.id });
          return out(hazard, { publishDue, delistingDecisionDocumentId: doc.id, delistingDecisionDocumentNo: doc.doc_no });
        });
    }
  },
});
