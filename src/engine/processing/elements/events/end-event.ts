import { type ProcessingContext } from '../../context';
import { completeWithOutputs } from '../shared/activity';
import { type Element, elementOf, lifecycle } from '../shared/element';
import { findErrorCatch, triggerErrorCatch, uncaughtErrorMessage } from './definitions/error';
import { raiseIncident, stringAttributeOrIncident } from '../shared/incidents';
import { cancelJob } from '../shared/jobs';
import { completeElement, terminateChildren } from '../shared/lifecycle';
import { type ElementProcessor } from '../shared/processor';
import { applyInputMappings, applyOutputMappings } from '../shared/variables';
import { finishCompletion } from '../shared/lifecycle';
import { activateJobWorker } from '../tasks/job-worker-task';

/** End events (A10): none, terminate, error, message (a job). */
export const endEventProcessor: ElementProcessor = {
  onActivate(ctx: ProcessingContext, el: Element): void {
    if (el.node.jobType) return activateJobWorker(ctx, el);
    if (el.node.eventType === 'ERROR') return throwError(ctx, el);
    if (!applyInputMappings(ctx, el)) return;
    lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
    completeElement(ctx, el);
  },
  onComplete(ctx: ProcessingContext, el: Element): void {
    if (el.node.eventType !== 'TERMINATE') return completeWithOutputs(ctx, el);
    if (!applyOutputMappings(ctx, el)) return;
    // terminate everything else in the flow scope; the scope then completes (it has no children left)
    const scope = elementOf(ctx, el.inst.flowScopeKey);
    if (scope) terminateChildren(ctx, scope.inst, el.inst.key);
    finishCompletion(ctx, el);
  },
  onTerminate: cancelJob,
};

/** Error end event: throws to the nearest catch; uncaught → incident, re-thrown when resolved (A7). */
function throwError(ctx: ProcessingContext, el: Element): void {
  if (!applyInputMappings(ctx, el)) return;
  const code = stringAttributeOrIncident(ctx, el, el.node.errorCode ?? '');
  if (code === undefined) return;
  const scope = elementOf(ctx, el.inst.flowScopeKey);
  const search = scope ? findErrorCatch(ctx, scope, code) : { available: [] as string[] };
  if (!search.found) {
    raiseIncident(ctx, el, 'UNHANDLED_ERROR_EVENT', uncaughtErrorMessage(code, '', search.available));
    return;
  }
  lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
  triggerErrorCatch(ctx, search.found, undefined);
}
