import { z } from 'zod';
import { audit } from '../src/db/audit';
import { type Db } from '../src/db/connect';
import { once } from '../src/db/effects';
import {
  getInspection, openInspection, recordMethods, recordPlan, recordRectification, recordReview, recordTeams, registerProblems,
  updateInspection,
} from '../src/db/registers/inspections';
import { defineWorker, InputError, type HandlerContext } from './runtime/types';

/** yc-record: writes each milestone of the procedure into the inspection register (once per job). */
const ACTIONS = ['plan-approved', 'teams-approved', 'round-started', 'inspection-opened', 'onsite-started', 'onsite-finished',
  'report-submitted', 'report-approved', 'feedback-given', 'problems-registered', 'rectification-reported',
  'rectification-reviewed', 'inspection-closed', 'complaint-received', 'obstruction-reported'] as const;

export const headers = z.object({ action: z.enum(ACTIONS) });

const problem = z.object({
  category: z.enum(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9']),
  severity: z.enum(['一般', '较大', '重大']),
  description: z.string().min(1),
  industry: z.string().nullish(),
  legalBasis: z.string().nullish(),
  enterpriseCode: z.string().nullish(),
  due: z.string().nullish(),
});

export const input = z.object({
  plan: z.object({ year: z.number().int(), cycleStart: z.string(), units: z.array(z.string()),
    rounds: z.array(z.object({ no: z.number().int(), start: z.string(), end: z.string(), units: z.array(z.string()) })) }).optional(),
  planId: z.string().optional(),
  teams: z.array(z.object({ name: z.string(), leaderId: z.string(), deputyId: z.string(), memberIds: z.array(z.string()),
    expertIds: z.array(z.string()).default([]) })).optional(),
  roundNo: z.number().int().optional(),
  roundId: z.string().nullish(),
  teamId: z.string().nullish(),
  unitCode: z.string().optional(),
  inspectionId: z.string().optional(),
  methods: z.array(z.number().int().min(1).max(6)).optional(),
  reportDue: z.string().optional(),
  rectificationDue: z.string().optional(),
  problems: z.array(problem).optional(),
  rectificationReport: z.string().optional(),
  rectificationId: z.string().optional(),
  reviewAccepted: z.boolean().optional(),
  reviewOpinion: z.string().optional(),
  complaint: z.object({ from: z.string().optional(), channel: z.string().optional(), text: z.string().min(1) }).optional(),
  obstruction: z.object({ kind: z.string().optional(), text: z.string().min(1) }).optional(),
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

type Ctx = HandlerContext<Input, z.infer<typeof headers>>;
const actions: Record<(typeof ACTIONS)[number], (db: Db, ctx: Ctx) => Promise<Record<string, unknown>>> = {
  'plan-approved': async (db, { input: v, actor }) => recordPlan(db, actor, need(v.plan, 'plan')),
  'teams-approved': async (db, { input: v, actor }) => ({ teamIds: await recordTeams(db, actor, need(v.planId, 'planId'), need(v.teams, 'teams')) }),
  'round-started': async (db, { input: v, actor }) => {
    await audit(db, actor, 'start-round', 'plans', need(v.planId, 'planId'), { roundNo: v.roundNo ?? null });
    return {};
  },
  'inspection-opened': async (db, { input: v, actor }) =>
    ({ inspectionId: await openInspection(db, actor, { unitCode: need(v.unitCode, 'unitCode'), roundId: v.roundId, teamId: v.teamId }) }),
  'onsite-started': async (db, { input: v, actor }) => {
    await updateInspection(db, actor, (await inspection(db, v)).id, 'onsite-start', { status: 'onsite', onsite_start: actor.at });
    return {};
  },
  'onsite-finished': async (db, { input: v, actor }) => {
    const i = await inspection(db, v);
    await updateInspection(db, actor, i.id, 'onsite-finish', { status: 'reporting', onsite_end: actor.at, report_due: v.reportDue ?? null });
    if (v.methods) await recordMethods(db, actor, i.id, v.methods.map((method) => ({ method })));
    return {};
  },
  'report-submitted': async (db, { input: v, actor }) => {
    await updateInspection(db, actor, (await inspection(db, v)).id, 'report-submit', { status: 'report-submitted', report_submitted_at: actor.at });
    return {};
  },
  'report-approved': async (db, { input: v, actor }) => {
    await updateInspection(db, actor, (await inspection(db, v)).id, 'report-approve', { status: 'report-approved', report_approved_at: actor.at });
    return {};
  },
  'feedback-given': async (db, { input: v, actor }) => {
    await updateInspection(db, actor, (await inspection(db, v)).id, 'feedback',
      { status: 'rectifying', feedback_at: actor.at, rectification_due: v.rectificationDue ?? null });
    return {};
  },
  'problems-registered': async (db, { input: v, actor }) =>
    ({ problemIds: await registerProblems(db, actor, (await inspection(db, v)).id, need(v.problems, 'problems')) }),
  'rectification-reported': async (db, { input: v, actor }) => {
    const i = await inspection(db, v);
    const rectificationId = await recordRectification(db, actor, i.id, need(v.rectificationReport, 'rectificationReport'));
    await updateInspection(db, actor, i.id, 'rectification-report', { status: 'rectification-reported' });
    return { rectificationId };
  },
  'rectification-reviewed': async (db, { input: v, actor }) => {
    const i = await inspection(db, v);
    const accepted = need(v.reviewAccepted, 'reviewAccepted');
    const reviewId = await recordReview(db, actor, need(v.rectificationId, 'rectificationId'), accepted, v.reviewOpinion ?? '');
    await updateInspection(db, actor, i.id, 'rectification-review', { status: accepted ? 'rectified' : 'rectifying' });
    return { reviewId };
  },
  'inspection-closed': async (db, { input: v, actor }) => {
    await updateInspection(db, actor, (await inspection(db, v)).id, 'close', { status: 'closed', closed_at: actor.at });
    return {};
  },
  'complaint-received': async (db, { input: v, actor }) => {
    const i = await inspection(db, v);
    const c = need(v.complaint, 'complaint');
    await recordMethods(db, actor, i.id, [{ method: 3, note: `来信来电：${c.channel ?? ''} ${c.text}`.trim() }]);
    return {};
  },
  'obstruction-reported': async (db, { input: v, actor }) => {
    const i = await inspection(db, v);
    await audit(db, actor, 'obstruction', 'inspections', i.id, need(v.obstruction, 'obstruction'));
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
