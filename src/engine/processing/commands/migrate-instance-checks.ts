import { type BpmnElementType, type Key, type MigrateInstanceRequest } from '../../api';
import { type FlowNode, type ProcessGraph } from '../../model/graph';
import { innerActivity } from '../../model/multi-instance-body';
import { type ElementInstance } from '../../state/types';
import { type ProcessingContext } from '../context';

export interface MigrationPlan {
  processInstanceKey: Key;
  source: ProcessGraph;
  target: ProcessGraph;
  /** source element id → target element id; the process id maps to the target process id. */
  mapping: Map<string, string>;
}

/**
 * Element types whose instances can move: they hold no event subscription of their own (catch events, receive
 * tasks and event-based gateways do, and are refused with Zeebe's 'unsupported type' text).
 */
const MIGRATABLE: ReadonlySet<BpmnElementType> = new Set<BpmnElementType>([
  'PROCESS', 'SERVICE_TASK', 'USER_TASK', 'SEND_TASK', 'SCRIPT_TASK', 'BUSINESS_RULE_TASK', 'SUB_PROCESS',
  'EVENT_SUB_PROCESS', 'CALL_ACTIVITY', 'MULTI_INSTANCE_BODY',
]);

/** Catch event types that subscribe when their scope or activity is entered. */
const SUBSCRIBING = new Set(['MESSAGE', 'TIMER', 'SIGNAL', 'CONDITIONAL']);

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
  const held = subscriptionsHeld(ctx, inst.key);
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

function subscriptionsHeld(ctx: ProcessingContext, key: Key): string[] {
  const held: string[] = [];
  if (ctx.state.timersByElement.get(key)?.length) held.push('TIMER');
  if (ctx.state.subscriptionsByElement.get(key)?.length) held.push('MESSAGE');
  if (ctx.state.signals.byElement.get(key)?.length) held.push('SIGNAL');
  return held;
}

/** Event types the target element would have to subscribe to: its boundary events, its event sub-process starts. */
function subscriptionsWanted(graph: ProcessGraph, node: FlowNode): string[] {
  const starts = node.eventSubProcesses.flatMap((id) => graph.nodes.get(id)?.startEvents ?? []);
  const types = [...node.boundaryEvents, ...starts]
    .map((id) => graph.nodes.get(id)?.eventType ?? '')
    .filter((type) => SUBSCRIBING.has(type));
  return [...new Set(types)];
}
