import { type Key, type TimerRecordValue } from '../../../../api';
import { type TimerDefinition } from '../../../../model/graph';
import { resolveTimer, type TimerResult, type TimerSchedule } from '../../../../timer';
import { type ProcessingContext } from '../../../context';
import { type Element } from '../../shared/element';

/** Timer records carry the cycle so that a repeating timer can be re-armed after it fired. */
export type TimerValue = TimerRecordValue & { cycle: string | null; kind: TimerSchedule['kind'] };

/** Evaluates a timer definition in an element's scope (A5). */
export function evaluateTimer(ctx: ProcessingContext, el: Element, definition: TimerDefinition): TimerResult {
  return resolveTimer(definition.kind, definition.expression, ctx.state.visibleVariables(el.inst.key), ctx.now);
}

export function createTimer(
  ctx: ProcessingContext,
  owner: { elementInstanceKey: Key; processInstanceKey: Key; processDefinitionKey: Key; tenantId: string },
  targetElementId: string,
  schedule: TimerSchedule,
): void {
  const value: TimerValue = {
    elementInstanceKey: owner.elementInstanceKey,
    processInstanceKey: owner.processInstanceKey,
    processDefinitionKey: owner.processDefinitionKey,
    dueDate: schedule.dueDate,
    targetElementId,
    repetitions: schedule.repetitions,
    tenantId: owner.tenantId,
    cycle: schedule.cycle,
    kind: schedule.kind,
  };
  ctx.event('TIMER', 'CREATED', ctx.keys.nextKey(), value);
}

export function ownerOf(el: Element): { elementInstanceKey: Key; processInstanceKey: Key; processDefinitionKey: Key; tenantId: string } {
  return {
    elementInstanceKey: el.inst.key,
    processInstanceKey: el.inst.processInstanceKey,
    processDefinitionKey: el.inst.processDefinitionKey,
    tenantId: el.inst.tenantId,
  };
}
