import { completeWithOutputs, passThrough } from '../shared/activity';
import { type ElementProcessor } from '../shared/processor';

/** Undefined (`bpmn:task`) and manual tasks pass the token on. */
export const undefinedTaskProcessor: ElementProcessor = {
  onActivate: (ctx, el) => passThrough(ctx, el),
  onComplete: completeWithOutputs,
};
