import { type EngineState } from '../engine-state';

/** Counts the inner instances of a multi-instance body as they end (the numberOf… variables, A8). */
export function countLoopChild(state: EngineState, key: string, intent: string): void {
  const instance = state.elementInstances.get(key);
  const body = instance ? state.elementInstances.get(instance.flowScopeKey) : undefined;
  if (!body || body.type !== 'MULTI_INSTANCE_BODY') return;
  if (intent === 'ELEMENT_COMPLETED') body.completedChildren = (body.completedChildren ?? 0) + 1;
  else body.terminatedChildren = (body.terminatedChildren ?? 0) + 1;
}
