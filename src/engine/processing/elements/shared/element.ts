import { type EventIntent, type Key, type ProcessInstanceRecordValue } from '../../../api';
import { type FlowNode, type ProcessGraph } from '../../../model/graph';
import { innerActivity } from '../../../model/multi-instance-body';
import { type ElementInstance } from '../../../state/types';
import { type ProcessingContext } from '../../context';

/** An element instance together with its flow node and graph: what every behaviour works on. */
export interface Element {
  readonly inst: ElementInstance;
  readonly node: FlowNode;
  readonly graph: ProcessGraph;
}

export function elementOf(ctx: ProcessingContext, key: Key): Element | undefined {
  const inst = ctx.state.instance(key);
  if (!inst) return undefined;
  const graph = ctx.state.graphOf(inst.processDefinitionKey);
  const node = graph.nodes.get(inst.elementId);
  if (!node) throw new Error(`Element '${inst.elementId}' is missing from process '${inst.bpmnProcessId}'`);
  return { inst, node: innerActivity(graph, node, inst.type), graph };
}

/**
 * The value of an element instance's life-cycle records is the same in each of them: it is built once per command
 * and shared (record values are never changed once written), which saves allocations and lets the store serialise
 * it once. The cache lives in the command's context, not beside the instance: a cache keyed by every live instance
 * (a WeakMap) grew with the number of waiting instances and made each lookup and each garbage collection slower.
 */
export function recordValue(ctx: ProcessingContext, inst: ElementInstance, node: FlowNode): ProcessInstanceRecordValue {
  const cached = ctx.lifecycleValues.get(inst.key);
  if (cached?.node === node) return cached.value;
  const value = instanceRecordValue(inst, node.eventType);
  ctx.lifecycleValues.set(inst.key, { node, value });
  return value;
}

/** An element instance as its process-instance records describe it, with the event type of its element. */
export function instanceRecordValue(inst: ElementInstance, eventType: ProcessInstanceRecordValue['bpmnEventType']): ProcessInstanceRecordValue {
  return {
    bpmnProcessId: inst.bpmnProcessId,
    version: inst.version,
    processDefinitionKey: inst.processDefinitionKey,
    processInstanceKey: inst.processInstanceKey,
    elementId: inst.elementId,
    flowScopeKey: inst.flowScopeKey,
    bpmnElementType: inst.type,
    bpmnEventType: eventType,
    parentProcessInstanceKey: inst.parentProcessInstanceKey,
    parentElementInstanceKey: inst.parentElementInstanceKey,
    tenantId: inst.tenantId,
  };
}

/** Writes a life-cycle event (ELEMENT_ACTIVATED, ELEMENT_COMPLETING, …) of an element instance. */
export function lifecycle(ctx: ProcessingContext, el: Element, intent: EventIntent<'PROCESS_INSTANCE'>): void {
  ctx.event('PROCESS_INSTANCE', intent, el.inst.key, recordValue(ctx, el.inst, el.node));
}
