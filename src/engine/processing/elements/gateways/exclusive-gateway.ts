import { evaluateTyped } from '../../../feel';
import { type ProcessingContext } from '../../context';
import { type Element, lifecycle } from '../shared/element';
import { raiseIncident } from '../shared/incidents';
import { finishCompletion } from '../shared/lifecycle';
import { type ElementProcessor } from '../shared/processor';

/**
 * Exclusive gateway (A4): the only unconditional flow, else the first condition that is true in XML order, else
 * the default flow. A condition that is not boolean raises an incident at once; no flow at all is a
 * CONDITION_ERROR. Activation and completion happen in one step.
 */
export const exclusiveGatewayProcessor: ElementProcessor = {
  onActivate(ctx: ProcessingContext, el: Element): void {
    const chosen = chooseFlow(ctx, el);
    if (chosen === undefined) return;
    lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
    lifecycle(ctx, el, 'ELEMENT_COMPLETING');
    finishCompletion(ctx, el, chosen === null ? [] : [chosen]);
  },
  onComplete(ctx: ProcessingContext, el: Element): void {
    const chosen = chooseFlow(ctx, el);
    if (chosen !== undefined) finishCompletion(ctx, el, chosen === null ? [] : [chosen]);
  },
};

/** The flow to take, null for none (implicit end), undefined after raising an incident. */
function chooseFlow(ctx: ProcessingContext, el: Element): string | null | undefined {
  const { node, graph } = el;
  if (node.outgoing.length === 0) return null;
  if (node.outgoing.length === 1 && graph.flows.get(node.outgoing[0])?.condition === undefined) return node.outgoing[0];
  const variables = ctx.state.visibleVariables(el.inst.key);
  for (const flowId of node.outgoing) {
    if (flowId === node.defaultFlow) continue;
    const condition = graph.flows.get(flowId)?.condition;
    if (condition === undefined) continue;
    const result = evaluateTyped(condition, 'BOOLEAN', variables, ctx.now);
    if (!result.ok) {
      raiseIncident(ctx, el, 'EXTRACT_VALUE_ERROR', result.message);
      return undefined;
    }
    if (result.value) return flowId;
  }
  if (node.defaultFlow) return node.defaultFlow;
  raiseIncident(ctx, el, 'CONDITION_ERROR', 'Expected at least one condition to evaluate to true, or to have a default flow');
  return undefined;
}
