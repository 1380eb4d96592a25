import { activateWaitingElement, completeWithOutputs } from '../shared/activity';
import { type ElementProcessor } from '../shared/processor';

/** Intermediate timer/message catch: waits for its own subscription, completes when triggered (A5, A6). */
export const intermediateCatchEventProcessor: ElementProcessor = {
  onActivate(ctx, el) {
    activateWaitingElement(ctx, el, [el.node]);
  },
  onComplete: completeWithOutputs,
};
