import { noneStartEvent } from '../../model/graph';
import { type ProcessingContext } from '../context';
import { type Element, lifecycle } from '../bpmn/element';
import { activateWithPayload, baseOf, finishCompletion } from '../bpmn/lifecycle';
import { applyPayload } from '../bpmn/variables';
import { eventSubProcessStartNodes } from '../bpmn/event-sub-process';
import { type ElementProcessor } from '../bpmn/processor';
import { openSubscriptions } from '../bpmn/subscriptions';

/** The process instance itself: starts at the none start event, or where the creating command asked. */
export const processProcessor: ElementProcessor = {
  onActivate(ctx: ProcessingContext, el: Element): void {
    if (!openSubscriptions(ctx, el, eventSubProcessStartNodes(el))) return;
    lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
    const requested = ctx.takeStartElements(el.inst.key);
    const payload = ctx.takeStartPayload(el.inst.key);
    const starts = requested ?? [noneStartEvent(el.graph, el.node.id)?.id].filter((id): id is string => id !== undefined);
    for (const id of starts) {
      const node = el.graph.nodes.get(id);
      if (node) activateWithPayload(ctx, el.graph, node, el.inst.key, baseOf(el.inst), payload, (start, doc) => applyPayload(ctx, start, doc));
    }
  },
  onComplete(ctx: ProcessingContext, el: Element): void {
    finishCompletion(ctx, el, []);
  },
};
