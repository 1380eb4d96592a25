// What the machine gave a measurement: the share of a core this process got, how late the event loop ran, the
// load average, and how long a flush to disk takes in the temp folder. On a shared 2-core machine these decide
// much of a latency figure, so each result carries them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { nowMs, percentiles, round } from './stats';

export interface Conditions {
  /** CPU time of this process (all threads) per second of wall time: 1 = one full core. */
  processCpuCores: number;
  /** Fraction of the wall time the event loop was busy. */
  eventLoopUtilization: number;
  eventLoopDelayMs: Record<string, number>;
  /** 1-minute load average at the end (runnable tasks; the machine has os.cpus().length cores). */
  loadAverage1m: number;
}

/** Runs `phase` and reports the conditions it ran under next to its own result. */
export async function underConditions<T>(phase: () => Promise<T>): Promise<{ result: T; conditions: Conditions }> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  const t0 = nowMs();
  try {
    const result = await phase();
    const wallMs = nowMs() - t0;
    const cpu = process.cpuUsage(cpu0);
    return {
      result,
      conditions: {
        processCpuCores: round((cpu.user + cpu.system) / 1000 / wallMs, 2),
        eventLoopUtilization: round(performance.eventLoopUtilization(elu0).utilization, 2),
        eventLoopDelayMs: {
          p50: round(delay.percentile(50) / 1e6, 1),
          p99: round(delay.percentile(99) / 1e6, 1),
          max: round(delay.max / 1e6, 1),
        },
        loadAverage1m: round(os.loadavg()[0], 2),
      },
    };
  } finally {
    delay.disable();
  }
}

/** fdatasync after a 4 KiB append in the temp folder, `samples` times: what one durable commit costs at least. */
export function fsyncProbe(samples = 200): Record<string, number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yc-bench-fsync-'));
  const fd = fs.openSync(path.join(dir, 'probe'), 'w');
  const block = Buffer.alloc(4096, 1);
  const ms: number[] = [];
  try {
    for (let i = 0; i < samples; i += 1) {
      fs.writeSync(fd, block);
      const t0 = nowMs();
      fs.fdatasyncSync(fd);
      ms.push(nowMs() - t0);
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return percentiles(ms);
}
