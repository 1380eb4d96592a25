import { type Key } from '../../../api';
import { evaluateCorrelationKey, evaluateTyped, isExpression } from '../../../feel';
import { type FlowNode } from '../../../model/graph';
import { type MessageSubscription } from '../../../state/types';
import { type ProcessingContext } from '../../context';
import { type Element } from '../shared/element';
import { raiseIncident } from '../shared/incidents';
import { closeSignalSubscriptions, openSignalSubscription } from './definitions/signal';
import { createTimer, evaluateTimer, ownerOf } from './definitions/timer';
import { type TimerSchedule } from '../../../timer';

/** Event subscriptions owned by an element instance: timers and message subscriptions (A5, A6). */

export function closeSubscriptions(ctx: ProcessingContext, elementInstanceKey: Key): void {
  for (const timerKey of ctx.state.timersByElement.get(elementInstanceKey) ?? []) {
    const timer = ctx.state.timers.get(timerKey);
    if (timer) ctx.event('TIMER', 'CANCELED', timerKey, timer.value);
  }
  for (const subscriptionKey of ctx.state.subscriptionsByElement.get(elementInstanceKey) ?? []) {
    const subscription = ctx.state.messageSubscriptions.get(subscriptionKey);
    if (subscription) ctx.event('MESSAGE_SUBSCRIPTION', 'DELETED', subscriptionKey, { ...subscription, messageKey: '-1', variables: {} });
  }
  closeSignalSubscriptions(ctx, elementInstanceKey);
}

interface PendingSubscription {
  kind: 'timer' | 'message' | 'signal';
  catchNode: FlowNode;
  schedule?: TimerSchedule;
  messageName?: string;
  correlationKey?: string;
}

/**
 * Opens the subscriptions of the catch events an element waits for: its own event definition (intermediate catch,
 * receive task) and its boundary events. All expressions are evaluated first, so a failure raises one incident
 * and opens nothing. Returns false after an incident.
 */
export function openSubscriptions(ctx: ProcessingContext, el: Element, catchNodes: readonly FlowNode[]): boolean {
  const pending: PendingSubscription[] = [];
  for (const catchNode of catchNodes) {
    if (catchNode.timer) {
      const result = evaluateTimer(ctx, el, catchNode.timer);
      if (!result.ok) return fail(ctx, el, result.message);
      pending.push({ kind: 'timer', catchNode, schedule: result.schedule });
    } else if (catchNode.message) {
      const name = messageName(ctx, el, catchNode.message.name);
      if (!name.ok) return fail(ctx, el, name.message);
      const key = catchNode.message.correlationKey;
      if (!key) return fail(ctx, el, `Expected a correlation key for message '${name.value}', but none was defined`);
      const correlation = evaluateCorrelationKey(key, ctx.state.visibleVariables(el.inst.key), ctx.now);
      if (!correlation.ok) return fail(ctx, el, correlation.message);
      pending.push({ kind: 'message', catchNode, messageName: name.value, correlationKey: correlation.value });
    } else if (catchNode.signalName && catchNode.eventType === 'SIGNAL') {
      const name = messageName(ctx, el, catchNode.signalName);
      if (!name.ok) return fail(ctx, el, name.message);
      pending.push({ kind: 'signal', catchNode, messageName: name.value });
    }
  }
  for (const p of pending) {
    if (p.kind === 'timer' && p.schedule) createTimer(ctx, ownerOf(el), p.catchNode.id, p.schedule);
    else if (p.kind === 'signal') openSignalSubscription(ctx, el, p.catchNode, p.messageName ?? '');
    else openMessageSubscription(ctx, el, p.catchNode, p.messageName ?? '', p.correlationKey ?? '');
  }
  return true;
}

function fail(ctx: ProcessingContext, el: Element, message: string): false {
  raiseIncident(ctx, el, 'EXTRACT_VALUE_ERROR', message);
  return false;
}

function messageName(ctx: ProcessingContext, el: Element, name: string): { ok: true; value: string } | { ok: false; message: string } {
  if (!isExpression(name)) return { ok: true, value: name };
  return evaluateTyped(name, 'STRING', ctx.state.visibleVariables(el.inst.key), ctx.now);
}

function openMessageSubscription(ctx: ProcessingContext, el: Element, catchNode: FlowNode, messageName: string, correlationKey: string): void {
  const subscription: MessageSubscription = {
    key: ctx.keys.nextKey(),
    messageName,
    correlationKey,
    elementInstanceKey: el.inst.key,
    processInstanceKey: el.inst.processInstanceKey,
    processDefinitionKey: el.inst.processDefinitionKey,
    bpmnProcessId: el.inst.bpmnProcessId,
    elementId: catchNode.id,
    // boundary events and event sub-process starts may be non-interrupting (and then correlate again)
    interrupting: (catchNode.type !== 'BOUNDARY_EVENT' && catchNode.type !== 'START_EVENT') || catchNode.interrupting,
    tenantId: el.inst.tenantId,
  };
  ctx.event('MESSAGE_SUBSCRIPTION', 'CREATED', subscription.key, { ...subscription, messageKey: '-1', variables: {} });
  // a buffered message may be waiting for this subscription
  ctx.schedule((next) => next.behaviours.correlateBuffered(next, subscription.key));
}

/** The catch nodes an activity waits for through its boundary events (errors are found by search instead). */
export function boundaryCatchNodes(el: Element): FlowNode[] {
  return el.node.boundaryEvents
    .map((id) => el.graph.nodes.get(id))
    .filter((n): n is FlowNode => n !== undefined && (n.eventType === 'TIMER' || n.eventType === 'MESSAGE' || n.eventType === 'SIGNAL'));
}
