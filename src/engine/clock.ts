import { type EngineClock } from './api';

export type ClockListener = () => void;

/** What a controlled clock keeps across restarts: the pinned instant, or the offset from the wall clock. */
export interface ClockSetting {
  pinnedAt?: number;
  offset: number;
}

/** Where the clock keeps its setting (the engine's store), so that a restarted engine has the same time. */
export interface ClockSettingStore {
  load(): ClockSetting | undefined;
  save(setting: ClockSetting): void;
}

/**
 * The engine's only source of time. In controlled mode it can be pinned to an instant or moved by an offset;
 * listeners (the scheduler) hear about every change so that due timers fire at once. Every change is saved, so
 * job deadlines and timers written in moved time still hold after a restart.
 */
export class ControllableClock implements EngineClock {
  private pinnedAt: number | undefined;
  private offset = 0;
  private readonly listeners = new Set<ClockListener>();

  constructor(
    private readonly allowControl: boolean,
    private readonly source: () => number = () => Date.now(),
    private readonly settings?: ClockSettingStore,
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

  /** The setting saved by an earlier run, if the clock may be controlled; returns what was restored. */
  restore(): ClockSetting | undefined {
    const saved = this.settings?.load();
    if (!saved || !this.allowControl) return undefined;
    this.pinnedAt = saved.pinnedAt;
    this.offset = saved.offset;
    this.changed(false);
    return saved;
  }

  /** Saves the current setting again (after a purge emptied the store). */
  persist(): void {
    this.settings?.save(this.setting());
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

  private setting(): ClockSetting {
    return this.pinnedAt !== undefined ? { pinnedAt: this.pinnedAt, offset: 0 } : { offset: this.offset };
  }

  private assertControllable(): void {
    if (!this.allowControl) {
      throw new Error('The engine clock is not controllable; start the engine with a controlled clock to pin or move it');
    }
  }

  private changed(save = true): void {
    if (save) this.persist();
    for (const listener of this.listeners) listener();
  }
}
