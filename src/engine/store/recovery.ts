import { type ProcessRecordValue } from '../api';
import { FIRST_KEY } from '../keys';
import { type GraphCache } from '../model/graph-cache';
import { applyRecord } from '../state/appliers';
import { EngineState } from '../state/engine-state';
import { decodeInto, encodeState } from '../state/state-codec';
import { type RecordStore } from './record-store';
import { loadDecisionGraphs } from './decision-recovery';

export const NEXT_KEY_META = 'next_key';

/** Parses every deployed resource once, so that replay and processing can resolve graphs synchronously. */
export async function loadGraphs(store: RecordStore, graphs: GraphCache): Promise<void> {
  const rows = store.db
    .prepare(`SELECT value FROM engine_records WHERE value_type = 'PROCESS' AND intent = 'CREATED' ORDER BY position`)
    .all() as { value: string }[];
  for (const row of rows) {
    const v = JSON.parse(row.value) as ProcessRecordValue;
    await graphs.load(v.checksum, v.resource);
  }
  await loadDecisionGraphs(store);
}

/**
 * Rebuilds the state by applying every EVENT record of the log in order. A compacted log cannot be replayed: that
 * is refused rather than building a state that lacks everything below the compaction.
 */
export function replay(store: RecordStore, graphs: GraphCache): EngineState {
  const compacted = store.compactedThrough();
  if (compacted > 0) {
    throw new Error(`The engine log was compacted through position ${compacted} and cannot be replayed from its start; it recovers from its snapshot, which must fit this version's state (else start the version that wrote it, or restore a backup)`);
  }
  const state = new EngineState(graphs);
  for (const record of store.read()) applyRecord(state, record);
  return state;
}

/**
 * Rebuilds the state from the latest snapshot plus the records after it; a full replay when there is none, or when
 * the snapshot does not fit this code's state shape (which a compacted log refuses).
 */
export function recover(store: RecordStore, graphs: GraphCache): EngineState {
  const snapshot = store.loadSnapshot();
  const state = new EngineState(graphs);
  if (!snapshot || !decodeInto(state, snapshot.shape, store.snapshotChunks())) return replay(store, graphs);
  for (const record of store.read(snapshot.position + 1)) applyRecord(state, record);
  return state;
}

/** Writes a snapshot of the state as of `position` (inside the batch transaction). */
export function snapshot(store: RecordStore, state: EngineState, position: number, nextKey: bigint): void {
  const { shape, chunks } = encodeState(state);
  store.saveSnapshot({ position, nextKey: nextKey.toString(), shape }, chunks);
}

export function persistedNextKey(store: RecordStore): bigint {
  const value = store.meta(NEXT_KEY_META);
  return value ? BigInt(value) : FIRST_KEY;
}
