import { completeWithOutputs, passThrough } from '../shared/activity';
import { cancelJob } from '../shared/jobs';
import { type ElementProcessor } from '../shared/processor';
import { endCompletionOf, throwBehaviourOf } from './definitions';

/** End events (A10): none and terminate end their token; error, escalation, signal and message throw first. */
export const endEventProcessor: ElementProcessor = {
  onActivate(ctx, el) {
    const throwing = throwBehaviourOf(el.node.eventType);
    if (throwing) throwing(ctx, el);
    else passThrough(ctx, el);
  },
  onComplete(ctx, el) {
    (endCompletionOf(el.node.eventType) ?? completeWithOutputs)(ctx, el);
  },
  onTerminate: cancelJob,
};
