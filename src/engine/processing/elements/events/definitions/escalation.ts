import { type FlowNode } from '../../../../model/graph';
import { type ProcessingContext } from '../../../context';
import { type Element } from '../../shared/element';
import { interruptedScope } from '../../containers/event-sub-process-trigger';
import { followingScope } from '../../shared/lifecycle';

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
