// B3: what durability costs (the B1 rate with `full` against `memory`) and how fast a restart recovers.
import { createEngine, type Engine } from '../../src/engine';
import { completingStreams, straightThrough, tempEngine } from '../support/engine';
import { InstanceLoad } from '../support/load';
import { nowMs, round } from '../support/stats';
import type { Scenario } from '../types';

async function rateOf(engine: Engine, seconds: number): Promise<{ rate: number; records: number }> {
  let records = 0;
  const stopCounting = engine.onRecords((batch) => {
    records += batch.length;
  });
  await engine.deploy([{ name: 'b3.bpmn', content: Buffer.from(straightThrough('b3', 3, 'b3')) }]);
  const closeStreams = completingStreams(engine, ['b3-1', 'b3-2', 'b3-3']);
  const load = new InstanceLoad(engine, 'b3');
  const rate = await load.saturate(seconds);
  load.close();
  closeStreams();
  stopCounting();
  return { rate, records };
}

export const b3: Scenario = {
  name: 'B3',
  title: 'durability cost (full vs memory) and recovery time',
  async run({ seconds }) {
    const memory = await tempEngine('memory');
    const memoryRate = await rateOf(memory.engine, seconds).finally(() => memory.dispose());

    const full = await tempEngine('full');
    let fullRate: { rate: number; records: number };
    let recoveryMs: number;
    try {
      fullRate = await rateOf(full.engine, seconds);
      await full.engine.close();
      const t0 = nowMs();
      const reopened = await createEngine({ dataDir: full.dataDir, durability: 'full', clockControlled: false });
      recoveryMs = nowMs() - t0;
      await reopened.close();
    } finally {
      await full.dispose().catch(() => undefined);
    }
    return {
      memoryInstancesPerSecond: round(memoryRate.rate, 1),
      fullInstancesPerSecond: round(fullRate.rate, 1),
      fullToMemoryRatio: round(fullRate.rate / memoryRate.rate, 2),
      recordsInLog: fullRate.records,
      recoveryMs: round(recoveryMs, 1),
      recoveryMsPer100kRecords: round((recoveryMs / Math.max(1, fullRate.records)) * 100_000, 1),
      recoveryTargetMsPer100k: 1000,
    };
  },
};
