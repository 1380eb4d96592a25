import { evaluateTyped, isExpression } from '../../../feel';
import { type ProcessingContext } from '../../context';
import { type Element } from '../shared/element';

/** A message or signal name: static, or an expression evaluated to a string in the element's scope. */
export function subscriptionName(ctx: ProcessingContext, el: Element, name: string): { ok: true; value: string } | { ok: false; message: string } {
  if (!isExpression(name)) return { ok: true, value: name };
  return evaluateTyped(name, 'STRING', ctx.state.visibleVariables(el.inst.key), ctx.now);
}
