import { z } from 'zod';
import { audit } from '../src/db/audit';
import { type Db } from '../src/db/connect';
import { once } from '../src/db/effects';
import { enterpriseByName, getUnit } from '../src/db/organisation';
import {
  getInspection, getProblem, inspectionsOpenedIn, latestRectificationId, latestReviewAccepted, openInspection, openRectifiedProblems,
  recordMethods, recordPlan, recordRectification, recordReview, recordTeams, registerProblems, updateInspection, updateProblem,
} from '../src/db/registers/inspections';
import { inspectionNo } from '../src/domain/numbering';
import { type DocType, type DocumentVars } from './documents/content';
import { camel } from './documents/names';
import { issueOfficialDocument } from './documents/issue';
import { defineWorker, InputError, type HandlerContext } from './runtime/types';

/** yc-record: writes each milestone of the procedure into the inspection register (once per job). */
const ACTIONS = ['plan-approved', 'teams-approved', 'round-started', 'inspection-opened', 'onsite-started', 'onsite-finished',
  'report-submitted', 'report-approved', 'feedback-given', 'problems-registered', 'rectification-reported',
  'rectification-reviewed', 'inspection-closed', 'complaint-received', 'obstruction-reported',
  'problem-case-opened', 'problem-rectifying', 'problem-cleared', 'rectified-problems'] as const;

export const headers = z.object({ action: z.enum(ACTIONS) });

const problem = z.object({
  category: z.enum(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9']),
  severity: z.enum(['一般', '较大', '重大']),
  description: z.string().min(1),
  industry: z.string().nullish(),
  legalBasis: z.string().nullish(),
  enterpriseCode: z.string().nullish(),
  /** The forms give the enterprise by name; it is matched to a registered enterprise where possible. */
  enterpriseName: z.string().nullish(),
  evidenceRefs: z.array(z.string()).nullish(),
  due: z.string().nullish(),
});

/** The six methods of the seed as the on-site form's option values, stored by their number (1–6). */
const METHOD_CODES = ['report', 'meeting', 'documents', 'interview', 'covert', 'other'] as const;
const method = z.enum(METHOD_CODES).transform((m) => METHOD_CODES.indexOf(m) + 1);

export const input = z.object({
  plan: z.object({ year: z.number().int(), cycleStart: z.string(), units: z.array(z.string()),
    // loose: the plan's other fields (title, theme, kind of a 不定期/专项 inspection) are kept with it
    rounds: z.array(z.object({ no: z.number().int(), start: z.string(), end: z.string(), units: z.array(z.string()) })) }).loose().optional(),
  planId: z.string().nullish().transform((v) => v ?? undefined),
  teams: z.array(z.object({ name: z.string(), leaderId: z.string(), deputyId: z.string(), memberIds: z.array(z.string()),
    expertIds: z.array(z.string()).default([]) })).optional(),
  roundNo: z.number().int().optional(),
  roundId: z.string().nullish(),
  /** The team the round hands to a unit inspection, with the id its approval recorded (team-formation). */
  team: z.object({ id: z.string({ error: 'the team has no id: its approval was not recorded' }), name: z.string() }).loose().nullish(),
  unitCode: z.string().nullish().transform((v) => v ?? undefined),
  inspectionId: z.string().nullish().transform((v) => v ?? undefined),
  problemId: z.string().nullish().transform((v) => v ?? undefined),
  methods: z.array(method).optional(),
  onsiteStart: z.string().nullish(),
  onsiteEnd: z.string().nullish(),
  feedbackDate: z.string().nullish(),
  reportDue: z.string().nullish().transform((v) => v ?? undefined),
  rectificationDue: z.string().nullish().transform((v) => v ?? undefined),
  problems: z.array(problem).optional(),
  /** The 巡查工作报告 as the draft form's three parts (the diagram maps reportSummary, reportCauses, reportSuggestions). */
  report: z.object({ summary: z.string().min(1), causes: z.string().nullish().transform((t) => t ?? null),
    suggestions: z.string().nullish().transform((t) => t ?? null) }).optional(),
  /** The unit's report as the web app's rectification-submitted message carries it. */
  rectificationReport: z.object({ report: z.string().min(1), investigation: z.string().nullish() }).loose().optional(),
  rectificationId: z.string().nullish().transform((v) => v ?? undefined),
  /** The review form's choice. */
  reviewDecision: z.enum(['accept', 'return']).optional(),
  reviewOpinion: z.string().nullish(),
  /** The complaint-received message as the web app sends it. */
  complaint: z.object({ channel: z.string().nullish(), complainant: z.string().nullish(), content: z.string().min(1) }).loose().optional(),
  /** The obstruction-reported message as the web app sends it. */
  obstruction: z.object({ behaviour: z.string().nullish(), description: z.string().min(1) }).loose().optional(),
});
type Input = z.infer<typeof input>;

function need<T>(value: T | undefined | null, name: string): T {
  if (value === undefined || value === null) throw new InputError(`variable ${name} is required for this action`);
  return value;
}

async function inspection(db: Db, vars: Input) {
  const id = need(vars.inspectionId, 'inspectionId');
  const found = await getInspection(db, id);
  if (!found) throw new InputError(`no inspection ${id}`);
  return found;
}

async function registeredProblem(db: Db, vars: Input) {
  const id = need(vars.problemId, 'problemId');
  const found = await getProblem(db, id);
  if (!found) throw new InputError(`no problem ${id}`);
  return found;
}

type Ctx = HandlerContext<Input, z.infer<typeof headers>>;

/** Issues the document a milestone files (the annual plan, the team list, the approved report) in the same transaction. */
async function issued(db: Db, deps: Ctx['deps'], actor: Ctx['actor'], docType: DocType, vars: DocumentVars) {
  const doc = await issueOfficialDocument(db, deps.archive, actor, docType, vars);
  return { [`${camel(docType)}DocumentId`]: doc.id, [`${camel(docType)}DocumentNo`]: doc.doc_no };
}
const actions: Record<(typeof ACTIONS)[number], (db: Db, ctx: Ctx) => Promise<Record<string, unknown>>> = {
  'plan-approved': async (db, { input: v, actor, deps }) => {
    const recorded = await recordPlan(db, actor, need(v.plan, 'plan'));
    return { ...recorded, ...await issued(db, deps, actor, 'annual-plan', { planId: recorded.planId }) };
  },
  'teams-approved': async (db, { input: v, actor, deps }) => {
    const planId = need(v.planId, 'planId');
    const teamIds = await recordTeams(db, actor, planId, need(v.teams, 'teams'));
    return { teamIds, ...await issued(db, deps, actor, 'team-composition', { planId }) };
  },
  'round-started': async (db, { input: v, actor }) => {
    await audit(db, actor, 'start-round', 'plans', need(v.planId, 'planId'), { roundNo: v.roundNo ?? null });
    return {};
  },
  'inspection-opened': async (db, { input: v, actor }) => {
    const unitCode = need(v.unitCode, 'unitCode');
    const unit = await getUnit(db, unitCode);
    if (!unit) throw new InputError(`no unit ${unitCode}`);
    const teamId = v.team?.id;
    const inspectionId = await openInspection(db, actor, { unitCode, roundId: v.roundId, teamId });
    const year = Number(actor.at.slice(0, 4));
    return { inspectionId, inspectionNo: inspectionNo(year, await inspectionsOpenedIn(db, year)), unitName: unit.name, teamId: teamId ?? null };
  },
  'onsite-started': async (db, { input: v, actor }) => {
    await updateInspection(db, actor, (await inspection(db, v)).id, 'onsite-start', { status: 'onsite', onsite_start: v.onsiteStart ?? actor.at });
    return {};
  },
  'onsite-finished': async (db, { input: v, actor }) => {
    const i = await inspection(db, v);
    await updateInspection(db, actor, i.id, 'onsite-finish', { status: 'reporting', onsite_end: v.onsiteEnd ?? actor.at, report_due: v.reportDue ?? null });
    if (v.methods) await recordMethods(db, actor, i.id, v.methods.map((m) => ({ method: m })));
    return {};
  },
  'report-submitted': async (db, { input: v, actor }) => {
    const r = need(v.report, 'report');
    await updateInspection(db, actor, (await inspection(db, v)).id, 'report-submit', {
      status: 'report-submitted', report_submitted_at: actor.at, report_summary: r.summary, report_causes: r.causes, report_suggestions: r.suggestions,
    });
    return {};
  },
  'report-approved': async (db, { input: v, actor, deps }) => {
    const i = await inspection(db, v);
    await updateInspection(db, actor, i.id, 'report-approve', { status: 'report-approved', report_approved_at: actor.at });
    return issued(db, deps, actor, 'inspection-report', { inspectionId: i.id });
  },
  'feedback-given': async (db, { input: v, actor }) => {
    await updateInspection(db, actor, (await inspection(db, v)).id, 'feedback',
      { status: 'rectifying', feedback_at: v.feedbackDate ?? actor.at, rectification_due: v.rectificationDue ?? null });
    return {};
  },
  'problems-registered': async (db, { input: v, actor }) => {
    const i = await inspection(db, v);
    const problems = await Promise.all(need(v.problems, 'problems').map(async (p) => ({
      ...p,
      enterpriseCode: p.enterpriseCode ?? (p.enterpriseName ? (await enterpriseByName(db, p.enterpriseName))?.code ?? null : null),
      description: p.enterpriseName && !p.enterpriseCode ? `${p.description}（涉及：${p.enterpriseName}）` : p.description,
    })));
    return { problemIds: await registerProblems(db, actor, i.id, problems) };
  },
  'rectification-reported': async (db, { input: v, actor }) => {
    const i = await inspection(db, v);
    const r = need(v.rectificationReport, 'rectificationReport');
    const report = [r.report, r.investigation ? `查处情况：${r.investigation}` : ''].filter(Boolean).join('\n');
    const rectificationId = await recordRectification(db, actor, i.id, report);
    await updateInspection(db, actor, i.id, 'rectification-report', { status: 'rectification-reported' });
    return { rectificationId };
  },
  'rectification-reviewed': async (db, { input: v, actor }) => {
    const i = await inspection(db, v);
    const accepted = need(v.reviewDecision, 'reviewDecision') === 'accept';
    const rectificationId = v.rectificationId ?? await latestRectificationId(db, i.id);
    const reviewId = await recordReview(db, actor, need(rectificationId, 'rectificationId (or a reported rectification)'), accepted, v.reviewOpinion ?? '');
    await updateInspection(db, actor, i.id, 'rectification-review', { status: accepted ? 'rectified' : 'rectifying' });
    return { reviewId };
  },
  'inspection-closed': async (db, { input: v, actor }) => {
    await updateInspection(db, actor, (await inspection(db, v)).id, 'close', { status: 'closed', closed_at: actor.at });
    return {};
  },
  // The register row of a problem follows its case: 处置中 while the route is decided, 整改中 while the unit
  // rectifies, the route's own states (移交, 挂牌) from their workers, 已销号 when the case closes.
  'problem-case-opened': async (db, { input: v, actor }) => {
    const p = await registeredProblem(db, v);
    if (p.status === 'open') await updateProblem(db, actor, p.id, 'case-open', { status: 'disposing' });
    return {};
  },
  'problem-rectifying': async (db, { input: v, actor }) => {
    const p = await registeredProblem(db, v);
    const rectified = (await latestReviewAccepted(db, p.inspection_id)) === true;
    await updateProblem(db, actor, p.id, 'rectify', { status: rectified ? 'rectified' : 'rectifying', route: 'rectify' });
    return { problemRectified: rectified };
  },
  'problem-cleared': async (db, { input: v, actor }) => {
    const p = await registeredProblem(db, v);
    await updateProblem(db, actor, p.id, 'clear', { status: 'cleared' });
    return {};
  },
  'rectified-problems': async (db, { input: v }) => {
    const i = await inspection(db, v);
    return { rectifiedProblemIds: await openRectifiedProblems(db, i.id) };
  },
  'complaint-received': async (db, { input: v, actor }) => {
    const i = await inspection(db, v);
    const c = need(v.complaint, 'complaint');
    const [complaintId] = await recordMethods(db, actor, i.id, [{ method: 3, note: `来信来电（${c.channel ?? '未注明'}）：${c.content}` }]);
    return { complaintId };
  },
  'obstruction-reported': async (db, { input: v, actor }) => {
    const i = await inspection(db, v);
    const o = need(v.obstruction, 'obstruction');
    await audit(db, actor, 'obstruction', 'inspections', i.id, { behaviour: o.behaviour ?? null, description: o.description });
    return {};
  },
};

export default defineWorker({
  type: 'yc-record',
  description: '巡查台账记录：方案、巡查组、进驻、现场、报告、反馈、问题、整改、审核、结束',
  input,
  headers,
  async handle(ctx) {
    return once(ctx.deps.db, `${ctx.effectKey}:${ctx.headers.action}`, ctx.actor.at, (db) => actions[ctx.headers.action](db, ctx));
  },
});
