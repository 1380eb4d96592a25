import { type EngineClock } from './api';

export type ClockListener = () => void;

/**
 * The engine's only source of time. In controlled mode it can be pinned to an instant or moved by an offset;
 * listeners (the scheduler) hear about every change so that due timers fire at once.
 */
export class ControllableClock implements EngineClock {
  private pinnedAt: number | undefined;
  private offset = 0;
  private readonly listeners = new Set<ClockListener>();

  constructor(
    private readonly allowControl: boolean,
    private readonly source: () => number = () => Date.now(),
  ) {}

  get controlled(): boolean {
    return this.pinnedAt !== undefined || this.offset !== 0;
  }

  /** True while the clock stands still (pinned); then only clock changes can make things fall due. */
  get isPinned(): boolean {
    return this.pinnedAt !== undefined;
  }

  now(): number {
    return this.pinnedAt ?? this.source() + this.offset;
  }

  pin(epochMs: number): void {
    this.assertControllable();
    if (!Number.isFinite(epochMs)) throw new Error(`Expected a finite epoch millisecond value, but got '${epochMs}'`);
    this.pinnedAt = Math.trunc(epochMs);
    this.offset = 0;
    this.changed();
  }

  add(offsetMs: number): void {
    this.assertControllable();
    if (!Number.isFinite(offsetMs)) throw new Error(`Expected a finite offset in milliseconds, but got '${offsetMs}'`);
    if (this.pinnedAt !== undefined) this.pinnedAt += Math.trunc(offsetMs);
    else this.offset += Math.trunc(offsetMs);
    this.changed();
  }

  reset(): void {
    this.assertControllable();
    this.pinnedAt = undefined;
    this.offset = 0;
    this.changed();
  }

  onChange(listener: ClockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private assertControllable(): void {
    if (!this.allowControl) {
      throw new Error('The engine clock is not controllable; start the engine with a controlled clock to pin or move it');
    }
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
