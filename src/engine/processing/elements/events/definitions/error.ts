import { type JsonObject } from '../../../../api';
import { type FlowNode } from '../../../../model/graph';
import { type ProcessingContext } from '../../../context';
import { interruptedScope, startsOf, triggerEventSubProcess } from '../../containers/event-sub-process-trigger';
import { type Element, elementOf, lifecycle } from '../../shared/element';
import { raiseIncident, stringAttributeOrIncident } from '../../shared/incidents';
import { activateWithPayload, baseOf, followingScope, terminateElement } from '../../shared/lifecycle';
import { applyInputMappings, mergeLocal } from '../../shared/variables';
import { type ThrowBehaviour } from '../event-definition';

/**
 * Error events (A7). Nothing subscribes: a thrown error (an error end event, or a job worker's ThrowError) searches
 * the nearest catch outwards; uncaught, it is an incident on the thrower.
 */

export interface ErrorCatch {
  /** The element instance the catch belongs to (the activity a boundary event is attached to). */
  attachedTo: Element;
  catchNode: FlowNode;
}

/**
 * Finds the catch event for an error code, starting at the throwing element and walking out through the flow
 * scopes; at each level an exact code beats a catch-all (A7). Also returns every code seen, for the incident.
 */
export function findErrorCatch(ctx: ProcessingContext, from: Element, errorCode: string): { found?: ErrorCatch; available: string[] } {
  const available: string[] = [];
  // a called process continues at its call activity in the parent (A7, A8)
  for (let current: Element | undefined = from; current; current = followingScope(ctx, current)) {
    // error-start event sub-processes of a scope come before the scope's boundary events
    const starts = interruptedScope(ctx, current) ? [] : startsOf(current).filter((n) => n.eventType === 'ERROR');
    for (const c of starts) if (c.errorCode) available.push(c.errorCode);
    const startMatch = starts.find((c) => c.errorCode === errorCode) ?? starts.find((c) => c.errorCode === undefined);
    if (startMatch) return { found: { attachedTo: current, catchNode: startMatch }, available };
    const catches = current.node.boundaryEvents
      .map((id) => current?.graph.nodes.get(id))
      .filter((n): n is FlowNode => n?.eventType === 'ERROR');
    for (const c of catches) if (c.errorCode) available.push(c.errorCode);
    const exact = catches.find((c) => c.errorCode === errorCode);
    const catchAll = catches.find((c) => c.errorCode === undefined);
    const match = exact ?? catchAll;
    if (match) return { found: { attachedTo: current, catchNode: match }, available };
  }
  return { available };
}

/** The uncaught-error incident text (UNHANDLED_ERROR_EVENT). */
export function uncaughtErrorMessage(errorCode: string, errorMessage: string, available: string[]): string {
  const withMessage = errorMessage ? ` with message '${errorMessage}'` : '';
  if (available.length === 0) {
    return `Expected to throw an error event with the code '${errorCode}'${withMessage}, but it was not caught. No error events are available in the scope.`;
  }
  return `Expected to throw an error event with the code '${errorCode}'${withMessage}, but it was not caught. Available error events are [${available.join(', ')}]`;
}

/**
 * Interrupts the attached activity and activates the error boundary event. The thrown variables stay local to
 * the boundary event (its output mappings can propagate them).
 */
export function triggerErrorCatch(ctx: ProcessingContext, match: ErrorCatch, variables: JsonObject | undefined): void {
  const { attachedTo, catchNode } = match;
  if (catchNode.type === 'START_EVENT') return triggerEventSubProcess(ctx, attachedTo, catchNode, variables);
  terminateElement(ctx, attachedTo);
  activateWithPayload(ctx, attachedTo.graph, catchNode, attachedTo.inst.flowScopeKey, baseOf(attachedTo.inst), variables, (el, payload) =>
    mergeLocal(ctx, el.inst.key, payload),
  );
}

/** Error end event: throws to the nearest catch; uncaught → incident, re-thrown when resolved. */
export const throwError: ThrowBehaviour = (ctx, el) => {
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
};
