import { type EngineState } from './engine-state';

/**
 * Encodes the whole state (every Map and Set field, also inside sub-states such as decisions and signals) as JSON
 * chunks of at most CHUNK entries for snapshots, and decodes them into a fresh state. The shape (the list of field
 * paths) is recorded, so a snapshot written by code with a different state shape is ignored instead of silently
 * missing data. Chunks keep single strings small however large the state grows.
 */

export interface StateChunk {
  /** Field path, e.g. `elementInstances` or `decisions.decisions`. */
  field: string;
  /** JSON array of entries ([key, value] for maps, values for sets). */
  data: string;
}

const CHUNK = 5000;

/** Fields that are not state (the graph resolver is a cache of parsed resources, the journal serves rollbacks). */
const SKIP = new Set(['graphs', 'journal']);

type Collection = Map<unknown, unknown> | Set<unknown>;

export function encodeState(state: EngineState): { shape: string; chunks: StateChunk[] } {
  const chunks: StateChunk[] = [];
  const fields = collections(state as unknown as Record<string, unknown>);
  for (const [field, collection] of fields) {
    const entries = collection instanceof Map ? [...collection].map(([k, v]) => [k, encodeValue(v)]) : [...collection];
    for (let i = 0; i < entries.length; i += CHUNK) chunks.push({ field, data: JSON.stringify(entries.slice(i, i + CHUNK)) });
  }
  return { shape: fields.map(([field]) => field).sort().join(','), chunks };
}

/** Fills a fresh state from snapshot chunks; false when the snapshot does not fit the current state shape. */
export function decodeInto(state: EngineState, shape: string, chunks: Iterable<StateChunk>): boolean {
  const fields = new Map(collections(state as unknown as Record<string, unknown>));
  if ([...fields.keys()].sort().join(',') !== shape) return false;
  for (const chunk of chunks) {
    const target = fields.get(chunk.field);
    if (!target) return false;
    const entries = JSON.parse(chunk.data) as unknown[];
    if (target instanceof Map) for (const [k, v] of entries as [unknown, unknown][]) target.set(k, decodeValue(v));
    else for (const v of entries) target.add(v);
  }
  return true;
}

/** Every Map/Set of the state with its field path, sub-states (objects holding maps) included. */
function collections(holder: Record<string, unknown>, prefix = ''): [string, Collection][] {
  const found: [string, Collection][] = [];
  for (const [name, value] of Object.entries(holder)) {
    if (SKIP.has(name)) continue;
    if (value instanceof Map || value instanceof Set) found.push([`${prefix}${name}`, value]);
    else if (isHolder(value)) found.push(...collections(value as Record<string, unknown>, `${prefix}${name}.`));
  }
  return found;
}

function isHolder(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) &&
    Object.values(value).some((v) => v instanceof Map || v instanceof Set);
}

/** Nested maps and sets inside map values (e.g. variables per scope). */
function encodeValue(value: unknown): unknown {
  if (value instanceof Map) return { $m: [...value].map(([k, v]) => [k, encodeValue(v)]) };
  if (value instanceof Set) return { $s: [...value] };
  return value;
}

function decodeValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if ('$m' in value) return new Map((value as { $m: [unknown, unknown][] }).$m.map(([k, v]) => [k, decodeValue(v)]));
  if ('$s' in value) return new Set((value as { $s: unknown[] }).$s);
  return value;
}
