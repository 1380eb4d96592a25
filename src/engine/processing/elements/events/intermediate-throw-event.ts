import { completeWithOutputs, passThrough } from '../shared/activity';
import { cancelJob } from '../shared/jobs';
import { type ElementProcessor } from '../shared/processor';
import { activateJobWorker } from '../tasks/job-worker-task';

/** Intermediate throw events: none passes through, message is a job (A2). */
export const intermediateThrowEventProcessor: ElementProcessor = {
  onActivate(ctx, el) {
    if (el.node.jobType) activateJobWorker(ctx, el);
    else passThrough(ctx, el);
  },
  onComplete: completeWithOutputs,
  onTerminate: cancelJob,
};
