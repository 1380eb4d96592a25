import { type EngineState } from './engine-state';

/**
 * Encodes the whole state (every Map and Set field, also inside sub-states such as decisions and signals) as JSON
 * for snapshots, and decodes it back into a fresh state. The shape (the list of fields) is recorded, so a snapshot
 * written by code with a different state shape is ignored instead of silently missing data.
 */

type Encoded = { $m: [string, unknown][] } | { $s: unknown[] } | { $h: Record<string, unknown> };

/** Fields that are not state (the graph resolver is a cache of parsed resources). */
const SKIP = new Set(['graphs']);

export function encodeState(state: EngineState): { shape: string; data: string } {
  const data = encodeHolder(state as unknown as Record<string, unknown>);
  return { shape: shapeOf(data), data: JSON.stringify(data) };
}

/** Fills a fresh state from a snapshot; false when the snapshot does not fit the current state shape. */
export function decodeInto(state: EngineState, shape: string, data: string): boolean {
  const current = encodeHolder(state as unknown as Record<string, unknown>);
  if (shapeOf(current) !== shape) return false;
  restoreHolder(state as unknown as Record<string, unknown>, JSON.parse(data) as Record<string, unknown>);
  return true;
}

function encodeHolder(holder: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(holder)) {
    if (SKIP.has(name)) continue;
    if (value instanceof Map || value instanceof Set) out[name] = encodeValue(value);
    else if (isHolder(value)) out[name] = { $h: encodeHolder(value as Record<string, unknown>) };
  }
  return out;
}

function isHolder(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) &&
    Object.values(value).some((v) => v instanceof Map || v instanceof Set);
}

function encodeValue(value: unknown): unknown {
  if (value instanceof Map) return { $m: [...value].map(([k, v]) => [k, encodeValue(v)]) };
  if (value instanceof Set) return { $s: [...value] };
  return value;
}

function decodeValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const encoded = value as Encoded;
  if ('$m' in encoded) return new Map(encoded.$m.map(([k, v]) => [k, decodeValue(v)]));
  if ('$s' in encoded) return new Set(encoded.$s);
  return value;
}

function restoreHolder(target: Record<string, unknown>, data: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(data)) {
    const field = target[name];
    if (field instanceof Map) {
      field.clear();
      for (const [k, v] of decodeValue(value) as Map<unknown, unknown>) field.set(k, v);
    } else if (field instanceof Set) {
      field.clear();
      for (const v of decodeValue(value) as Set<unknown>) field.add(v);
    } else if (typeof field === 'object' && field !== null) {
      restoreHolder(field as Record<string, unknown>, (value as { $h: Record<string, unknown> }).$h);
    }
  }
}

/** The field paths of an encoded state, e.g. `elementInstances,decisions.decisions,…`. */
function shapeOf(encoded: Record<string, unknown>, prefix = ''): string {
  return Object.entries(encoded)
    .map(([name, value]) => {
      const h = (value as { $h?: Record<string, unknown> }).$h;
      return h ? shapeOf(h, `${prefix}${name}.`) : `${prefix}${name}`;
    })
    .sort()
    .join(',');
}
