import { z } from 'zod';
import { coverageGaps } from '../src/domain/coverage';
import { inspectableUnits } from '../src/db/organisation';
import { inspectionOpenings } from '../src/db/registers/inspections';
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
    const { gaps } = coverageGaps(units.map((u) => u.code), await inspectionOpenings(deps.db),
      asOf ?? deps.clock().toISOString(), deps.settings.firstCycleStart);
    return { coverageGaps: gaps, coverageOk: gaps.length === 0 };
  },
});
