import { completeWithOutputs, passThrough } from '../bpmn/activity';
import { cancelJob } from '../bpmn/jobs';
import { type ElementProcessor } from '../bpmn/processor';
import { activateJobWorker } from './job-worker-task';

/** Intermediate throw events: none passes through, message is a job (A2). */
export const intermediateThrowEventProcessor: ElementProcessor = {
  onActivate(ctx, el) {
    if (el.node.jobType) activateJobWorker(ctx, el);
    else passThrough(ctx, el);
  },
  onComplete: completeWithOutputs,
  onTerminate: cancelJob,
};
