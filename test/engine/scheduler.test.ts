import { ControllableClock } from '../../src/engine/clock';
import { type DueEntry } from '../../src/engine/scheduler/due-queue';
import { Scheduler } from '../../src/engine/scheduler/scheduler';

describe('the scheduler drops entries that no longer apply', () => {
  const T0 = Date.UTC(2026, 10, 28, 8, 0, 0);

  function pinnedScheduler(stillPending: (e: DueEntry) => boolean) {
    const clock = new ControllableClock(true);
    clock.pin(T0);
    const fired: DueEntry[] = [];
    const scheduler = new Scheduler(clock, (entries) => fired.push(...entries), stillPending);
    return { clock, fired, scheduler };
  }

  it('prunes job deadlines of finished jobs once the queue passes its floor, and still fires the pending ones in order', () => {
    // given 12 000 job deadlines one second apart, of which only every hundredth job is still active
    const finished = new Set<string>();
    const { clock, fired, scheduler } = pinnedScheduler((e) => !finished.has(e.key));
    const entries = Array.from({ length: 12_000 }, (_, i): DueEntry => ({ due: T0 + 60_000 + (12_000 - i) * 1_000, kind: 'job-timeout', key: String(i) }));
    for (const e of entries) if (Number(e.key) % 100 !== 0) finished.add(e.key);
    // when they are announced in batches, as commits announce them
    for (let i = 0; i < entries.length; i += 500) scheduler.add(entries.slice(i, i + 500));
    const sizeAfterAdding = scheduler.size;
    clock.pin(T0 + 60_000 + 12_001 * 1_000);
    // then the finished jobs' deadlines were dropped when the queue reached 10 000 entries
    expect(sizeAfterAdding).toBe(100 + 2_000);
    // and every pending deadline fires, earliest first, with none of the finished ones after the pruning
    const pendingFired = fired.filter((e) => !finished.has(e.key));
    expect(pendingFired.map((e) => e.key)).toEqual(entries.filter((e) => !finished.has(e.key)).sort((a, b) => a.due - b.due).map((e) => e.key));
    expect(fired.map((e) => e.due)).toEqual([...fired.map((e) => e.due)].sort((a, b) => a - b));
    expect(scheduler.size).toBe(0);
    scheduler.stop();
  });

  it('keeps every entry while they all still apply, however many there are', () => {
    // given
    const { scheduler } = pinnedScheduler(() => true);
    // when
    scheduler.add(Array.from({ length: 25_000 }, (_, i): DueEntry => ({ due: T0 + 1_000 + i, kind: 'timer', key: String(i) })));
    // then
    expect(scheduler.size).toBe(25_000);
    scheduler.stop();
  });
});
