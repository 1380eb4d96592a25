import { type ProcessingContext } from '../context';
import { completeWithOutputs } from '../bpmn/activity';
import { type Element, lifecycle } from '../bpmn/element';
import { cancelJob, createJob, evaluateJobDefinition } from '../bpmn/jobs';
import { type ElementProcessor } from '../bpmn/processor';
import { applyInputMappings } from '../bpmn/variables';
import { boundaryCatchNodes, openSubscriptions } from '../bpmn/subscriptions';

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
