import { type Key } from '../../api';
import { compareKeys } from '../../keys';
import { type EngineState } from '../../state/engine-state';
import { type ProcessingContext } from '../context';
import { runActivate, runComplete } from '../elements/shared/lifecycle';

/**
 * Element instances between two steps: ACTIVATING or COMPLETING without an incident. No element rests there (it
 * goes on, an incident holds it, or it waits for a start execution listener's job); one is found only when the
 * engine stopped after a command's batch was written and before its follow-up command was (see
 * ProcessingContext.continuation).
 */
export function stalledElements(state: EngineState): Key[] {
  const held = new Set([...state.incidents.values()].map((incident) => incident.value.elementInstanceKey));
  const listening = (inst: { jobKey?: Key }): boolean => inst.jobKey !== undefined && state.jobs.get(inst.jobKey)?.value.jobKind === 'EXECUTION_LISTENER';
  return [...state.elementInstances.values()]
    .filter((inst) => (inst.state === 'ACTIVATING' || inst.state === 'COMPLETING') && !held.has(inst.key) && !listening(inst))
    .map((inst) => inst.key)
    .sort(compareKeys);
}

/** Runs the step each stalled element was waiting for, in the order they were created. */
export function resumeStalled(ctx: ProcessingContext, keys: readonly Key[]): void {
  for (const key of keys) {
    ctx.schedule((next) => (next.state.instance(key)?.state === 'ACTIVATING' ? runActivate(next, key) : runComplete(next, key)));
  }
}
