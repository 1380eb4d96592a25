import { completeWithOutputs, passThrough } from '../shared/activity';
import { type ElementProcessor } from '../shared/processor';

/** Start events complete at once; trigger variables were applied when they were activated. */
export const startEventProcessor: ElementProcessor = {
  onActivate: (ctx, el) => passThrough(ctx, el, false),
  onComplete: completeWithOutputs,
};
