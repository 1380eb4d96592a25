// B1: start → 3 service tasks → end with in-process streaming workers, durability `full`: the sustained completion
// rate with a window of instances in flight, then each instance's latency at 70 % of that rate and at 70 % of the
// budget's 500 instances/s (docs/architecture.md, "Budget", reads either way; both are reported).
import { fsyncProbe, underConditions } from '../support/conditions';
import { completingStreams, straightThrough, tempEngine } from '../support/engine';
import { InstanceLoad } from '../support/load';
import { percentiles, round } from '../support/stats';
import type { Scenario } from '../types';

/** The budget's rate (instances/s). */
const BUDGET_RATE = 500;

export const b1: Scenario = {
  name: 'B1',
  title: 'straight-through 3 service tasks, streaming workers, durability full',
  async run({ seconds }) {
    const fsyncMs = fsyncProbe();
    const { engine, dispose } = await tempEngine('full');
    try {
      await engine.deploy([{ name: 'b1.bpmn', content: Buffer.from(straightThrough('b1', 3, 'b1')) }]);
      const closeStreams = completingStreams(engine, ['b1-1', 'b1-2', 'b1-3']);
      const load = new InstanceLoad(engine, 'b1');
      const saturated = await underConditions(() => load.saturate(seconds));
      const maxRate = saturated.result;
      const rate = Math.max(1, Math.floor(maxRate * 0.7));
      const steady = await underConditions(() => load.steady(rate, seconds));
      const latencies = steady.result;
      const budget = await underConditions(() => load.steady(BUDGET_RATE * 0.7, seconds));
      load.close();
      closeStreams();
      return {
        completedInstancesPerSecond: round(maxRate, 1),
        ratioToTarget500: round(maxRate / BUDGET_RATE, 2),
        latencyAtRatePerSecond: rate,
        instanceLatencyMs: percentiles(latencies),
        latencyAtBudgetRatePerSecond: BUDGET_RATE * 0.7,
        instanceLatencyAtBudgetRateMs: percentiles(budget.result),
        p99TargetMs: 50,
        fsyncMs,
        conditions: { saturate: saturated.conditions, atRate: steady.conditions, atBudgetRate: budget.conditions },
      };
    } finally {
      await dispose();
    }
  },
};
