import { completeWithOutputs, passThrough } from '../bpmn/activity';
import { type ElementProcessor } from '../bpmn/processor';

/** A boundary event is activated only when it triggers; it then completes at once (A5–A7). */
export const boundaryEventProcessor: ElementProcessor = {
  onActivate: (ctx, el) => passThrough(ctx, el, false),
  onComplete: completeWithOutputs,
};
