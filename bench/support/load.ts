import type { Engine } from '../../src/engine';
import { onInstanceCompleted } from './engine';
import { nowMs } from './stats';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Drives instances of `processId` (whose jobs something else completes) and measures them from the create call to
 * the completion record of the root instance.
 */
export class InstanceLoad {
  private readonly started = new Map<string, number>();
  private readonly stopListening: () => void;
  private onComplete: (() => void) | undefined;
  completed = 0;
  readonly latencies: number[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly processId: string,
  ) {
    this.stopListening = onInstanceCompleted(engine, (key) => {
      const t0 = this.started.get(key);
      if (t0 === undefined) return;
      this.started.delete(key);
      this.completed += 1;
      this.latencies.push(nowMs() - t0);
      this.onComplete?.();
    });
  }

  private async create(): Promise<void> {
    const t0 = nowMs();
    const { processInstanceKey } = await this.engine.createProcessInstance({ bpmnProcessId: this.processId });
    this.started.set(processInstanceKey, t0);
  }

  /** Closed loop: keeps `window` instances in flight for `seconds`; returns completed instances per second. */
  async saturate(seconds: number, window = 256): Promise<number> {
    const before = this.completed;
    const t0 = nowMs();
    const end = t0 + seconds * 1000;
    let inFlight = 0;
    await new Promise<void>((resolve) => {
      const pump = () => {
        while (inFlight < window && nowMs() < end) {
          inFlight += 1;
          void this.create();
        }
      };
      this.onComplete = () => {
        inFlight -= 1;
        pump();
      };
      pump();
      const timer = setInterval(() => {
        pump();
        if (nowMs() >= end) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
    });
    const rate = (this.completed - before) / ((nowMs() - t0) / 1000);
    this.onComplete = undefined;
    await this.drain();
    return rate;
  }

  /** Open loop: starts `rate` instances a second for `seconds`, then waits for all; latencies are kept. */
  async steady(rate: number, seconds: number): Promise<number[]> {
    this.latencies.length = 0;
    const total = Math.round(rate * seconds);
    const t0 = nowMs();
    for (let i = 0; i < total; i += 1) {
      const wait = t0 + (i * 1000) / rate - nowMs();
      if (wait > 1) await sleep(wait);
      void this.create();
    }
    await this.drain();
    return [...this.latencies];
  }

  async drain(): Promise<void> {
    while (this.started.size > 0) await sleep(10);
  }

  close(): void {
    this.stopListening();
  }
}
