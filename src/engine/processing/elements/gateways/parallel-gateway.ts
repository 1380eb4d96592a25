import { type ProcessingContext } from '../../context';
import { type Element, lifecycle } from '../shared/element';
import { finishCompletion } from '../shared/lifecycle';
import { type ElementProcessor } from '../shared/processor';

/**
 * Parallel gateway (A4): activated once every incoming flow brought a token (lifecycle.takeFlows waits for the
 * join), then forks into all outgoing flows, all in one step.
 */
export const parallelGatewayProcessor: ElementProcessor = {
  onActivate(ctx: ProcessingContext, el: Element): void {
    lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
    lifecycle(ctx, el, 'ELEMENT_COMPLETING');
    finishCompletion(ctx, el);
  },
  onComplete(ctx: ProcessingContext, el: Element): void {
    finishCompletion(ctx, el);
  },
};
