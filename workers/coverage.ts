import { z } from 'zod';
import { coverageGaps } from '../src/domain/coverage';
import { inspectableUnits } from '../src/db/organisation';
import { defineWorker } from './runtime/types';

/** yc-coverage: units not yet inspected in the running 2-year cycle. */
export const input = z.object({ asOf: z.string().min(10).optional() });

export default defineWorker({
  type: 'yc-coverage',
  description: '两年全覆盖监测',
  input,
  headers: z.object({}),
  async handle({ input: { asOf }, deps }) {
    const units = await inspectableUnits(deps.db);
    const inspections = await deps.db.selectFrom('inspections').select(['unit_code', 'opened_at']).execute();
    const { gaps } = coverageGaps(units.map((u) => u.code), inspections.map((i) => ({ unitCode: i.unit_code, openedAt: i.opened_at })),
      asOf ?? deps.clock().toISOString(), deps.settings.firstCycleStart);
    return { coverageGaps: gaps, coverageOk: gaps.length === 0 };
  },
});
