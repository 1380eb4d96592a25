import { z } from 'zod';
import { LadderExhausted, nextEscalation } from '../src/domain/escalation';
import { once } from '../src/db/effects';
import { type Actor, audit } from '../src/db/audit';
import { type Db } from '../src/db/connect';
import { getInspection, getProblem, updateProblem } from '../src/db/registers/inspections';
import { defineWorker, InputError } from './runtime/types';

/**
 * yc-escalate: `step` climbs one rung of the ladder 催办 → 督办函 → 约谈 → 通报 → 挂牌 → 问责, recorded on the problem;
 * past the last rung it reports the ladder exhausted (the committee then decides, 四（三）). `decision` records what the
 * committee decided; `outcome` records the accountability result of a referral.
 */
export const input = z.object({
  /** The overdue problem; null when a whole inspection's rectification is overdue (then inspectionId). */
  problemId: z.string().min(1).nullish(),
  inspectionId: z.string().nullish(),
  escalationLevel: z.number().int().min(0).nullish().transform((v) => v ?? 0),
  escalationDecision: z.enum(['list', 'refer', 'continue']).nullish(),
  escalationOpinion: z.string().nullish(),
  referralOutcome: z.enum(['accountable', 'not-accountable']).nullish(),
  referralResult: z.string().nullish(),
});
type Input = z.infer<typeof input>;

export const headers = z.object({ action: z.enum(['step', 'decision', 'outcome']).default('step') });

/** Writes the change to the problem when there is one, else to the inspection's audit trail. */
async function recordOn(db: Db, actor: Actor, v: Input, action: string, changes: Record<string, unknown>, level?: number): Promise<void> {
  if (v.problemId) {
    if (!(await getProblem(db, v.problemId))) throw new InputError(`no problem ${v.problemId}`);
    if (level === undefined) await audit(db, actor, action, 'problems', v.problemId, changes);
    else await updateProblem(db, actor, v.problemId, action, { escalation_level: level });
  } else if (v.inspectionId) {
    if (!(await getInspection(db, v.inspectionId))) throw new InputError(`no inspection ${v.inspectionId}`);
    await audit(db, actor, action, 'inspections', v.inspectionId, { ...changes, ...(level === undefined ? {} : { escalationLevel: level }) });
  } else {
    throw new InputError('problemId or inspectionId is required');
  }
}

export default defineWorker({
  type: 'yc-escalate',
  description: '逾期升级：催办、督办函、约谈、通报、挂牌、问责；阶梯用尽后由区安委会决定，问责结果登记',
  input,
  headers,
  async handle({ input: v, headers: h, deps, effectKey, actor }) {
    if (h.action === 'decision') {
      const decision = v.escalationDecision;
      if (!decision) throw new InputError('escalationDecision (list, refer or continue) is required');
      return once(deps.db, effectKey, actor.at, async (db) => {
        await recordOn(db, actor, v, `escalation-decision:${decision}`, { decision, opinion: v.escalationOpinion ?? null });
        return {};
      });
    }
    if (h.action === 'outcome') {
      const outcome = v.referralOutcome;
      if (!outcome) throw new InputError('referralOutcome (accountable or not-accountable) is required to record a referral\'s result');
      return once(deps.db, effectKey, actor.at, async (db) => {
        await recordOn(db, actor, v, `referral-outcome:${outcome}`, { outcome, result: v.referralResult ?? null });
        return {};
      });
    }
    let next;
    try {
      next = nextEscalation(v.escalationLevel);
    } catch (err) {
      if (!(err instanceof LadderExhausted)) throw err;
      // No rung is left: a state the committee decides on, not a fault.
      return once(deps.db, effectKey, actor.at, async (db) => {
        await recordOn(db, actor, v, 'escalate:exhausted', {}, v.escalationLevel);
        return { escalationLevel: v.escalationLevel, escalationStep: null, escalationColor: 'red', escalationExhausted: true };
      });
    }
    return once(deps.db, effectKey, actor.at, async (db) => {
      await recordOn(db, actor, v, `escalate:${next.step}`, {}, next.level);
      return { escalationLevel: next.level, escalationStep: next.step, escalationColor: next.color, escalationExhausted: false };
    });
  },
});
