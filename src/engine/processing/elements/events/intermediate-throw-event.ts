import { completeWithOutputs, passThrough } from '../shared/activity';
import { cancelJob } from '../shared/jobs';
import { type ElementProcessor } from '../shared/processor';
import { throwBehaviourOf } from './definitions';

/** Intermediate throw events: none passes through; message (a job), signal and escalation throw (A2, A7). */
export const intermediateThrowEventProcessor: ElementProcessor = {
  onActivate(ctx, el) {
    const throwing = throwBehaviourOf(el.node.eventType);
    if (throwing) throwing(ctx, el);
    else passThrough(ctx, el);
  },
  onComplete: completeWithOutputs,
  onTerminate: cancelJob,
};
