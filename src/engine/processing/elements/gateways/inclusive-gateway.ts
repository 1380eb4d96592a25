import { evaluateTyped } from '../../../feel';
import { type ProcessingContext } from '../../context';
import { type Element, lifecycle } from '../shared/element';
import { raiseIncident } from '../shared/incidents';
import { finishCompletion } from '../shared/lifecycle';
import { type ElementProcessor } from '../shared/processor';

/**
 * Inclusive gateway (A4). Joining: lifecycle.takeFlows activates it once the join rule holds (inclusive-join.ts).
 * Forking: every flow whose condition is true (a flow without condition counts as true), else the default flow;
 * neither is a CONDITION_ERROR, a non-boolean condition an EXTRACT_VALUE_ERROR. All in one step.
 */
export const inclusiveGatewayProcessor: ElementProcessor = {
  onActivate(ctx: ProcessingContext, el: Element): void {
    const chosen = chooseFlows(ctx, el);
    if (!chosen) return;
    lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
    lifecycle(ctx, el, 'ELEMENT_COMPLETING');
    finishCompletion(ctx, el, chosen);
  },
  onComplete(ctx: ProcessingContext, el: Element): void {
    const chosen = chooseFlows(ctx, el);
    if (chosen) finishCompletion(ctx, el, chosen);
  },
};

/** The flows to take; undefined after raising an incident. */
function chooseFlows(ctx: ProcessingContext, el: Element): string[] | undefined {
  const { node, graph } = el;
  if (node.outgoing.length === 0) return [];
  const variables = ctx.state.visibleVariables(el.inst.key);
  const taken: string[] = [];
  for (const flowId of node.outgoing) {
    if (flowId === node.defaultFlow) continue;
    const condition = graph.flows.get(flowId)?.condition;
    if (condition === undefined) {
      taken.push(flowId);
      continue;
    }
    const result = evaluateTyped(condition, 'BOOLEAN', variables, ctx.now);
    if (!result.ok) {
      raiseIncident(ctx, el, 'EXTRACT_VALUE_ERROR', result.message);
      return undefined;
    }
    if (result.value) taken.push(flowId);
  }
  if (taken.length > 0) return taken;
  if (node.defaultFlow) return [node.defaultFlow];
  raiseIncident(ctx, el, 'CONDITION_ERROR', 'Expected at least one condition to evaluate to true, or to have a default flow');
  return undefined;
}
