import { type Key } from '../../api';
import { type FlowNode } from '../../model/graph';
import { type ElementInstance } from '../../state/types';
import { type ProcessingContext } from '../context';
import { interruptedScope, eventSubProcessStartNodes } from '../elements/containers/event-sub-process-trigger';
import { deleteMessageSubscription } from '../elements/events/definitions/message';
import { boundaryCatchNodes, openSubscriptions } from '../elements/events/subscriptions';
import { type Element } from '../elements/shared/element';
import { type MigrationPlan, ownCatchEvents } from './migrate-instance-checks';

/**
 * The event subscriptions of a migrated element instance, by Zeebe 8.8's rules for timers, messages and signals
 * (docs/engine-semantics.md, "Migration"): a catch event mapped to a catch event of the target keeps its
 * subscription (a timer its due date, a message its correlation key); an unmapped one loses it; a catch event of
 * the target element that no mapping instruction targets subscribes anew.
 */

export interface OwnedSubscription {
  kind: 'timer' | 'message' | 'signal';
  key: Key;
  catchId: string;
  /** The message or signal name (empty for timers). */
  name: string;
}

/** The timers, message and signal subscriptions an element instance owns. */
export function ownedSubscriptions(ctx: ProcessingContext, inst: ElementInstance): OwnedSubscription[] {
  const owned: OwnedSubscription[] = [];
  for (const key of ctx.state.timersByElement.get(inst.key) ?? []) {
    const timer = ctx.state.timers.get(key);
    if (timer) owned.push({ kind: 'timer', key, catchId: timer.value.targetElementId, name: '' });
  }
  for (const key of ctx.state.subscriptionsByElement.get(inst.key) ?? []) {
    const subscription = ctx.state.messageSubscriptions.get(key);
    if (subscription) owned.push({ kind: 'message', key, catchId: subscription.elementId, name: subscription.messageName });
  }
  for (const key of ctx.state.signals.byElement.get(inst.key) ?? []) {
    const subscription = ctx.state.signals.subscriptions.get(key);
    if (subscription) owned.push({ kind: 'signal', key, catchId: subscription.catchEventId, name: subscription.signalName });
  }
  return owned;
}

export type SubscriptionFate = OwnedSubscription & { targetCatchId: string | undefined };

/** Where each subscription of the element goes: the element's own catch moves with the element, the others by mapping. */
export function subscriptionFates(ctx: ProcessingContext, inst: ElementInstance, plan: MigrationPlan): SubscriptionFate[] {
  const targetId = plan.mapping.get(inst.elementId);
  return ownedSubscriptions(ctx, inst).map((s) => ({ ...s, targetCatchId: s.catchId === inst.elementId ? targetId : plan.mapping.get(s.catchId) }));
}

/**
 * The catch events the migrated element would subscribe to in the target and no mapping instruction targets: its
 * own events, boundary events and event sub-process starts (not while an interrupting event sub-process runs).
 */
export function newCatchNodes(ctx: ProcessingContext, el: Element, plan: MigrationPlan): FlowNode[] {
  const mappedTargets = new Set(plan.mapping.values());
  const own = ownCatchEvents(el.graph, el.node);
  // the scope's children are migrated after it: they still name elements of the source
  const starts = interruptedScope(ctx, { ...el, graph: plan.source }) ? [] : eventSubProcessStartNodes(el);
  return [...own, ...boundaryCatchNodes(el), ...starts].filter((n) => !mappedTargets.has(n.id));
}

/** Unmapped subscriptions are closed, mapped ones migrated (TIMER / MESSAGE_SUBSCRIPTION / SIGNAL_SUBSCRIPTION MIGRATED). */
export function migrateSubscriptions(ctx: ProcessingContext, plan: MigrationPlan, fates: readonly SubscriptionFate[]): void {
  const definition = { processDefinitionKey: plan.targetKey, bpmnProcessId: plan.target.bpmnProcessId };
  for (const fate of fates) {
    if (fate.kind === 'timer') migrateTimer(ctx, fate, plan.targetKey);
    else if (fate.kind === 'message') migrateMessageSubscription(ctx, plan, fate, definition);
    else migrateSignalSubscription(ctx, fate, definition);
  }
}

function migrateTimer(ctx: ProcessingContext, fate: SubscriptionFate, processDefinitionKey: Key): void {
  const timer = ctx.state.timers.get(fate.key);
  if (!timer) return;
  if (fate.targetCatchId === undefined) ctx.event('TIMER', 'CANCELED', fate.key, timer.value);
  // the due date and the repetitions left stay: the timer is not evaluated again
  else ctx.event('TIMER', 'MIGRATED', fate.key, { ...timer.value, processDefinitionKey, targetElementId: fate.targetCatchId });
}

function migrateMessageSubscription(
  ctx: ProcessingContext, plan: MigrationPlan, fate: SubscriptionFate, definition: { processDefinitionKey: Key; bpmnProcessId: string },
): void {
  const subscription = ctx.state.messageSubscriptions.get(fate.key);
  if (!subscription) return;
  if (fate.targetCatchId === undefined) return deleteMessageSubscription(ctx, subscription);
  const catchNode = plan.target.nodes.get(fate.targetCatchId)!;
  // the interrupting flag follows the target catch event (it may change)
  const interrupting = (catchNode.type !== 'BOUNDARY_EVENT' && catchNode.type !== 'START_EVENT') || catchNode.interrupting;
  ctx.event('MESSAGE_SUBSCRIPTION', 'MIGRATED', fate.key, {
    ...subscription, ...definition, elementId: fate.targetCatchId, interrupting, messageKey: '-1', variables: {},
  });
}

function migrateSignalSubscription(ctx: ProcessingContext, fate: SubscriptionFate, definition: { processDefinitionKey: Key; bpmnProcessId: string }): void {
  const subscription = ctx.state.signals.subscriptions.get(fate.key);
  if (!subscription) return;
  if (fate.targetCatchId === undefined) ctx.event('SIGNAL_SUBSCRIPTION', 'DELETED', fate.key, subscription);
  else ctx.event('SIGNAL_SUBSCRIPTION', 'MIGRATED', fate.key, { ...subscription, ...definition, catchEventId: fate.targetCatchId });
}

/** Opens the subscriptions of the target's new catch events (their expressions were checked before anything was written). */
export function openNewSubscriptions(ctx: ProcessingContext, el: Element, plan: MigrationPlan): void {
  const fresh = newCatchNodes(ctx, el, plan);
  if (fresh.length > 0 && !openSubscriptions(ctx, el, fresh)) {
    throw new Error(`Expected to open the subscriptions of migrated element '${el.inst.elementId}', but an expression failed`);
  }
}
