import { type Key } from '../../../api';
import { type FlowNode } from '../../../model/graph';
import { type ProcessingContext } from '../../context';
import { type Element } from '../shared/element';
import { raiseIncident } from '../shared/incidents';
import { CATCH_DEFINITIONS, catchDefinitionOf } from './definitions';

/** Event subscriptions owned by an element instance: timers, message and signal subscriptions (A5–A7). */

/** Closes what an element instance waits for; with `only`, just the subscriptions of those catch elements. */
export function closeSubscriptions(ctx: ProcessingContext, elementInstanceKey: Key, only?: ReadonlySet<string>): void {
  for (const definition of CATCH_DEFINITIONS) definition.close(ctx, elementInstanceKey, only);
}

/**
 * Opens the subscriptions of the catch events an element waits for: its own event definition (intermediate catch,
 * receive task), its boundary events, its event sub-process starts, the targets of an event-based gateway. All
 * expressions are evaluated first, so a failure raises one incident and opens nothing. Returns false after an
 * incident.
 */
export function openSubscriptions(ctx: ProcessingContext, el: Element, catchNodes: readonly FlowNode[]): boolean {
  const openers: (() => void)[] = [];
  for (const catchNode of catchNodes) {
    const prepared = catchDefinitionOf(catchNode)?.prepare(ctx, el, catchNode);
    if (!prepared) continue;
    if (!prepared.ok) {
      raiseIncident(ctx, el, 'EXTRACT_VALUE_ERROR', prepared.message);
      return false;
    }
    openers.push(prepared.open);
  }
  for (const open of openers) open();
  return true;
}

/** The catch nodes an activity waits for through its boundary events (errors and escalations are found by search). */
export function boundaryCatchNodes(el: Element): FlowNode[] {
  return el.node.boundaryEvents
    .map((id) => el.graph.nodes.get(id))
    .filter((n): n is FlowNode => n !== undefined && (n.eventType === 'TIMER' || n.eventType === 'MESSAGE' || n.eventType === 'SIGNAL'));
}
