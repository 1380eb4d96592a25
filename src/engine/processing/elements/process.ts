import { noneStartEvent } from '../../model/graph';
import { type ProcessingContext } from '../context';
import { type Element, lifecycle } from '../bpmn/element';
import { activateElement, baseOf, finishCompletion } from '../bpmn/lifecycle';
import { eventSubProcessStartNodes } from '../bpmn/event-sub-process';
import { type ElementProcessor } from '../bpmn/processor';
import { openSubscriptions } from '../bpmn/subscriptions';

/** The process instance itself: starts at the none start event, or where the creating command asked. */
export const processProcessor: ElementProcessor = {
  onActivate(ctx: ProcessingContext, el: Element): void {
    if (!openSubscriptions(ctx, el, eventSubProcessStartNodes(el))) return;
    lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
    const requested = ctx.takeStartElements(el.inst.key);
    const starts = requested ?? [noneStartEvent(el.graph, el.node.id)?.id].filter((id): id is string => id !== undefined);
    for (const id of starts) {
      const node = el.graph.nodes.get(id);
      if (node) activateElement(ctx, el.graph, node, el.inst.key, baseOf(el.inst));
    }
  },
  onComplete(ctx: ProcessingContext, el: Element): void {
    finishCompletion(ctx, el, []);
  },
};
