import { type JobRecordValue } from '../../api';
import { evaluateNonEmptyString, evaluateTyped, isExpression } from '../../feel';
import { type ProcessingContext } from '../context';
import { type Element } from './element';
import { raiseIncident } from './incidents';

export interface JobDefinition {
  type: string;
  retries: number;
}

/** Evaluates the job type and retries of a job worker element (after its input mappings); incident on failure. */
export function evaluateJobDefinition(ctx: ProcessingContext, el: Element): JobDefinition | undefined {
  const typeText = el.node.jobType ?? '';
  const retriesText = el.node.jobRetries ?? '3';
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

export function createJob(ctx: ProcessingContext, el: Element, definition: JobDefinition): void {
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
  };
  ctx.event('JOB', 'CREATED', ctx.keys.nextKey(), value);
}

/** Cancels the job of a terminated element. */
export function cancelJob(ctx: ProcessingContext, el: Element): void {
  const jobKey = el.inst.jobKey;
  const job = jobKey ? ctx.state.jobs.get(jobKey) : undefined;
  if (job && job.state !== 'ERROR_THROWN') ctx.event('JOB', 'CANCELED', job.key, job.value);
}
