import { evaluate } from '../../../feel';
import { type ProcessingContext } from '../../context';
import { type Element, lifecycle } from '../shared/element';
import { raiseIncident } from '../shared/incidents';
import { completeElement } from '../shared/lifecycle';
import { type ElementProcessor } from '../shared/processor';
import { applyInputMappings, applyPayload } from '../shared/variables';
import { jobWorkerTaskProcessor } from './job-worker-task';

/**
 * Script task. With `zeebe:script` the engine evaluates the FEEL expression (after the input mappings) and stores
 * the result in the result variable like a job's variables; a failed evaluation is an EXTRACT_VALUE_ERROR
 * incident. With a task definition it is a job worker.
 */
export const scriptTaskProcessor: ElementProcessor = {
  onActivate(ctx: ProcessingContext, el: Element): void {
    const script = el.node.script;
    if (!script) return jobWorkerTaskProcessor.onActivate(ctx, el);
    if (!applyInputMappings(ctx, el)) return;
    const result = evaluate(script.expression, ctx.state.visibleVariables(el.inst.key), ctx.now);
    if (!result.ok) {
      raiseIncident(ctx, el, 'EXTRACT_VALUE_ERROR', result.message);
      return;
    }
    lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
    applyPayload(ctx, el, { [script.resultVariable]: result.value });
    completeElement(ctx, el);
  },
  onComplete: (ctx, el) => jobWorkerTaskProcessor.onComplete(ctx, el),
  onTerminate: (ctx, el) => jobWorkerTaskProcessor.onTerminate?.(ctx, el),
};
