import { type ProcessingContext } from '../../context';
import { completeWithOutputs } from '../shared/activity';
import { type Element, lifecycle } from '../shared/element';
import { triggerValue } from './event-sub-process-trigger';
import { activateElement, baseOf } from '../shared/lifecycle';
import { type ElementProcessor } from '../shared/processor';
import { applyInputMappings, applyPayload } from '../shared/variables';

/**
 * Event sub-process (A8): activated by a trigger of its start event (event-sub-process-trigger.ts); runs its start
 * event with the trigger's payload. Its locals are discarded unless output-mapped; when it completes, its scope
 * completes if nothing else is active there.
 */
export const eventSubProcessProcessor: ElementProcessor = {
  onActivate(ctx: ProcessingContext, el: Element): void {
    if (!applyInputMappings(ctx, el)) return;
    lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
    const start = el.graph.nodes.get(el.node.startEvents[0] ?? '');
    if (!start) return;
    // the trigger's variables stay with the instance until here: a retry after a failed input mapping still has them
    const payload = el.inst.triggerVariables;
    activateElement(ctx, el.graph, start, el.inst.key, baseOf(el.inst), {
      beforeActivate: (startEl) => {
        applyPayload(ctx, startEl, payload);
        if (payload) ctx.event('PROCESS_EVENT', 'TRIGGERED', el.inst.key, triggerValue(el, start, payload));
      },
    });
  },
  onComplete: completeWithOutputs,
};
