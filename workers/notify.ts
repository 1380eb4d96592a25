import { z } from 'zod';
import { type Db } from '../src/db/connect';
import { deliverToInbox, markEmailed } from '../src/db/notifications';
import { unitNameOf } from '../src/db/organisation';
import { noticeDue } from '../src/domain/notification';
import { getInspection, getProblem, getRound, teamNameOf } from '../src/db/registers/inspections';
import { getHandover, getHazard } from '../src/db/registers/supervision';
import { resolveRecipients, RECIPIENT_GROUPS, type RecipientGroup, type Scope } from './notify/recipients';
import { chineseDate, render, TEMPLATES, type MessageContext } from './notify/templates';
import { defineWorker } from './runtime/types';

/**
 * yc-notify: renders a Chinese template, puts it in every recipient's inbox and e-mails it (and texts urgent
 * ones when an SMS webhook is configured). One message per job and recipient: the inbox row's idempotency key
 * says whether a redelivered job still has to send anything.
 */
export const headers = z.object({
  template: z.string().refine((t) => t in TEMPLATES, { message: 'unknown notification template' }),
  to: z.string().min(1).transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(RECIPIENT_GROUPS)).min(1)),
});

export const input = z.object({
  inspectionId: z.string().nullish().transform((v) => v ?? undefined),
  unitCode: z.string().nullish().transform((v) => v ?? undefined),
  problemId: z.string().nullish().transform((v) => v ?? undefined),
  hazardId: z.string().nullish().transform((v) => v ?? undefined),
  handoverId: z.string().nullish().transform((v) => v ?? undefined),
  departmentCode: z.string().nullish().transform((v) => v ?? undefined),
  enterpriseCode: z.string().nullish().transform((v) => v ?? undefined),
  teamId: z.string().nullish().transform((v) => v ?? undefined),
  teamName: z.string().nullish().transform((v) => v ?? undefined),
  /** The teams of team-formation (before their ids are recorded): their people are the team recipients. */
  teams: z.array(z.object({ name: z.string().optional(), leaderId: z.string(), deputyId: z.string(), memberIds: z.array(z.string()).default([]),
    expertIds: z.array(z.string()).default([]) }).loose()).nullish(),
  due: z.string().nullish().transform((v) => v ?? undefined),
  period: z.string().nullish().transform((v) => v ?? undefined),
  /** When the talk is held (key-talk maps talk.at); null while not yet fixed. */
  talkAt: z.string().nullish().transform((v) => v ?? undefined),
  /** The reason or opinion the template quotes, as the diagram maps it (the talk's reason, a self-assessment …). */
  reason: z.string().nullish().transform((v) => v ?? undefined),
  escalationStep: z.string().nullish().transform((v) => v ?? undefined),
  /** Several units at once (the advance notice of the annual plan): each gets its own message. */
  unitCodes: z.array(z.string()).nullish(),
  coverageGaps: z.array(z.string()).optional(),
  sampledUnits: z.array(z.string()).optional(),
  /** Why the plan check refused the plan (plan-returned). */
  planProblems: z.array(z.string()).optional(),
  listingNo: z.string().nullish().transform((v) => v ?? undefined),
  /** The annual plan of the advance notice: each unit is told the dates of its own round. */
  plan: z.object({ rounds: z.array(z.object({ start: z.string(), end: z.string(), units: z.array(z.string()) }).loose()) }).loose().nullish(),
  handoverNo: z.string().nullish().transform((v) => v ?? undefined),
  documentNo: z.string().nullish().transform((v) => v ?? undefined),
  documentTitle: z.string().nullish().transform((v) => v ?? undefined),
}).loose();
type Input = z.infer<typeof input>;

const unitName = async (db: Db, code: string | null | undefined) => code ? (await unitNameOf(db, code)) ?? code : undefined;
const unitNames = async (db: Db, codes: string[]) => (await Promise.all(codes.map((c) => unitName(db, c)))).join('、');

/** The dates on site (进驻 to 结束) of the unit's round: the inspection's round, else the plan's round naming the unit. */
async function periodOf(db: Db, roundId: string | null | undefined, planned: { start: string; end: string } | undefined): Promise<string | undefined> {
  const round = roundId ? await getRound(db, roundId) : planned;
  return round ? `${chineseDate(round.start)}至${chineseDate(round.end)}` : undefined;
}

/** Gathers what the template needs from the variables and the registers. */
async function context(db: Db, v: Input, publicUrl?: string): Promise<{ scope: Scope; message: MessageContext }> {
  const inspection = v.inspectionId ? await getInspection(db, v.inspectionId) : undefined;
  const problem = v.problemId ? await getProblem(db, v.problemId) : undefined;
  const hazard = v.hazardId ? await getHazard(db, v.hazardId) : undefined;
  const handover = v.handoverId ? await getHandover(db, v.handoverId) : undefined;
  const unitCode = v.unitCode ?? inspection?.unit_code ?? problem?.unit_code ?? hazard?.unit_code;
  const departmentCode = v.departmentCode ?? handover?.department_code ?? problem?.department_code ?? undefined;
  const teamId = v.teamId ?? inspection?.team_id ?? undefined;
  const storedTeamName = teamId ? await teamNameOf(db, teamId) : undefined;
  const due = noticeDue({ given: v.due, handoverResult: handover?.result_due, hazardRectification: hazard?.rectify_due,
    inspectionRectification: inspection?.rectification_due, inspectionReport: inspection?.report_due });
  const teams = v.teams ?? [];
  const teamPeople = teams.flatMap((t) => [
    { personId: t.leaderId, role: 'leader' as const }, { personId: t.deputyId, role: 'deputy' as const },
    ...t.memberIds.map((personId) => ({ personId, role: 'member' as const })), ...t.expertIds.map((personId) => ({ personId, role: 'expert' as const })),
  ]);
  return {
    scope: { teamId, teamPeople, unitCode, departmentCode, enterpriseCode: v.enterpriseCode ?? hazard?.enterprise_code ?? problem?.enterprise_code },
    message: {
      unitName: (await unitName(db, unitCode)) ?? '各有关单位',
      teamName: v.teamName ?? storedTeamName ?? (teams.length === 1 ? teams[0].name : undefined),
      period: v.period ?? await periodOf(db, inspection?.round_id, v.plan?.rounds.find((r) => unitCode && r.units.includes(unitCode))),
      due: due ? chineseDate(due) : undefined,
      problem: problem?.description,
      hazard: hazard?.name,
      listingNo: v.listingNo ?? hazard?.listing_no ?? undefined,
      departmentName: await unitName(db, departmentCode),
      handoverNo: v.handoverNo ?? handover?.handover_no ?? undefined,
      talkAt: v.talkAt ? chineseDate(v.talkAt) : undefined,
      reason: v.reason,
      step: v.escalationStep,
      units: v.coverageGaps ? await unitNames(db, v.coverageGaps) : v.sampledUnits ? await unitNames(db, v.sampledUnits) : undefined,
      problems: v.planProblems?.join(''),
      link: publicUrl,
      documentNo: v.documentNo,
      documentTitle: v.documentTitle,
    },
  };
}

export default defineWorker({
  type: 'yc-notify',
  description: '通知：站内信、电子邮件和短信',
  input,
  headers,
  async handle({ input: v, headers: h, deps, effectKey, actor }) {
    let notified = 0;
    for (const unitCode of v.unitCodes?.length ? v.unitCodes : [v.unitCode]) {
      const { scope, message } = await context(deps.db, { ...v, unitCode }, deps.settings.publicUrl);
      const { subject, body, urgent } = render(h.template, message);
      const recipients = await resolveRecipients(deps.db, h.to as RecipientGroup[], scope);
      for (const r of recipients) {
        const key = `${effectKey}:${r.key}`;
        const row = await deliverToInbox(deps.db, { idempotencyKey: key, accountId: r.key, template: h.template, subject, body, email: r.email }, actor.at);
        if (deps.mailer.enabled && r.email && !row.emailedAt) {
          await deps.mailer.send({ to: r.email, subject, text: body, messageId: `<${key.replace(/[^A-Za-z0-9.:-]/g, '-')}@yicheng.local>` });
          if (urgent && deps.sms && r.phone) await deps.sms.send(r.phone, `${subject} ${body}`.slice(0, 300));
          await markEmailed(deps.db, row.id, deps.clock().toISOString());
        } else if (row.created && urgent && deps.sms && r.phone && !deps.mailer.enabled) {
          await deps.sms.send(r.phone, `${subject} ${body}`.slice(0, 300));
        }
      }
      notified += recipients.length;
    }
    return { notified };
  },
});
