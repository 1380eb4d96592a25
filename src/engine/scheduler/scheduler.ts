import { type ControllableClock } from '../clock';
import { type DueEntry, DueQueue } from './due-queue';

/** Below this many entries the queue is never pruned. */
const PRUNE_FLOOR = 10_000;

/**
 * Wakes the engine when something falls due. Real timeouts are used while the clock runs; while it is pinned,
 * only clock changes (pin/add) can make entries due, so the scheduler re-checks on every change.
 * Entries that no longer apply (`stillPending` false: most job deadlines, since jobs complete long before) are
 * pruned whenever the queue has doubled since the last pruning, so memory follows what is really pending.
 */
export class Scheduler {
  private readonly queue = new DueQueue();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly unsubscribe: () => void;
  private pruneAt = PRUNE_FLOOR;

  constructor(
    private readonly clock: ControllableClock,
    private readonly fire: (entries: DueEntry[]) => void,
    private readonly stillPending: (entry: DueEntry) => boolean = () => true,
  ) {
    this.unsubscribe = clock.onChange(() => this.check());
  }

  add(entries: readonly DueEntry[]): void {
    if (entries.length === 0) return;
    for (const entry of entries) this.queue.add(entry);
    if (this.queue.size >= this.pruneAt) this.prune();
    this.check();
  }

  private prune(): void {
    this.queue.retain(this.stillPending);
    this.pruneAt = Math.max(PRUNE_FLOOR, 2 * this.queue.size);
  }

  get size(): number {
    return this.queue.size;
  }

  /** Fires what is due now and arms a timeout for the next entry. */
  check(): void {
    if (this.stopped) return;
    const due = this.queue.popDue(this.clock.now());
    if (due.length > 0) this.fire(due);
    this.arm();
  }

  clear(): void {
    this.queue.clear();
    this.disarm();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    this.disarm();
  }

  private arm(): void {
    this.disarm();
    const next = this.queue.peek();
    if (!next || this.clock.isPinned) return;
    // cap the wait so that a far-away timer never overflows setTimeout's 32-bit delay
    const delay = Math.min(Math.max(next.due - this.clock.now(), 0), 2 ** 30);
    this.timer = setTimeout(() => this.check(), delay);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
