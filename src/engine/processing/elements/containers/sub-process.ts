import { noneStartEvent } from '../../../model/graph';
import { type ProcessingContext } from '../../context';
import { activateWaitingElement, completeWithOutputs } from '../shared/activity';
import { type Element } from '../shared/element';
import { activateElement, baseOf } from '../shared/lifecycle';
import { type ElementProcessor } from '../shared/processor';

/** Embedded sub-process: a scope of its own; locals vanish on completion unless output-mapped (A8). */
export const subProcessProcessor: ElementProcessor = {
  onActivate(ctx: ProcessingContext, el: Element): void {
    if (!activateWaitingElement(ctx, el)) return;
    const start = noneStartEvent(el.graph, el.node.id);
    if (start) activateElement(ctx, el.graph, start, el.inst.key, baseOf(el.inst));
  },
  onComplete: completeWithOutputs,
};
