import { type BpmnElementType, type Key, type MigrateInstanceRequest } from '../../api';
import { type FlowNode, type ProcessGraph } from '../../model/graph';
import { innerActivity } from '../../model/multi-instance-body';
import { type ElementInstance, type MessageSubscription } from '../../state/types';
import { type ProcessingContext } from '../context';

export interface MigrationPlan {
  processInstanceKey: Key;
  source: ProcessGraph;
  target: ProcessGraph;
  /** source element id → target element id; the process id maps to the target process id. */
  mapping: Map<string, string>;
}

/**
 * Element types whose instances can move. Receive tasks and intermediate catch events take their message
 * subscription along; a timer or signal catch is still refused by its subscription (event-based gateways are
 * refused with Zeebe's 'unsupported type' text).
 */
const MIGRATABLE: ReadonlySet<BpmnElementType> = new Set<BpmnElementType>([
  'PROCESS', 'SERVICE_TASK', 'USER_TASK', 'SEND_TASK', 'SCRIPT_TASK', 'BUSINESS_RULE_TASK', 'SUB_PROCESS',
  'EVENT_SUB_PROCESS', 'CALL_ACTIVITY', 'MULTI_INSTANCE_BODY', 'RECEIVE_TASK', 'INTERMEDIATE_CATCH_EVENT',
]);

/** Catch event types that subscribe when their scope or activity is entered (message boundary events move with migration). */
const SUBSCRIBING = new Set(['TIMER', 'SIGNAL', 'CONDITIONAL']);

/**
 * What becomes of one message subscription of a migrated element instance (the Zeebe 8.8 rules): a catch event
 * mapped to a catch event of the target element keeps its subscription (migrated, correlation key not evaluated
 * again); an unmapped one loses it. The target element's message boundary events that no catch event is mapped to
 * subscribe anew.
 */
export type SubscriptionFate = { subscriptionKey: Key; targetCatchId: string } | { subscriptionKey: Key; targetCatchId: undefined };

export function subscriptionFates(ctx: ProcessingContext, inst: ElementInstance, plan: MigrationPlan): SubscriptionFate[] {
  const targetId = plan.mapping.get(inst.elementId);
  return movableSubscriptions(ctx, inst, plan.source).map((subscription) => ({
    subscriptionKey: subscription.key,
    // the element's own catch (receive task, intermediate catch event) moves with the element
    targetCatchId: subscription.elementId === inst.elementId ? targetId : plan.mapping.get(subscription.elementId),
  }));
}

/** The element's message subscriptions that migration moves: its own catch and its boundary events (not event sub-process starts). */
function movableSubscriptions(ctx: ProcessingContext, inst: ElementInstance, source: ProcessGraph): MessageSubscription[] {
  return (ctx.state.subscriptionsByElement.get(inst.key) ?? [])
    .map((key) => ctx.state.messageSubscriptions.get(key))
    .filter((s): s is MessageSubscription => s !== undefined
      && (s.elementId === inst.elementId || source.nodes.get(s.elementId)?.attachedTo === inst.elementId));
}

/** Message boundary events of the target element that no migrated subscription lands on: they subscribe anew. */
export function newMessageBoundaries(plan: MigrationPlan, targetNode: FlowNode, fates: readonly SubscriptionFate[]): FlowNode[] {
  const taken = new Set(fates.map((f) => f.targetCatchId));
  return targetNode.boundaryEvents
    .map((id) => plan.target.nodes.get(id))
    .filter((n): n is FlowNode => n !== undefined && n.eventType === 'MESSAGE' && !taken.has(n.id));
}

function refuse(ctx: ProcessingContext, rejectionType: 'INVALID_ARGUMENT' | 'INVALID_STATE', reason: string): never {
  return ctx.reject('PROCESS_INSTANCE_MIGRATION', 'MIGRATE', rejectionType, reason);
}

/** The plan as a whole, in Zeebe's order: duplicate sources, child instance, unknown element ids. */
export function checkMigrationPlan(ctx: ProcessingContext, root: ElementInstance, req: MigrateInstanceRequest, plan: MigrationPlan): void {
  const key = plan.processInstanceKey;
  const sources = req.mappingInstructions.map((m) => m.sourceElementId);
  const duplicates = [...new Set(sources.filter((id, i) => sources.indexOf(id) !== i))];
  if (duplicates.length > 0) {
    refuse(ctx, 'INVALID_ARGUMENT',
      `Expected to migrate process instance '${key}' but the mapping instructions contain duplicate source element ids '[${duplicates.join(', ')}]'.`);
  }
  if (root.parentProcessInstanceKey !== '-1') {
    refuse(ctx, 'INVALID_STATE',
      `Expected to migrate process instance '${key}' but process instance is a child process instance. Child process instances cannot be migrated.`);
  }
  for (const { sourceElementId, targetElementId } of req.mappingInstructions) {
    if (!plan.source.nodes.has(sourceElementId)) {
      refuse(ctx, 'INVALID_ARGUMENT',
        `Expected to migrate process instance '${key}' but mapping instructions contain a non-existing source element id '${sourceElementId}'. `
        + 'Elements provided in mapping instructions must exist in the source process definition.');
    }
    if (!plan.target.nodes.has(targetElementId)) {
      refuse(ctx, 'INVALID_ARGUMENT',
        `Expected to migrate process instance '${key}' but mapping instructions contain a non-existing target element id '${targetElementId}'. `
        + 'Elements provided in mapping instructions must exist in the target process definition.');
    }
  }
}

/** One active element instance: supported, mapped, same type, same flow scope, no subscriptions to carry over. */
export function checkMigratedElement(ctx: ProcessingContext, inst: ElementInstance, plan: MigrationPlan): void {
  const key = plan.processInstanceKey;
  if (!MIGRATABLE.has(inst.type)) {
    refuse(ctx, 'INVALID_STATE',
      `Expected to migrate process instance '${key}' but active element with id '${inst.elementId}' has an unsupported type. `
      + `The migration of a ${inst.type} is not supported.`);
  }
  const targetId = plan.mapping.get(inst.elementId);
  if (targetId === undefined) {
    refuse(ctx, 'INVALID_STATE',
      `Expected to migrate process instance '${key}' but no mapping instruction defined for active element with id '${inst.elementId}'. `
      + 'Elements cannot be migrated without a mapping.');
  }
  const targetNode = innerActivity(plan.target, plan.target.nodes.get(targetId)!, inst.type);
  if (targetNode.type !== inst.type) {
    refuse(ctx, 'INVALID_STATE',
      `Expected to migrate process instance '${key}' but active element with id '${inst.elementId}' and type '${inst.type}' is mapped to `
      + `an element with id '${targetId}' and different type '${targetNode.type}'. Elements must be mapped to elements of the same type.`);
  }
  if (inst.flowScopeKey !== '-1') {
    const scopeId = ctx.state.instance(inst.flowScopeKey)?.elementId ?? '';
    const expected = plan.mapping.get(scopeId) ?? scopeId;
    // the inner instances of a multi-instance body sit in the body, which has their element id
    const actual = inst.elementId === scopeId ? targetId : targetNode.flowScopeId;
    if (expected !== actual) {
      refuse(ctx, 'INVALID_STATE',
        `Expected to migrate process instance '${key}' but the flow scope of active element with id '${inst.elementId}' is changed. `
        + `The flow scope of the active element is expected to be '${expected}' but was '${actual}'. `
        + 'The flow scope of an element cannot be changed during migration yet.');
    }
  }
  for (const fate of subscriptionFates(ctx, inst, plan)) {
    if (fate.targetCatchId === undefined) continue;
    const catchNode = plan.target.nodes.get(fate.targetCatchId);
    const attached = fate.targetCatchId === targetId || catchNode?.attachedTo === targetId;
    if (!attached || catchNode?.message === undefined) {
      const sourceCatchId = ctx.state.messageSubscriptions.get(fate.subscriptionKey)?.elementId ?? '';
      refuse(ctx, 'INVALID_STATE',
        `Expected to migrate process instance '${key}' but active element with id '${inst.elementId}' is mapped to an element with id '${targetId}' and `
        + `has a catch event with id '${sourceCatchId}' that is mapped to a catch event with id '${fate.targetCatchId}'. `
        + 'These mappings detach the catch event from the element in the target process. Catch events must stay attached to the same element instance.');
    }
  }
  const held = subscriptionsHeld(ctx, inst, plan.source);
  if (held.length > 0) {
    refuse(ctx, 'INVALID_STATE',
      `Expected to migrate process instance '${key}' but active element with id '${inst.elementId}' has one or more event subscriptions `
      + `of types '${held.join(', ')}'. Migrating active elements with event subscriptions is not possible yet.`);
  }
  const wanted = subscriptionsWanted(plan.target, targetNode);
  if (wanted.length > 0) {
    refuse(ctx, 'INVALID_STATE',
      `Expected to migrate process instance '${key}' but target element with id '${targetId}' has one or more boundary events or `
      + `event sub-processes of types '${wanted.join(', ')}'. Migrating to elements with such events is not possible yet.`);
  }
  const joining = Object.keys(inst.joinTokens ?? {});
  if (joining.length > 0) {
    refuse(ctx, 'INVALID_STATE',
      `Expected to migrate process instance '${key}' but the gateway with id '${joining[0]}' has taken incoming sequence flows `
      + `in the scope of element '${inst.elementId}'. Migrating joining gateways is not possible yet.`);
  }
}

function subscriptionsHeld(ctx: ProcessingContext, inst: ElementInstance, source: ProcessGraph): string[] {
  const key = inst.key;
  const held: string[] = [];
  if (ctx.state.timersByElement.get(key)?.length) held.push('TIMER');
  const messages = ctx.state.subscriptionsByElement.get(key)?.length ?? 0;
  if (messages > movableSubscriptions(ctx, inst, source).length) held.push('MESSAGE');
  if (ctx.state.signals.byElement.get(key)?.length) held.push('SIGNAL');
  return held;
}

/**
 * Event types the target element would have to subscribe to and migration cannot open: its timer, signal and
 * conditional boundary events, its event sub-process starts of any subscribing type (message boundary events are
 * opened or migrated).
 */
function subscriptionsWanted(graph: ProcessGraph, node: FlowNode): string[] {
  const typeOf = (id: string) => graph.nodes.get(id)?.eventType ?? '';
  const starts = node.eventSubProcesses.flatMap((id) => graph.nodes.get(id)?.startEvents ?? []).map(typeOf)
    .filter((type) => type === 'MESSAGE' || SUBSCRIBING.has(type));
  const boundaries = node.boundaryEvents.map(typeOf).filter((type) => SUBSCRIBING.has(type));
  return [...new Set([...boundaries, ...starts])];
}
