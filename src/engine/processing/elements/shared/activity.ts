import { type FlowNode } from '../../../model/graph';
import { type ProcessingContext } from '../../context';
import { type Element, lifecycle } from './element';
import { completeElement, finishCompletion } from './lifecycle';
import { eventSubProcessStartNodes } from '../containers/event-sub-process-trigger';
import { boundaryCatchNodes, openSubscriptions } from '../events/subscriptions';
import { applyInputMappings, applyOutputMappings } from './variables';

/**
 * Shared activation of activities and catch events: input mappings, then the subscriptions of the element's own
 * catch definition and its boundary events, then ELEMENT_ACTIVATED. Returns false after an incident.
 */
export function activateWaitingElement(ctx: ProcessingContext, el: Element, ownCatch: readonly FlowNode[] = []): boolean {
  if (!applyInputMappings(ctx, el)) return false;
  if (!openSubscriptions(ctx, el, [...ownCatch, ...boundaryCatchNodes(el), ...eventSubProcessStartNodes(el)])) return false;
  lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
  return true;
}

/** Output mappings, then ELEMENT_COMPLETED and the outgoing flows. */
export function completeWithOutputs(ctx: ProcessingContext, el: Element): void {
  if (!applyOutputMappings(ctx, el)) return;
  finishCompletion(ctx, el);
}

/** Elements that do nothing but pass the token on (none events, undefined and manual tasks, boundary events). */
export function passThrough(ctx: ProcessingContext, el: Element, withInputs = true): void {
  if (withInputs && !applyInputMappings(ctx, el)) return;
  lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
  completeElement(ctx, el);
}
