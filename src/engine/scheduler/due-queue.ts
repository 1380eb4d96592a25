import { type Key } from '../api';

export type DueKind = 'timer' | 'job-timeout' | 'job-backoff' | 'message-ttl';

export interface DueEntry {
  due: number;
  kind: DueKind;
  key: Key;
}

/**
 * A min-heap of things that fall due (timers, job deadlines, back-offs, message TTLs). Entries are not removed
 * one by one when they stop applying (a job completed before its deadline): when one pops, its processor checks
 * the state and ignores it. `retain` drops such entries in bulk so that they do not pile up until they are due.
 */
export class DueQueue {
  private readonly heap: DueEntry[] = [];

  get size(): number {
    return this.heap.length;
  }

  add(entry: DueEntry): void {
    this.heap.push(entry);
    this.up(this.heap.length - 1);
  }

  peek(): DueEntry | undefined {
    return this.heap[0];
  }

  /** Removes and returns every entry due at or before `now`. */
  popDue(now: number): DueEntry[] {
    const due: DueEntry[] = [];
    while (this.heap.length > 0 && this.heap[0].due <= now) due.push(this.pop());
    return due;
  }

  clear(): void {
    this.heap.length = 0;
  }

  /** Keeps only the entries for which `keep` holds (one pass, then the heap is rebuilt bottom-up). */
  retain(keep: (entry: DueEntry) => boolean): void {
    let kept = 0;
    for (const entry of this.heap) if (keep(entry)) this.heap[kept++] = entry;
    this.heap.length = kept;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this.down(i);
  }

  private pop(): DueEntry {
    const top = this.heap[0];
    const last = this.heap.pop() as DueEntry;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.heap[parent].due <= this.heap[i].due) return;
      [this.heap[parent], this.heap[i]] = [this.heap[i], this.heap[parent]];
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < n && this.heap[l].due < this.heap[min].due) min = l;
      if (r < n && this.heap[r].due < this.heap[min].due) min = r;
      if (min === i) return;
      [this.heap[min], this.heap[i]] = [this.heap[i], this.heap[min]];
      i = min;
    }
  }
}
