// B1: start → 3 service tasks → end with in-process streaming workers, durability `full`.
// Phase 1 measures the sustained completion rate with a window of instances in flight; phase 2 runs at 70 % of
// that rate and measures each instance from the create call to its completion record.
import { completingStreams, onInstanceCompleted, straightThrough, tempEngine } from '../support/engine';
import { nowMs, percentiles, round } from '../support/stats';
import type { Scenario } from '../types';

const TYPES = ['b1-1', 'b1-2', 'b1-3'];

export const b1: Scenario = {
  name: 'B1',
  title: 'straight-through 3 service tasks, streaming workers, durability full',
  async run({ seconds }) {
    const { engine, dispose } = await tempEngine('full');
    try {
      await engine.deploy([{ name: 'b1.bpmn', content: Buffer.from(straightThrough('b1', 3, 'b1')) }]);
      const closeStreams = completingStreams(engine, TYPES);
      const started = new Map<string, number>();
      const latencies: number[] = [];
      let completed = 0;
      let wake: (() => void) | undefined;
      const stopListening = onInstanceCompleted(engine, (key) => {
        const t0 = started.get(key);
        if (t0 === undefined) return;
        started.delete(key);
        completed += 1;
        latencies.push(nowMs() - t0);
        wake?.();
      });
      const create = async () => {
        const t0 = nowMs();
        const { processInstanceKey } = await engine.createProcessInstance({ bpmnProcessId: 'b1' });
        started.set(processInstanceKey, t0);
      };

      // Phase 1: saturate with a window of instances in flight.
      const window = 256;
      const phase1End = nowMs() + seconds * 1000;
      const t1 = nowMs();
      let inFlight = 0;
      await new Promise<void>((resolve) => {
        const pump = () => {
          while (inFlight < window && nowMs() < phase1End) {
            inFlight += 1;
            void create();
          }
          if (nowMs() >= phase1End) resolve();
        };
        wake = () => {
          inFlight -= 1;
          pump();
        };
        pump();
        const timer = setInterval(pump, 50);
        setTimeout(() => clearInterval(timer), seconds * 1000 + 100);
      });
      const maxRate = completed / ((nowMs() - t1) / 1000);
      // Drain what is still running before phase 2.
      while (started.size > 0) await new Promise((r) => setTimeout(r, 20));

      // Phase 2: an open-loop arrival at 70 % of the measured rate.
      latencies.length = 0;
      wake = undefined;
      const rate = Math.max(1, Math.floor(maxRate * 0.7));
      const total = rate * seconds;
      const t2 = nowMs();
      for (let i = 0; i < total; i += 1) {
        const due = t2 + (i * 1000) / rate;
        const wait = due - nowMs();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        void create();
      }
      while (started.size > 0) await new Promise((r) => setTimeout(r, 20));
      stopListening();
      closeStreams();
      return {
        completedInstancesPerSecond: round(maxRate, 1),
        targetInstancesPerSecond: 500,
        ratioToTarget: round(maxRate / 500, 2),
        latencyRatePerSecond: rate,
        instanceLatencyMs: percentiles(latencies),
        p99TargetMs: 50,
      };
    } finally {
      await dispose();
    }
  },
};
