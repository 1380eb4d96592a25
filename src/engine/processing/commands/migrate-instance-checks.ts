import { type BpmnElementType, type Key, type MigrateInstanceRequest } from '../../api';
import { type FlowNode, type ProcessGraph } from '../../model/graph';
import { innerActivity } from '../../model/multi-instance-body';
import { type ElementInstance } from '../../state/types';
import { type ProcessingContext } from '../context';
import { type Element } from '../elements/shared/element';
import { catchDefinitionOf } from '../elements/events/definitions';
import { newCatchNodes, ownedSubscriptions } from './migrate-instance-subscriptions';
import { checkJoiningGateways } from './migrate-instance-gateways';

export interface MigrationPlan {
  processInstanceKey: Key;
  source: ProcessGraph;
  target: ProcessGraph;
  targetKey: Key;
  /** source element id → target element id (flow nodes and sequence flows); the process id maps to the target process id. */
  mapping: Map<string, string>;
}

/**
 * Element types whose instances can move; the others are refused with Zeebe's 'unsupported type' text. An exclusive
 * gateway is active only while it has an incident (a condition to correct in the target).
 */
const MIGRATABLE: ReadonlySet<BpmnElementType> = new Set<BpmnElementType>([
  'PROCESS', 'SERVICE_TASK', 'USER_TASK', 'SEND_TASK', 'SCRIPT_TASK', 'BUSINESS_RULE_TASK', 'SUB_PROCESS',
  'EVENT_SUB_PROCESS', 'CALL_ACTIVITY', 'MULTI_INSTANCE_BODY', 'RECEIVE_TASK', 'INTERMEDIATE_CATCH_EVENT',
  'EVENT_BASED_GATEWAY', 'EXCLUSIVE_GATEWAY',
]);

export function refuse(ctx: ProcessingContext, rejectionType: 'INVALID_ARGUMENT' | 'INVALID_STATE', reason: string): never {
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
  // sequence flows may be mapped too: the taken incoming flows of a joining gateway
  const exists = (graph: ProcessGraph, id: string): boolean => graph.nodes.has(id) || graph.flows.has(id);
  for (const { sourceElementId, targetElementId } of req.mappingInstructions) {
    if (!exists(plan.source, sourceElementId)) {
      refuse(ctx, 'INVALID_ARGUMENT',
        `Expected to migrate process instance '${key}' but mapping instructions contain a non-existing source element id '${sourceElementId}'. `
        + 'Elements provided in mapping instructions must exist in the source process definition.');
    }
    if (!exists(plan.target, targetElementId)) {
      refuse(ctx, 'INVALID_ARGUMENT',
        `Expected to migrate process instance '${key}' but mapping instructions contain a non-existing target element id '${targetElementId}'. `
        + 'Elements provided in mapping instructions must exist in the target process definition.');
    }
  }
}

/**
 * One active element instance: supported, mapped, same type, same flow scope; its catch events stay attached,
 * unmerged and of the same event type; the catch events it would newly subscribe to can be evaluated; the joining
 * gateways of its scope are mapped.
 */
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
  const mappedNode = plan.target.nodes.get(targetId);
  // an active element mapped to a sequence flow changes its type too
  const targetNode = mappedNode ? innerActivity(plan.target, mappedNode, inst.type) : undefined;
  if (targetNode?.type !== inst.type) {
    refuse(ctx, 'INVALID_STATE',
      `Expected to migrate process instance '${key}' but active element with id '${inst.elementId}' and type '${inst.type}' is mapped to `
      + `an element with id '${targetId}' and different type '${targetNode?.type ?? 'SEQUENCE_FLOW'}'. Elements must be mapped to elements of the same type.`);
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
  const sourceNode = innerActivity(plan.source, plan.source.nodes.get(inst.elementId)!, inst.type);
  checkCatchEventMappings(ctx, inst, plan, sourceNode, targetNode, targetId);
  checkNewSubscriptions(ctx, inst, plan, targetNode);
  checkJoiningGateways(ctx, inst, plan);
}

/**
 * The catch events of an element: its own (intermediate catch event, receive task, the events behind an event-based
 * gateway), its boundary events and the start events of its event sub-processes.
 */
export function catchEventsOf(graph: ProcessGraph, node: FlowNode): FlowNode[] {
  const starts = node.eventSubProcesses.flatMap((id) => graph.nodes.get(id)?.startEvents ?? []);
  return [...ownCatchEvents(graph, node), ...[...node.boundaryEvents, ...starts].map((id) => graph.nodes.get(id)).filter((n): n is FlowNode => n !== undefined)];
}

/** The catch events an element waits for itself, rather than through boundary events or event sub-processes. */
export function ownCatchEvents(graph: ProcessGraph, node: FlowNode): FlowNode[] {
  if (node.type === 'INTERMEDIATE_CATCH_EVENT' || node.type === 'RECEIVE_TASK') return [node];
  if (node.type !== 'EVENT_BASED_GATEWAY') return [];
  return node.outgoing.map((id) => graph.nodes.get(graph.flows.get(id)?.target ?? '')).filter((n): n is FlowNode => n !== undefined);
}

/** Mapped catch events stay attached to the mapped element, are not merged and keep their event type (Zeebe's order). */
function checkCatchEventMappings(
  ctx: ProcessingContext, inst: ElementInstance, plan: MigrationPlan, sourceNode: FlowNode, targetNode: FlowNode, targetId: string,
): void {
  const key = plan.processInstanceKey;
  const mapped = catchEventsOf(plan.source, sourceNode).filter((c) => plan.mapping.has(c.id));
  const attached = new Set(catchEventsOf(plan.target, targetNode).map((n) => n.id));
  for (const source of mapped) {
    const targetCatchId = plan.mapping.get(source.id)!;
    if (!attached.has(targetCatchId)) {
      refuse(ctx, 'INVALID_STATE',
        `Expected to migrate process instance '${key}' but active element with id '${inst.elementId}' is mapped to an element with id '${targetId}' and `
        + `has a catch event with id '${source.id}' that is mapped to a catch event with id '${targetCatchId}'. `
        + 'These mappings detach the catch event from the element in the target process. Catch events must stay attached to the same element instance.');
    }
  }
  const byTarget = new Map<string, string[]>();
  for (const source of mapped) byTarget.set(plan.mapping.get(source.id)!, [...(byTarget.get(plan.mapping.get(source.id)!) ?? []), source.id]);
  for (const [targetCatchId, sourceIds] of byTarget) {
    if (sourceIds.length < 2) continue;
    refuse(ctx, 'INVALID_STATE',
      `Expected to migrate process instance '${key}' but active element with id '${inst.elementId}' has a catch event attached that is mapped to `
      + `a catch event with id '${targetCatchId}'. There are multiple mapping instructions that target this catch event: '${[...sourceIds].sort().join("', '")}'. `
      + 'Catch events cannot be merged by process instance migration. Please ensure the mapping instructions target a catch event only once.');
  }
  for (const source of mapped) {
    const target = plan.target.nodes.get(plan.mapping.get(source.id)!)!;
    if (source.eventType === target.eventType) continue;
    refuse(ctx, 'INVALID_STATE',
      `Expected to migrate process instance '${key}' but active element with id '${inst.elementId}' has a catch event with id '${source.id}' `
      + `that is mapped to a catch event with id '${target.id}'. These catch events have different event types: '${source.eventType}' and '${target.eventType}'. `
      + 'The event type of a catch event cannot be changed by process instance migration. '
      + 'Please ensure the event type of the catch event remains the same or remove the mapping instruction for these catch events.');
  }
}

/**
 * The target element's catch events that no mapping instruction targets subscribe anew: their expressions must
 * evaluate, and a message the element is subscribed to already must be mapped instead (Zeebe cannot subscribe twice).
 */
function checkNewSubscriptions(ctx: ProcessingContext, inst: ElementInstance, plan: MigrationPlan, targetNode: FlowNode): void {
  const key = plan.processInstanceKey;
  const el: Element = { inst, node: targetNode, graph: plan.target };
  const subscribedMessages = new Set(ownedSubscriptions(ctx, inst).filter((s) => s.kind === 'message').map((s) => s.name));
  for (const catchNode of newCatchNodes(ctx, el, plan)) {
    const name = catchNode.message?.name;
    if (name !== undefined && subscribedMessages.has(name)) {
      refuse(ctx, 'INVALID_STATE',
        `Expected to migrate process instance '${key}' but active element with id '${inst.elementId}' attempts to subscribe to a message it is `
        + `already subscribed to with name '${name}'. Migrating active elements that subscribe to a message they are already subscribed to is not `
        + `possible yet. Please provide a mapping instruction to message catch event with id '${catchNode.id}' to migrate the respective message subscription.`);
    }
    const prepared = catchDefinitionOf(catchNode)?.prepare(ctx, el, catchNode);
    if (prepared && !prepared.ok) {
      refuse(ctx, 'INVALID_STATE',
        `Expected to migrate process instance '${key}' but active element with id '${inst.elementId}' cannot subscribe to the catch event with id `
        + `'${catchNode.id}' of the target process: ${prepared.message}`);
    }
  }
}
