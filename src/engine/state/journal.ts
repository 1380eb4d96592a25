/**
 * Undo journal of the state for one batch. While a batch is processed, the first time an applier touches an entry
 * of a state map (get, set or delete of a key), the entry's before-image is kept (a deep copy, since appliers
 * change the objects they get); a batch that fails is undone by putting the before-images back, newest first. The
 * cost of a rollback is that of the batch, however long the log.
 */
export class StateJournal {
  /** A batch is open: appliers' touches are journaled (never while the state is rebuilt from the log). */
  private open = false;
  /** An applier is running. */
  private applying = false;
  private readonly images: { map: Map<unknown, unknown>; key: unknown; had: boolean; value: unknown }[] = [];
  private readonly touched = new Map<Map<unknown, unknown>, Set<unknown>>();

  begin(): void {
    this.discard();
    this.open = true;
  }

  /** Runs an applier with its touches journaled (when a batch is open). */
  whileApplying<T>(apply: () => T): T {
    if (!this.open) return apply();
    this.applying = true;
    try {
      return apply();
    } finally {
      this.applying = false;
    }
  }

  note(map: Map<unknown, unknown>, key: unknown): void {
    if (!this.applying) return;
    let keys = this.touched.get(map);
    if (!keys) this.touched.set(map, (keys = new Set()));
    if (keys.has(key)) return;
    keys.add(key);
    const had = Map.prototype.has.call(map, key);
    this.images.push({ map, key, had, value: had ? copyOf(Map.prototype.get.call(map, key)) : undefined });
  }

  /** The batch was written: its before-images are no longer needed. */
  commit(): void {
    this.discard();
    this.open = false;
  }

  /** Puts every touched entry back as it was before the batch. */
  rollback(): void {
    for (let i = this.images.length - 1; i >= 0; i--) {
      const { map, key, had, value } = this.images[i];
      if (had) Map.prototype.set.call(map, key, value);
      else Map.prototype.delete.call(map, key);
    }
    this.commit();
  }

  private discard(): void {
    this.images.length = 0;
    this.touched.clear();
  }
}

/**
 * A deep copy of a state value: plain objects, arrays, maps and sets of JSON values (made here rather than by
 * structuredClone, whose maps would belong to another realm where the engine runs inside a VM context).
 */
function copyOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyOf);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, copyOf(v)]));
  if (value instanceof Set) return new Set(value);
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) copy[k] = copyOf(v);
  return copy;
}

/** A state map whose entries the journal sees being touched. */
export class JournaledMap<K, V> extends Map<K, V> {
  constructor(private readonly journal: StateJournal) {
    super();
  }

  override get(key: K): V | undefined {
    this.journal.note(this as Map<unknown, unknown>, key);
    return super.get(key);
  }

  override set(key: K, value: V): this {
    this.journal.note(this as Map<unknown, unknown>, key);
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    this.journal.note(this as Map<unknown, unknown>, key);
    return super.delete(key);
  }
}
