import { type EngineRecord, type MultiInstanceRecordValue } from '../../api';
import { type EngineState } from '../engine-state';

/** Counts the inner instances of a multi-instance body as they end (the numberOf… variables, A8). */
export function countLoopChild(state: EngineState, key: string, intent: string): void {
  const instance = state.elementInstances.get(key);
  const body = instance ? state.elementInstances.get(instance.flowScopeKey) : undefined;
  if (!body || body.type !== 'MULTI_INSTANCE_BODY') return;
  if (intent === 'ELEMENT_COMPLETED') body.completedChildren = (body.completedChildren ?? 0) + 1;
  else body.terminatedChildren = (body.terminatedChildren ?? 0) + 1;
}

/** Keeps the evaluated input collection on the body instance; later iterations read it instead of re-evaluating. */
export function applyMultiInstance(state: EngineState, record: EngineRecord): void {
  if (record.intent !== 'INPUT_COLLECTION_EVALUATED') return;
  const body = state.elementInstances.get(record.key);
  if (body) body.inputCollection = (record.value as unknown as MultiInstanceRecordValue).inputCollection;
}
