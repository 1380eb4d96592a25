import { type Key } from '../../api';
import { type ProcessingContext } from '../context';
import { startInstance } from './create-instance';
import { triggerCatch } from './trigger-subscription';

/** A timer fell due (A5): start an instance (timer start event) or trigger the waiting catch element. */
export function triggerTimer(ctx: ProcessingContext, timerKey: Key): void {
  const timer = ctx.state.timers.get(timerKey);
  if (!timer || timer.value.dueDate > ctx.now) return;
  const { elementInstanceKey, processDefinitionKey, targetElementId } = timer.value;
  ctx.event('TIMER', 'TRIGGERED', timerKey, timer.value);
  if (elementInstanceKey === '-1') {
    const definition = ctx.state.processes.get(processDefinitionKey);
    if (definition) startInstance(ctx, definition, {}, [targetElementId]);
    return;
  }
  triggerCatch(ctx, elementInstanceKey, targetElementId, undefined);
}
