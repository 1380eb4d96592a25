import { type JsonObject } from '../../../../api';
import { type ProcessingContext } from '../../../context';
import { type Element, lifecycle } from '../../shared/element';
import { findEscalationCatch } from './escalation';
import { stringAttributeOrIncident } from '../../shared/incidents';
import { completeElement } from '../../shared/lifecycle';
import { type ElementProcessor } from '../../shared/processor';
import { applyInputMappings } from '../../shared/variables';
import { triggerSignalSubscriptions } from '../../../commands/broadcast-signal';
import { triggerCatch } from '../catch-trigger';

/**
 * Signal and escalation throw behaviour of intermediate throw and end events (A7), around their own processors:
 * - signal: broadcasts the event's local variables (input-mapping targets) after the event completed;
 * - escalation: the nearest catch is triggered; an interrupting catch ends the throwing scope (its outgoing flows
 *   are not taken), otherwise the event completes; uncaught, the event completes (ESCALATION NOT_ESCALATED).
 */
export function withThrowDefinitions(processor: ElementProcessor): ElementProcessor {
  return {
    ...processor,
    onActivate(ctx: ProcessingContext, el: Element): void {
      if (el.node.eventType === 'SIGNAL') return throwSignal(ctx, el);
      if (el.node.eventType === 'ESCALATION') return throwEscalation(ctx, el);
      processor.onActivate(ctx, el);
    },
  };
}

function throwSignal(ctx: ProcessingContext, el: Element): void {
  if (!applyInputMappings(ctx, el)) return;
  const signalName = stringAttributeOrIncident(ctx, el, el.node.signalName ?? '');
  if (signalName === undefined) return;
  const locals = ctx.state.variables.get(el.inst.key);
  const variables: JsonObject = locals ? Object.fromEntries([...locals].map(([k, json]) => [k, JSON.parse(json) as unknown])) : {};
  lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
  completeElement(ctx, el);
  const tenantId = el.inst.tenantId;
  ctx.schedule((next) => {
    next.event('SIGNAL', 'BROADCASTED', next.keys.nextKey(), { signalName, variables, tenantId });
    triggerSignalSubscriptions(next, signalName, variables, tenantId);
  });
}

function throwEscalation(ctx: ProcessingContext, el: Element): void {
  if (!applyInputMappings(ctx, el)) return;
  const code = stringAttributeOrIncident(ctx, el, el.node.escalationCode ?? '');
  if (code === undefined) return;
  lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
  const found = findEscalationCatch(ctx, el, code);
  const record = { processInstanceKey: el.inst.processInstanceKey, escalationCode: code, throwElementId: el.node.id, catchElementId: found?.catchNode.id ?? '' };
  ctx.event('ESCALATION', found ? 'ESCALATED' : 'NOT_ESCALATED', ctx.keys.nextKey(), record);
  if (found) triggerCatch(ctx, found.owner.inst.key, found.catchNode.id, undefined);
  // an interrupting catch terminated the throwing event with its scope
  if (ctx.state.instance(el.inst.key)?.state === 'ACTIVATED') completeElement(ctx, el);
}
