import { z } from 'zod';
import { coverageGaps } from '../src/domain/coverage';
import { checkPlan } from '../src/domain/plan';
import { inspectableUnits } from '../src/db/organisation';
import { inspectionOpenings } from '../src/db/registers/inspections';
import { CalendarError } from '../src/domain/calendar';
import { defineWorker, InputError, type WorkerDeps } from './runtime/types';

/** yc-plan-check: checks the annual plan (coverage in the 2-year cycle, ≥ 14 days on site, each unit once). */
export const input = z.object({
  plan: z.object({
    year: z.number().int().min(2000).max(2999),
    cycleStart: z.string().min(10),
    units: z.array(z.string()).min(1),
    rounds: z.array(z.object({ no: z.number().int().min(1), start: z.string().min(10), end: z.string().min(10), units: z.array(z.string()) })).min(1),
  }),
});

export default defineWorker({
  type: 'yc-plan-check',
  description: '年度巡查工作方案审查：两年全覆盖、每轮不少于两周',
  input,
  headers: z.object({}),
  async handle({ input: { plan }, deps }) {
    try {
      return await check(plan, deps);
    } catch (err) {
      if (err instanceof CalendarError) throw new InputError(`plan: ${err.message}`);
      throw err;
    }
  },
});

/** Units inspected so far in the plan's cycle count towards coverage; the plan must cover the rest in time. */
async function check(plan: z.infer<typeof input>['plan'], deps: WorkerDeps) {
  const units = await inspectableUnits(deps.db);
  const { gaps } = coverageGaps(units.map((u) => u.code), await inspectionOpenings(deps.db),
    `${plan.year}-01-01`, plan.cycleStart);
  const gapSet = new Set(gaps);
  const problems = checkPlan(plan, {
    inspectable: units.map((u) => u.code),
    inspectedInCycle: units.map((u) => u.code).filter((c) => !gapSet.has(c)),
    unitNames: new Map(units.map((u) => [u.code, u.name])),
  });
  return { planValid: problems.length === 0, planProblems: problems };
}
