import { type Key } from '../../api';
import { nextTrigger } from '../../timer';
import { type ProcessingContext } from '../context';
import { elementOf } from '../elements/shared/element';
import { createTimer, type TimerValue } from '../elements/events/definitions/timer';
import { startInstance } from './create-instance';
import { triggerCatch } from '../elements/events/catch-trigger';

/**
 * A timer fell due (A5): a timer start event creates an instance; otherwise the waiting catch element is
 * triggered. Cycles re-arm after each fire (start events, non-interrupting boundary events) until exhausted.
 */
export function triggerTimer(ctx: ProcessingContext, timerKey: Key): void {
  const timer = ctx.state.timers.get(timerKey);
  if (!timer || timer.value.dueDate > ctx.now) return;
  const value = timer.value as TimerValue;
  const { elementInstanceKey, processDefinitionKey, targetElementId } = value;
  ctx.event('TIMER', 'TRIGGERED', timerKey, value);
  const next = value.cycle ? nextTrigger({ kind: value.kind, dueDate: value.dueDate, repetitions: value.repetitions, cycle: value.cycle }, value.dueDate) : null;
  if (elementInstanceKey === '-1') {
    const definition = ctx.state.processes.get(processDefinitionKey);
    if (!definition) return;
    startInstance(ctx, definition, {}, [targetElementId]);
    if (next) createTimer(ctx, value, targetElementId, next);
    return;
  }
  const owner = elementOf(ctx, elementInstanceKey);
  const catchNode = owner?.graph.nodes.get(targetElementId);
  triggerCatch(ctx, elementInstanceKey, targetElementId, undefined);
  const stillWaiting = ctx.state.instance(elementInstanceKey)?.state === 'ACTIVATED';
  const nonInterrupting = (catchNode?.type === 'BOUNDARY_EVENT' || catchNode?.type === 'START_EVENT') && !catchNode.interrupting;
  if (next && stillWaiting && nonInterrupting) createTimer(ctx, value, targetElementId, next);
}
