// B4: 100k instances waiting at a user task and 10k waiting at timers: how much the straight-through rate drops
// against an empty engine, and the p99 of user-task searches through REST /v2 while they wait. The empty and the
// loaded engine run side by side in two processes and take turns: pairs of short load windows, never both at once,
// so that a full GC or other load on the shared machine spoils one pair, not the figure (the median of the pairs).
import path from 'node:path';
import { type BenchChild, forkBenchChild } from '../support/child-process';
import { median, nowMs, percentiles, round } from '../support/stats';
import type { Scenario } from '../types';

const PAIRS = 8;
type Ready = { restPort: number };
type Window = { rate: number; perCpuSecond: number };

async function searchP99(restPort: number) {
  const searchMs: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const started = nowMs();
    const res = await fetch(`http://127.0.0.1:${restPort}/v2/user-tasks/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        filter: { state: 'CREATED', candidateGroup: `unit:${370404100 + (i % 7)}` },
        sort: [{ field: 'creationDate', order: 'DESC' }],
        page: { from: (i % 10) * 50, limit: 50 },
      }),
    });
    if (!res.ok) throw new Error(`user-task search answered ${res.status}: ${await res.text()}`);
    await res.json();
    searchMs.push(nowMs() - started);
  }
  return percentiles(searchMs);
}

async function closeChild(child: BenchChild<Ready>) {
  try {
    await Promise.race([child.call('close'), new Promise((r) => setTimeout(r, 10_000))]);
  } catch {
    /* already gone */
  } finally {
    child.kill();
  }
}

export const b4: Scenario = {
  name: 'B4',
  title: '100k waiting user-task instances + 10k timers: throughput drop (median of alternating window pairs) and user-task search p99',
  async run({ seconds, scale }) {
    const script = path.join(__dirname, 'b4-engine-process.ts');
    const empty = forkBenchChild<Ready>(script, 'B4 empty engine');
    const loaded = forkBenchChild<Ready>(script, 'B4 loaded engine');
    try {
      const [, { restPort }] = await Promise.all([empty.ready, loaded.ready]);
      const tasks = Math.round(100_000 * scale);
      const timers = Math.round(10_000 * scale);
      const fillSeconds = await loaded.call<number>('fill', { tasks, timers });

      const windowSeconds = seconds / 4;
      // warm-up, not counted: the first windows of a fresh process run slower (compiling, growing the heap)
      for (const engine of [empty, loaded, empty, loaded]) await engine.call('window', { seconds: windowSeconds });
      const emptyWindows: Window[] = [];
      const loadedWindows: Window[] = [];
      for (let pair = 0; pair < PAIRS; pair += 1) {
        // alternate which engine goes first, so a drift over the run does not favour one side
        const order = pair % 2 ? [loaded, empty] : [empty, loaded];
        for (const engine of order) {
          const window = await engine.call<Window>('window', { seconds: windowSeconds });
          (engine === empty ? emptyWindows : loadedWindows).push(window);
        }
      }
      const emptyRates = emptyWindows.map((w) => w.rate);
      const loadedRates = loadedWindows.map((w) => w.rate);
      const drops = emptyRates.map((e, i) => round((1 - loadedRates[i] / e) * 100, 1));
      const cpuDrops = emptyWindows.map((e, i) => round((1 - loadedWindows[i].perCpuSecond / e.perCpuSecond) * 100, 1));
      const userTaskSearchMs = await searchP99(restPort);
      return {
        waitingUserTasks: tasks,
        waitingTimers: timers,
        fillInstancesPerSecond: round((tasks + timers) / fillSeconds, 1),
        windowSeconds,
        emptyInstancesPerSecond: round(median(emptyRates), 1),
        loadedInstancesPerSecond: round(median(loadedRates), 1),
        throughputDropPercent: round(median(drops), 1),
        pairDropsPercent: drops,
        dropMinPercent: Math.min(...drops),
        dropMaxPercent: Math.max(...drops),
        emptyRates: emptyRates.map((r) => round(r, 1)),
        loadedRates: loadedRates.map((r) => round(r, 1)),
        /** The same pairs counted per CPU-second of each engine's process: the cost of an instance, not the rate. */
        cpuDropPercent: round(median(cpuDrops), 1),
        pairCpuDropsPercent: cpuDrops,
        emptyInstancesPerCpuSecond: round(median(emptyWindows.map((w) => w.perCpuSecond)), 1),
        loadedInstancesPerCpuSecond: round(median(loadedWindows.map((w) => w.perCpuSecond)), 1),
        dropTargetPercent: 10,
        userTaskSearchMs,
        searchP99TargetMs: 50,
      };
    } finally {
      await Promise.all([closeChild(empty), closeChild(loaded)]);
    }
  },
};
