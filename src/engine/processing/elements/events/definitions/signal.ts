import { type JsonObject, type Key } from '../../../../api';
import { evaluateTyped, isExpression } from '../../../../feel';
import { type FlowNode } from '../../../../model/graph';
import { type SignalSubscription } from '../../../../state/signals';
import { type ProcessingContext } from '../../../context';
import { startInstance } from '../../../commands/create-instance';
import { type Element, lifecycle } from '../../shared/element';
import { stringAttributeOrIncident } from '../../shared/incidents';
import { completeElement } from '../../shared/lifecycle';
import { applyInputMappings } from '../../shared/variables';
import { triggerCatch } from '../catch-trigger';
import { type CatchDefinition, type ThrowBehaviour } from '../event-definition';
import { subscriptionName } from '../subscription-name';

/**
 * Signal events (A7). Waiting catch elements subscribe by name when they are entered and unsubscribe when they
 * are left; a broadcast triggers every subscription with that name at once, and signal start events start an
 * instance of their (latest) process. Signals are not buffered.
 */
export const signalCatch: CatchDefinition = {
  catches: (node) => node.signalName !== undefined && node.signalName !== '' && node.eventType === 'SIGNAL',
  prepare(ctx, el, catchNode) {
    const name = subscriptionName(ctx, el, catchNode.signalName ?? '');
    if (!name.ok) return name;
    return { ok: true, open: () => openSignalSubscription(ctx, el, catchNode, name.value) };
  },
  close(ctx, elementInstanceKey, only) {
    for (const key of [...(ctx.state.signals.byElement.get(elementInstanceKey) ?? [])]) {
      const subscription = ctx.state.signals.subscriptions.get(key);
      if (subscription && (!only || only.has(subscription.catchEventId))) ctx.event('SIGNAL_SUBSCRIPTION', 'DELETED', key, subscription);
    }
  },
};

function openSignalSubscription(ctx: ProcessingContext, owner: Element, catchNode: FlowNode, signalName: string): void {
  const value: SignalSubscription = {
    signalName,
    catchEventInstanceKey: owner.inst.key,
    catchEventId: catchNode.id,
    processDefinitionKey: owner.inst.processDefinitionKey,
    bpmnProcessId: owner.inst.bpmnProcessId,
    tenantId: owner.inst.tenantId,
  };
  ctx.event('SIGNAL_SUBSCRIPTION', 'CREATED', ctx.keys.nextKey(), value);
}

/** Signal throw and end events broadcast their local variables (input-mapping targets) after they completed. */
export const throwSignal: ThrowBehaviour = (ctx, el) => {
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
};

/**
 * Triggers every open subscription with that name: waiting catch events, boundary events, event-based gateway
 * targets, event sub-process starts, and signal start events (one new instance each).
 */
export function triggerSignalSubscriptions(ctx: ProcessingContext, signalName: string, variables: JsonObject, tenantId: string): void {
  const matching = [...ctx.state.signals.subscriptions].filter(([, s]) => s.signalName === signalName && s.tenantId === tenantId);
  for (const [key, subscription] of matching) {
    // an earlier trigger of this broadcast may have closed it (e.g. the other branch of an event-based gateway)
    if (!ctx.state.signals.subscriptions.has(key)) continue;
    if (subscription.catchEventInstanceKey !== '-1') {
      triggerCatch(ctx, subscription.catchEventInstanceKey, subscription.catchEventId, variables);
      continue;
    }
    const definition = ctx.state.processes.get(subscription.processDefinitionKey);
    if (definition) startInstance(ctx, definition, variables, [subscription.catchEventId]);
  }
}

/** Signal start events subscribe for the latest version only: a new version replaces the previous ones (A7, A12). */
export function replaceSignalStartSubscriptions(ctx: ProcessingContext, processDefinitionKey: Key, previousKey: Key | undefined): void {
  if (previousKey) {
    for (const key of [...(ctx.state.signals.byElement.get('-1') ?? [])]) {
      const subscription = ctx.state.signals.subscriptions.get(key);
      if (subscription?.processDefinitionKey === previousKey) ctx.event('SIGNAL_SUBSCRIPTION', 'DELETED', key, subscription);
    }
  }
  const definition = ctx.state.processes.get(processDefinitionKey);
  if (!definition) return;
  const graph = ctx.state.graphOf(processDefinitionKey);
  for (const startId of graph.nodes.get(graph.bpmnProcessId)?.startEvents ?? []) {
    const start = graph.nodes.get(startId);
    if (start?.eventType !== 'SIGNAL' || !start.signalName) continue;
    let signalName = start.signalName;
    if (isExpression(signalName)) {
      const result = evaluateTyped(signalName, 'STRING', {}, ctx.now);
      signalName = result.ok ? result.value : signalName;
    }
    ctx.event('SIGNAL_SUBSCRIPTION', 'CREATED', ctx.keys.nextKey(), {
      signalName, catchEventInstanceKey: '-1', catchEventId: start.id, processDefinitionKey,
      bpmnProcessId: definition.bpmnProcessId, tenantId: definition.tenantId,
    });
  }
}
