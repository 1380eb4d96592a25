import { type JsonObject, type Key } from '../../../../api';
import { evaluateCorrelationKey, evaluateTyped, isExpression } from '../../../../feel';
import { type FlowNode, type ProcessGraph } from '../../../../model/graph';
import { type MessageSubscription, type ProcessDefinition } from '../../../../state/types';
import { type ProcessingContext } from '../../../context';
import { type Element } from '../../shared/element';
import { activateJobWorker } from '../../tasks/job-worker-task';
import { triggerCatch } from '../catch-trigger';
import { type CatchDefinition, type ThrowBehaviour } from '../event-definition';
import { subscriptionName } from '../subscription-name';

/**
 * Message events (A6). A waiting element subscribes with the message name and correlation key evaluated in its
 * scope; a correlated message triggers the catch with the message's variables. Message throw and end events are
 * job workers.
 */
export const messageCatch: CatchDefinition = {
  catches: (node) => node.message !== undefined,
  prepare(ctx, el, catchNode) {
    const message = catchNode.message!;
    const name = subscriptionName(ctx, el, message.name);
    if (!name.ok) return name;
    const key = message.correlationKey;
    if (!key) return { ok: false, message: `Expected a correlation key for message '${name.value}', but none was defined` };
    const correlation = evaluateCorrelationKey(key, ctx.state.visibleVariables(el.inst.key), ctx.now);
    if (!correlation.ok) return correlation;
    return { ok: true, open: () => openMessageSubscription(ctx, el, catchNode, name.value, correlation.value) };
  },
  close(ctx, elementInstanceKey, only) {
    for (const subscriptionKey of ctx.state.subscriptionsByElement.get(elementInstanceKey) ?? []) {
      const subscription = ctx.state.messageSubscriptions.get(subscriptionKey);
      if (subscription && (!only || only.has(subscription.elementId))) deleteMessageSubscription(ctx, subscription);
    }
  },
};

/** Message throw and end events are job workers: the worker sends the message. */
export const throwMessage: ThrowBehaviour = (ctx, el) => activateJobWorker(ctx, el);

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

export function deleteMessageSubscription(ctx: ProcessingContext, subscription: MessageSubscription): void {
  ctx.event('MESSAGE_SUBSCRIPTION', 'DELETED', subscription.key, { ...subscription, messageKey: '-1', variables: {} });
}

/** A message reached a subscription: CORRELATED, then the catch is triggered with the message's variables. */
export function correlateSubscription(ctx: ProcessingContext, subscription: MessageSubscription, messageKey: Key, variables: JsonObject): void {
  ctx.event('MESSAGE_SUBSCRIPTION', 'CORRELATED', subscription.key, { ...subscription, messageKey, variables });
  triggerCatch(ctx, subscription.elementInstanceKey, subscription.elementId, variables);
}

/** The subscriptions of a process version's message start events (names evaluated without variables). */
export function openMessageStartSubscriptions(ctx: ProcessingContext, definition: ProcessDefinition, graph: ProcessGraph): void {
  for (const startId of graph.nodes.get(graph.bpmnProcessId)?.startEvents ?? []) {
    const start = graph.nodes.get(startId);
    if (!start?.message) continue;
    let messageName = start.message.name;
    if (isExpression(messageName)) {
      const result = evaluateTyped(messageName, 'STRING', {}, ctx.now);
      messageName = result.ok ? result.value : messageName;
    }
    ctx.event('MESSAGE_START_EVENT_SUBSCRIPTION', 'CREATED', ctx.keys.nextKey(), {
      processDefinitionKey: definition.key, bpmnProcessId: definition.bpmnProcessId, startEventId: start.id, messageName,
      tenantId: definition.tenantId, messageKey: '-1', correlationKey: '', processInstanceKey: '-1',
    });
  }
}

export function closeMessageStartSubscriptions(ctx: ProcessingContext, processDefinitionKey: Key): void {
  for (const subscription of [...ctx.state.messageStartSubscriptions.values()]) {
    if (subscription.processDefinitionKey !== processDefinitionKey) continue;
    ctx.event('MESSAGE_START_EVENT_SUBSCRIPTION', 'DELETED', '-1', { ...subscription, messageKey: '-1', correlationKey: '', processInstanceKey: '-1' });
  }
}
