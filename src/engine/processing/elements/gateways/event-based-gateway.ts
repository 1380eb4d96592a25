import { type JsonObject } from '../../../api';
import { type FlowNode } from '../../../model/graph';
import { type ProcessingContext } from '../../context';
import { type Element, lifecycle, recordValue } from '../shared/element';
import { activateElement, baseOf, completeElement } from '../shared/lifecycle';
import { type ElementProcessor } from '../shared/processor';
import { closeSubscriptions, openSubscriptions } from '../events/subscriptions';
import { applyPayload } from '../shared/variables';

/**
 * Event-based gateway (A4): stays ACTIVATED owning the subscriptions and timers of the catch events behind it.
 * The first trigger completes the gateway (closing all the others), takes the flow to the triggered catch event,
 * and activates and completes that event with the payload; later triggers find no open subscription.
 */
export const eventBasedGatewayProcessor: ElementProcessor = {
  onActivate(ctx: ProcessingContext, el: Element): void {
    if (!openSubscriptions(ctx, el, catchEvents(el))) return;
    lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
  },
  onComplete(): void {
    // completed by onEventTriggered only
  },
  onEventTriggered(ctx: ProcessingContext, el: Element, catchElementId: string, payload: JsonObject | undefined): void {
    const flowId = el.node.outgoing.find((id) => el.graph.flows.get(id)?.target === catchElementId);
    const catchNode = el.graph.nodes.get(catchElementId);
    if (!flowId || !catchNode) return;
    lifecycle(ctx, el, 'ELEMENT_COMPLETING');
    closeSubscriptions(ctx, el.inst.key);
    ctx.event('PROCESS_INSTANCE', 'ELEMENT_COMPLETED', el.inst.key, recordValue(ctx, el.inst, el.node));
    const base = baseOf(el.inst);
    ctx.event('PROCESS_INSTANCE', 'SEQUENCE_FLOW_TAKEN', ctx.keys.nextKey(), {
      ...base, elementId: flowId, flowScopeKey: el.inst.flowScopeKey, bpmnElementType: 'SEQUENCE_FLOW', bpmnEventType: 'UNSPECIFIED',
    });
    // the catch event already happened: it is activated and completed at once with the payload
    activateElement(ctx, el.graph, catchNode, el.inst.flowScopeKey, base, {
      beforeActivate: (event) => {
        lifecycle(ctx, event, 'ELEMENT_ACTIVATED');
        applyPayload(ctx, event, payload);
        completeElement(ctx, event);
      },
    });
  },
};

function catchEvents(el: Element): FlowNode[] {
  return el.node.outgoing
    .map((id) => el.graph.nodes.get(el.graph.flows.get(id)?.target ?? ''))
    .filter((n): n is FlowNode => n !== undefined);
}
