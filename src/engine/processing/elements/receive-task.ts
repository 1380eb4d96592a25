import { activateWaitingElement, completeWithOutputs } from '../bpmn/activity';
import { type ElementProcessor } from '../bpmn/processor';

/** Receive task: waits for its message like an intermediate catch event, with boundary events (A6). */
export const receiveTaskProcessor: ElementProcessor = {
  onActivate(ctx, el) {
    activateWaitingElement(ctx, el, [el.node]);
  },
  onComplete: completeWithOutputs,
};
