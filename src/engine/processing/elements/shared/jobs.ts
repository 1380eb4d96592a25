import { type JobRecordValue } from '../../../api';
import { evaluateNonEmptyString, evaluateTyped, isExpression } from '../../../feel';
import { type ProcessingContext } from '../../context';
import { type Element } from './element';
import { raiseIncident } from './incidents';

export interface JobDefinition {
  type: string;
  retries: number;
}

/** Evaluates the job type and retries of a job worker element (after its input mappings); incident on failure. */
export function evaluateJobDefinition(ctx: ProcessingContext, el: Element): JobDefinition | undefined {
  return evaluateDefinition(ctx, el, el.node.jobType ?? '', el.node.jobRetries ?? '3');
}

function evaluateDefinition(ctx: ProcessingContext, el: Element, typeText: string, retriesText: string): JobDefinition | undefined {
  const needsVariables = isExpression(typeText) || isExpression(retriesText);
  const variables = needsVariables ? ctx.state.visibleVariables(el.inst.key) : {};
  let type = typeText;
  if (isExpression(typeText)) {
    const result = evaluateNonEmptyString(typeText, variables, ctx.now);
    if (!result.ok) {
      raiseIncident(ctx, el, 'EXTRACT_VALUE_ERROR', result.message);
      return undefined;
    }
    type = result.value;
  }
  let retries = Number(retriesText);
  if (isExpression(retriesText)) {
    const result = evaluateTyped(retriesText, 'NUMBER', variables, ctx.now);
    if (!result.ok) {
      raiseIncident(ctx, el, 'EXTRACT_VALUE_ERROR', result.message);
      return undefined;
    }
    retries = result.value;
  }
  return { type, retries: Number.isFinite(retries) ? Math.trunc(retries) : 3 };
}

/**
 * Creates the job of the next start execution listener of an element that is still ACTIVATING; false when there is
 * none left (or an incident was raised evaluating its type or retries).
 */
export function createStartListenerJob(ctx: ProcessingContext, el: Element): boolean {
  const listener = el.node.startListeners?.[el.inst.startListenersDone ?? 0];
  if (!listener) return false;
  const definition = evaluateDefinition(ctx, el, listener.type, listener.retries);
  if (!definition) return true;
  createJob(ctx, el, definition, { jobKind: 'EXECUTION_LISTENER', listenerEventType: 'START', customHeaders: { ...el.node.taskHeaders, ...listener.headers } });
  return true;
}

export function createJob(
  ctx: ProcessingContext,
  el: Element,
  definition: JobDefinition,
  listener?: Pick<JobRecordValue, 'jobKind' | 'listenerEventType' | 'customHeaders'>,
): void {
  const value: JobRecordValue = {
    type: definition.type,
    worker: '',
    retries: definition.retries,
    retryBackoff: 0,
    recurringTime: -1,
    deadline: -1,
    timeout: -1,
    errorMessage: '',
    errorCode: '',
    customHeaders: el.node.taskHeaders,
    variables: {},
    elementId: el.inst.elementId,
    elementInstanceKey: el.inst.key,
    bpmnProcessId: el.inst.bpmnProcessId,
    processDefinitionVersion: el.inst.version,
    processDefinitionKey: el.inst.processDefinitionKey,
    processInstanceKey: el.inst.processInstanceKey,
    tenantId: el.inst.tenantId,
    jobKind: 'BPMN_ELEMENT',
    ...listener,
  };
  ctx.event('JOB', 'CREATED', ctx.keys.nextKey(), value);
}

/** Cancels the job of a terminated element (its own, or the start listener's it is waiting for). */
export function cancelJob(ctx: ProcessingContext, el: Element): void {
  const jobKey = el.inst.jobKey;
  const job = jobKey ? ctx.state.jobs.get(jobKey) : undefined;
  if (job && job.state !== 'ERROR_THROWN') ctx.event('JOB', 'CANCELED', job.key, job.value);
}
