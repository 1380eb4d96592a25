import { noneStartEvent } from '../../../model/graph';
import { type ProcessingContext } from '../../context';
import { type Element, lifecycle } from '../shared/element';
import { activateWithPayload, baseOf, finishCompletion } from '../shared/lifecycle';
import { applyPayload } from '../shared/variables';
import { eventSubProcessStartNodes } from './event-sub-process-trigger';
import { type ElementProcessor } from '../shared/processor';
import { openSubscriptions } from '../events/subscriptions';

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
