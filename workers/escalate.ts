import { z } from 'zod';
import { LadderExhausted, nextEscalation } from '../src/domain/escalation';
import { once } from '../src/db/effects';
import { audit } from '../src/db/audit';
import { getInspection, getProblem, updateProblem } from '../src/db/registers/inspections';
import { BpmnError, defineWorker, InputError } from './runtime/types';

/** yc-escalate: one rung up the ladder 催办 → 督办函 → 约谈 → 通报 → 挂牌 → 问责, recorded on the problem. */
export const input = z.object({
  /** The overdue problem; null when a whole inspection's rectification is overdue (then inspectionId). */
  problemId: z.string().min(1).nullish(),
  inspectionId: z.string().nullish(),
  escalationLevel: z.number().int().min(0).nullish().transform((v) => v ?? 0),
});

export default defineWorker({
  type: 'yc-escalate',
  description: '逾期升级：催办、督办函、约谈、通报、挂牌、问责',
  input,
  headers: z.object({}),
  async handle({ input: { problemId, inspectionId, escalationLevel }, deps, effectKey, actor }) {
    let next;
    try {
      next = nextEscalation(escalationLevel);
    } catch (err) {
      if (err instanceof LadderExhausted) throw new BpmnError('LADDER_EXHAUSTED', err.message, { escalationLevel });
      throw err;
    }
    return once(deps.db, effectKey, actor.at, async (db) => {
      if (problemId) {
        if (!(await getProblem(db, problemId))) throw new InputError(`no problem ${problemId}`);
        await updateProblem(db, actor, problemId, `escalate:${next.step}`, { escalation_level: next.level });
      } else if (inspectionId) {
        if (!(await getInspection(db, inspectionId))) throw new InputError(`no inspection ${inspectionId}`);
        await audit(db, actor, `escalate:${next.step}`, 'inspections', inspectionId, { escalationLevel: next.level });
      } else {
        throw new InputError('problemId or inspectionId is required');
      }
      return { escalationLevel: next.level, escalationStep: next.step, escalationColor: next.color };
    });
  },
});
