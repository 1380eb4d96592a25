import { type JsonObject, type ProcessEventRecordValue } from '../../../api';
import { type FlowNode } from '../../../model/graph';
import { type ProcessingContext } from '../../context';
import { type Element } from '../shared/element';
import { closeSubscriptions } from '../events/subscriptions';
import { activateElement, baseOf, terminateChildren } from '../shared/lifecycle';

/**
 * Event sub-processes (A8). Their start events subscribe when the containing scope activates (the subscriptions
 * are owned by the scope instance). A trigger activates the event sub-process in that scope; an interrupting one
 * first closes the other event sub-process subscriptions and terminates everything else in the scope.
 */

/** Timer, message and signal starts of the event sub-processes of a scope (errors and escalations are searched). */
export function eventSubProcessStartNodes(scope: Element): FlowNode[] {
  return startsOf(scope).filter((n) => n.eventType === 'TIMER' || n.eventType === 'MESSAGE' || n.eventType === 'SIGNAL');
}

export function startsOf(scope: Element): FlowNode[] {
  return scope.node.eventSubProcesses
    .flatMap((id) => scope.graph.nodes.get(id)?.startEvents ?? [])
    .map((id) => scope.graph.nodes.get(id))
    .filter((n): n is FlowNode => n !== undefined);
}

/**
 * True while an interrupting event sub-process that took the scope over runs in it: no further event sub-process
 * may start. A trigger leaves it alone in the scope; one created by a modification beside running elements (or joined
 * by elements a modification activated) does not interrupt, as in Zeebe, where modification clears the interruption.
 */
export function interruptedScope(ctx: ProcessingContext, scope: Element): boolean {
  if (scope.inst.children.length !== 1) return false;
  return scope.inst.children.some((key) => {
    const child = ctx.state.instance(key);
    if (child?.type !== 'EVENT_SUB_PROCESS') return false;
    const start = scope.graph.nodes.get(scope.graph.nodes.get(child.elementId)?.startEvents[0] ?? '');
    return start?.interrupting === true;
  });
}

export function triggerEventSubProcess(ctx: ProcessingContext, scope: Element, start: FlowNode, payload: JsonObject | undefined): void {
  const esp = scope.graph.nodes.get(start.flowScopeId);
  if (!esp || interruptedScope(ctx, scope)) return;
  if (start.interrupting) {
    closeEventSubProcessSubscriptions(ctx, scope);
    terminateChildren(ctx, scope.inst);
  }
  activateElement(ctx, scope.graph, esp, scope.inst.key, baseOf(scope.inst), {
    beforeActivate: (el) => {
      if (payload && Object.keys(payload).length > 0) ctx.event('PROCESS_EVENT', 'TRIGGERING', el.inst.key, triggerValue(el, start, payload));
    },
  });
}

/** The trigger of an event sub-process instance, kept with it until its start event takes the variables. */
export function triggerValue(el: Element, start: FlowNode, variables: JsonObject): ProcessEventRecordValue {
  return {
    scopeKey: el.inst.key, targetElementId: start.id, variables, processInstanceKey: el.inst.processInstanceKey,
    processDefinitionKey: el.inst.processDefinitionKey, tenantId: el.inst.tenantId,
  };
}

/** Closes the scope's subscriptions that belong to event sub-process starts (its boundary events keep theirs). */
function closeEventSubProcessSubscriptions(ctx: ProcessingContext, scope: Element): void {
  closeSubscriptions(ctx, scope.inst.key, new Set(startsOf(scope).map((n) => n.id)));
}
