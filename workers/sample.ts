import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { drawSample } from '../src/domain/sampling';
import { unitsWithProblems } from '../src/db/registers/inspections';
import { recordSample, sampleOf } from '../src/db/registers/publications';
import { defineWorker } from './runtime/types';

/**
 * yc-sample: the monthly 回头看 draw of three units from the problem register. One draw per month: the seed and
 * result are recorded, and any later job for the same month gets the recorded draw.
 */
export const input = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM') });

export default defineWorker({
  type: 'yc-sample',
  description: '回头看：每月随机抽取3个单位，记录随机种子',
  input,
  headers: z.object({}),
  async handle({ input: { month }, deps, actor }) {
    const existing = await sampleOf(deps.db, month);
    if (existing) return { sampledUnits: existing.units, sampleSeed: existing.seed };
    const sample = drawSample(month, randomBytes(8).toString('hex'), await unitsWithProblems(deps.db));
    try {
      await deps.db.transaction().execute((trx) => recordSample(trx, actor, sample));
    } catch (err) {
      const raced = await sampleOf(deps.db, month); // another delivery recorded the month first
      if (raced) return { sampledUnits: raced.units, sampleSeed: raced.seed };
      throw err;
    }
    return { sampledUnits: sample.units, sampleSeed: sample.seed };
  },
});
