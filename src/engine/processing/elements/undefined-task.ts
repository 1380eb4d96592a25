import { completeWithOutputs, passThrough } from '../bpmn/activity';
import { type ElementProcessor } from '../bpmn/processor';

/** Undefined (`bpmn:task`) and manual tasks pass the token on. */
export const undefinedTaskProcessor: ElementProcessor = {
  onActivate: (ctx, el) => passThrough(ctx, el),
  onComplete: completeWithOutputs,
};
