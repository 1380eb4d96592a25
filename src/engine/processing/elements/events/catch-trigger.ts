import { type JsonObject } from '../../../api';
import { type ProcessingContext } from '../../context';
import { elementOf } from '../shared/element';
import { activateWithPayload, baseOf, completeElement, terminateElement } from '../shared/lifecycle';
import { triggerEventSubProcess } from '../containers/event-sub-process-trigger';
import { applyPayload } from '../shared/variables';

/**
 * Triggers the catch element behind a subscription (timer, message or signal): the waiting element itself completes with
 * the payload; a boundary event interrupts its activity (or not) and is activated with the payload.
 */
export function triggerCatch(ctx: ProcessingContext, elementInstanceKey: string, catchElementId: string, payload: JsonObject | undefined): void {
  const el = elementOf(ctx, elementInstanceKey);
  if (!el || el.inst.state !== 'ACTIVATED') return;
  const owner = ctx.behaviours.processorFor(el.node.type);
  if (owner.onEventTriggered) return owner.onEventTriggered(ctx, el, catchElementId, payload);
  if (catchElementId === el.inst.elementId) {
    applyPayload(ctx, el, payload);
    completeElement(ctx, el);
    return;
  }
  const catchNode = el.graph.nodes.get(catchElementId);
  if (!catchNode) return;
  if (catchNode.type === 'START_EVENT') return triggerEventSubProcess(ctx, el, catchNode, payload);
  if (catchNode.interrupting) terminateElement(ctx, el);
  activateWithPayload(ctx, el.graph, catchNode, el.inst.flowScopeKey, baseOf(el.inst), payload, (boundary, doc) => applyPayload(ctx, boundary, doc));
}
