import { type ProcessingContext } from '../../../context';
import { type Element, elementOf } from '../../shared/element';
import { finishCompletion, terminateChildren } from '../../shared/lifecycle';
import { applyOutputMappings } from '../../shared/variables';

/**
 * Terminate end event (A10): on completion it terminates everything else in its flow scope, which then completes
 * because it has no children left.
 */
export function completeTerminateEndEvent(ctx: ProcessingContext, el: Element): void {
  if (!applyOutputMappings(ctx, el)) return;
  const scope = elementOf(ctx, el.inst.flowScopeKey);
  if (scope) terminateChildren(ctx, scope.inst, el.inst.key);
  finishCompletion(ctx, el);
}
