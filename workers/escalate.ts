import { z } from 'zod';
import { LadderExhausted, nextEscalation } from '../src/domain/escalation';
import { once } from '../src/db/effects';
import { getProblem, updateProblem } from '../src/db/registers/inspections';
import { BpmnError, defineWorker, InputError } from './runtime/types';

/** yc-escalate: one rung up the ladder 催办 → 督办函 → 约谈 → 通报 → 挂牌 → 问责, recorded on the problem. */
export const input = z.object({
  problemId: z.string().min(1),
  escalationLevel: z.number().int().min(0).default(0),
});

export default defineWorker({
  type: 'yc-escalate',
  description: '逾期升级：催办、督办函、约谈、通报、挂牌、问责',
  input,
  headers: z.object({}),
  async handle({ input: { problemId, escalationLevel }, deps, effectKey, actor }) {
    let next;
    try {
      next = nextEscalation(escalationLevel);
    } catch (err) {
      if (err instanceof LadderExhausted) throw new BpmnError('LADDER_EXHAUSTED', err.message, { escalationLevel });
      throw err;
    }
    return once(deps.db, effectKey, actor.at, async (db) => {
      if (!(await getProblem(db, problemId))) throw new InputError(`no problem ${problemId}`);
      await updateProblem(db, actor, problemId, `escalate:${next.step}`, { escalation_level: next.level });
      return { escalationLevel: next.level, escalationStep: next.step, escalationColor: next.color };
    });
  },
});
