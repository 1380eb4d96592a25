import { activateWaitingElement, completeWithOutputs } from '../shared/activity';
import { type ElementProcessor } from '../shared/processor';

/** Receive task: waits for its message like an intermediate catch event, with boundary events (A6). */
export const receiveTaskProcessor: ElementProcessor = {
  onActivate(ctx, el) {
    activateWaitingElement(ctx, el, [el.node]);
  },
  onComplete: completeWithOutputs,
};
