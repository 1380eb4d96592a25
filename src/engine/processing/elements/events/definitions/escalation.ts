import { type FlowNode } from '../../../../model/graph';
import { type ProcessingContext } from '../../../context';
import { interruptedScope } from '../../containers/event-sub-process-trigger';
import { type Element, lifecycle } from '../../shared/element';
import { stringAttributeOrIncident } from '../../shared/incidents';
import { completeElement, followingScope } from '../../shared/lifecycle';
import { applyInputMappings } from '../../shared/variables';
import { triggerCatch } from '../catch-trigger';
import { type ThrowBehaviour } from '../event-definition';

/**
 * Escalation events (A7). A thrown escalation triggers the nearest catch; an interrupting catch ends the throwing
 * scope (the thrower's outgoing flows are not taken), otherwise the thrower completes; uncaught, the thrower
 * completes too (ESCALATION NOT_ESCALATED), which is no incident.
 */

export interface EscalationCatch {
  /** The scope instance the catch belongs to: the activity of a boundary event, or the scope of an event sub-process. */
  owner: Element;
  catchNode: FlowNode;
}

/**
 * The nearest catch of an escalation code, walking out from the throwing element through the flow scopes and
 * across call activities (A7). At each scope its escalation event sub-processes come first, then the boundary
 * events of the scope activity; an exact code beats a catch-all. The event sub-processes of a scope where an
 * interrupting one already runs are no candidates.
 */
export function findEscalationCatch(ctx: ProcessingContext, thrower: Element, code: string): EscalationCatch | undefined {
  for (let current = followingScope(ctx, thrower); current; current = followingScope(ctx, current)) {
    const starts = current.node.eventSubProcesses
      .flatMap((espId) => current?.graph.nodes.get(espId)?.startEvents ?? [])
      .map((id) => current?.graph.nodes.get(id))
      .filter((n): n is FlowNode => n?.eventType === 'ESCALATION');
    const inner = interruptedScope(ctx, current) ? undefined : pick(starts, code);
    if (inner) return { owner: current, catchNode: inner };
    const boundaries = current.node.boundaryEvents
      .map((id) => current?.graph.nodes.get(id))
      .filter((n): n is FlowNode => n?.eventType === 'ESCALATION');
    const boundary = pick(boundaries, code);
    if (boundary) return { owner: current, catchNode: boundary };
  }
  return undefined;
}

function pick(catches: FlowNode[], code: string): FlowNode | undefined {
  return catches.find((c) => c.escalationCode === code) ?? catches.find((c) => c.escalationCode === undefined);
}

export const throwEscalation: ThrowBehaviour = (ctx, el) => {
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
};
