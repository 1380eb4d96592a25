import { completeWithOutputs, passThrough } from '../shared/activity';
import { type ElementProcessor } from '../shared/processor';

/** A boundary event is activated only when it triggers; it then completes at once (A5–A7). */
export const boundaryEventProcessor: ElementProcessor = {
  onActivate: (ctx, el) => passThrough(ctx, el, false),
  onComplete: completeWithOutputs,
};
