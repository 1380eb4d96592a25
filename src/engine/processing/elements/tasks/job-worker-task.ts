import { type ProcessingContext } from '../../context';
import { completeWithOutputs } from '../shared/activity';
import { type Element, lifecycle } from '../shared/element';
import { cancelJob, createJob, evaluateJobDefinition } from '../shared/jobs';
import { type ElementProcessor } from '../shared/processor';
import { applyInputMappings } from '../shared/variables';
import { boundaryCatchNodes, openSubscriptions } from '../events/subscriptions';

/**
 * Job worker elements (service, send, script and business-rule tasks with a task definition, job-based user
 * tasks, message throw/end events): input mappings, job type and retries, subscriptions, ACTIVATED, job CREATED.
 */
export function activateJobWorker(ctx: ProcessingContext, el: Element): void {
  if (!applyInputMappings(ctx, el)) return;
  const definition = evaluateJobDefinition(ctx, el);
  if (!definition) return;
  if (!openSubscriptions(ctx, el, boundaryCatchNodes(el))) return;
  lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
  createJob(ctx, el, definition);
}

export const jobWorkerTaskProcessor: ElementProcessor = {
  onActivate: activateJobWorker,
  onComplete: completeWithOutputs,
  onTerminate: cancelJob,
};
