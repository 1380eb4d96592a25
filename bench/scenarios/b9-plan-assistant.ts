// B9: the plan assistant on the demo district — 42 units (7 镇街, 34 member units, the development zone), the
// inspectors' roster for three teams, a two-year cycle from 2027 — read from a seeded store and solved by HiGHS.
// Reports the solver's start-up (its thread started and the WebAssembly compiled, once per process), the first solve after it and the median of
// the following ones, each including the model's construction and the check of its result; the budget is 5 s.
import { openStore } from '../../src/db/connect';
import { assistantInput } from '../../src/db/plan-assistant';
import { seedDemoData } from '../../src/db/seed';
import { startSolver } from '../../src/domain/highs-thread';
import { proposeSchedule } from '../../src/domain/plan-solver';
import { median, nowMs, round } from '../support/stats';
import type { Scenario } from '../types';

export const b9: Scenario = {
  name: 'B9',
  title: 'plan assistant: the demo district’s two-year schedule solved (42 units, 3 teams)',
  async run({ seconds }) {
    const store = await openStore({ databaseUrl: 'sqlite::memory:' });
    try {
      await seedDemoData(store.db, '2026-12-01T09:00:00+08:00');
      const input = await assistantInput(store.db, { year: 2027, cycleStart: '2027-01-01', today: '2026-12-01' });
      const solveOnce = async () => {
        const t0 = nowMs();
        const result = await proposeSchedule(input);
        if (!result.feasible) throw new Error(`the demo district has no schedule: ${result.reasons.join(' ')}`);
        return { ms: nowMs() - t0, result };
      };
      const t0 = nowMs();
      await startSolver();
      const loadMs = nowMs() - t0;
      const first = await solveOnce();
      const times: number[] = [];
      const end = nowMs() + seconds * 1000;
      do times.push((await solveOnce()).ms); while (nowMs() < end && times.length < 20);
      const { schedule } = first.result;
      return {
        units: input.units.length,
        teams: schedule.teams.length,
        rounds: schedule.rounds.length,
        solverLoadSeconds: round(loadMs / 1000),
        firstSolveSeconds: round(first.ms / 1000),
        medianSolveSeconds: round(median(times) / 1000),
        maxSolveSeconds: round(Math.max(...times) / 1000),
        solves: times.length,
        budgetSeconds: 5,
      };
    } finally {
      await store.close();
    }
  },
};
