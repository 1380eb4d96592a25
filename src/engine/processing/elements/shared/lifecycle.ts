import { type JsonObject, type Key } from '../../../api';
import { type FlowNode, type ProcessGraph } from '../../../model/graph';
import { type ElementInstance } from '../../../state/types';
import { LOOP_LIMIT, type ProcessingContext } from '../../context';
import { type Element, elementOf, lifecycle, recordValue } from './element';
import { inclusiveJoinReady, readyInclusiveJoins } from '../gateways/inclusive-join';
import { raiseIncident, resolveIncidentsOf } from './incidents';
import { cancelJob, createStartListenerJob } from './jobs';
import { closeSubscriptions } from '../events/subscriptions';
import { applyInputMappings } from './variables';

/** Identity of a process instance shared by all of its element instances. */
export interface InstanceBase {
  processDefinitionKey: Key;
  bpmnProcessId: string;
  version: number;
  processInstanceKey: Key;
  parentProcessInstanceKey: Key;
  parentElementInstanceKey: Key;
  tenantId: string;
}

export function baseOf(inst: ElementInstance): InstanceBase {
  return {
    processDefinitionKey: inst.processDefinitionKey, bpmnProcessId: inst.bpmnProcessId, version: inst.version,
    processInstanceKey: inst.processInstanceKey, parentProcessInstanceKey: inst.parentProcessInstanceKey,
    parentElementInstanceKey: inst.parentElementInstanceKey, tenantId: inst.tenantId,
  };
}

/**
 * Writes ELEMENT_ACTIVATING for a new element instance at once (so its scope counts it) and queues the rest of the
 * activation. `payload` is applied right after ACTIVATING (trigger variables of catch events).
 */
export function activateElement(
  ctx: ProcessingContext,
  graph: ProcessGraph,
  node: FlowNode,
  flowScopeKey: Key,
  base: InstanceBase,
  options: { key?: Key; beforeActivate?: (el: Element) => void } = {},
): Key {
  const key = options.key ?? ctx.keys.nextKey();
  const processInstanceKey = node.type === 'PROCESS' ? key : base.processInstanceKey;
  ctx.event('PROCESS_INSTANCE', 'ELEMENT_ACTIVATING', key, {
    ...base,
    processInstanceKey,
    elementId: node.id,
    flowScopeKey,
    bpmnElementType: node.type,
    bpmnEventType: node.eventType,
  });
  const el = elementOf(ctx, key);
  if (el && options.beforeActivate) options.beforeActivate(el);
  ctx.schedule((next) => runActivate(next, key));
  return key;
}

/**
 * (Re-)runs the activation hook of an element that is still ACTIVATING; once a loop without wait states has
 * activated it LOOP_LIMIT times in its scope, raises an incident instead (resolving it runs the hook).
 */
export function runActivate(ctx: ProcessingContext, key: Key): void {
  const el = elementOf(ctx, key);
  if (!el || el.inst.state !== 'ACTIVATING') return;
  // the items of a multi-instance body are one element activated many times in the body's scope, but no loop
  const item = ctx.state.instance(el.inst.flowScopeKey)?.type === 'MULTI_INSTANCE_BODY';
  if (!item && !ctx.countActivation(el.inst.flowScopeKey, el.inst.elementId)) {
    raiseIncident(ctx, el, 'UNKNOWN', `Expected the process instance to reach a wait state, but it activated '${el.inst.elementId}' more than `
      + `${LOOP_LIMIT} times without one (a loop without wait states?). Resolve the incident to let it go on, or cancel or modify the instance.`);
    return;
  }
  continueActivation(ctx, el);
}

/**
 * Runs the element's start execution listeners one job after the other (after its input mappings, which they
 * may read), then processes the element (its expressions see the listeners' variables, local to it).
 */
export function continueActivation(ctx: ProcessingContext, el: Element): void {
  if (el.node.startListeners && (el.inst.startListenersDone ?? 0) < el.node.startListeners.length) {
    if ((el.inst.startListenersDone ?? 0) === 0 && !applyInputMappings(ctx, el)) return;
    createStartListenerJob(ctx, el);
    return;
  }
  ctx.behaviours.processorFor(el.node.type).onActivate(ctx, el);
}

/** Writes ELEMENT_COMPLETING and runs the completion hook. */
export function completeElement(ctx: ProcessingContext, el: Element): void {
  if (el.inst.state !== 'ACTIVATED') return;
  lifecycle(ctx, el, 'ELEMENT_COMPLETING');
  ctx.behaviours.processorFor(el.node.type).onComplete(ctx, el);
}

/** (Re-)runs the completion hook of an element that is still COMPLETING. */
export function runComplete(ctx: ProcessingContext, key: Key): void {
  const el = elementOf(ctx, key);
  if (!el || el.inst.state !== 'COMPLETING') return;
  ctx.behaviours.processorFor(el.node.type).onComplete(ctx, el);
}

/** Ends a completing element: closes its subscriptions, writes ELEMENT_COMPLETED, takes the given flows. */
export function finishCompletion(ctx: ProcessingContext, el: Element, flowIds: readonly string[] = el.node.outgoing): void {
  const owner = followingScope(ctx, el);
  const ownerProcessor = owner ? ctx.behaviours.processorFor(owner.node.type) : undefined;
  if (owner && ownerProcessor?.onChildCompleting && !ownerProcessor.onChildCompleting(ctx, owner, el)) return;
  closeSubscriptions(ctx, el.inst.key);
  if (el.inst.flowScopeKey === '-1') ctx.captureResult(el.inst.key);
  const value = recordValue(ctx, el.inst, el.node);
  ctx.event('PROCESS_INSTANCE', 'ELEMENT_COMPLETED', el.inst.key, value);
  takeFlows(ctx, el, flowIds);
  if (owner && ownerProcessor?.onChildCompleted) ownerProcessor.onChildCompleted(ctx, owner, el);
  else if (el.inst.flowScopeKey !== '-1') completeScopeIfDone(ctx, el.inst.flowScopeKey, isInterruptingEventSubProcess(el.graph, el.node));
  if (el.inst.flowScopeKey === '-1') rootEnded(ctx, el);
}

/** The scope that follows an element's completion: its flow scope, or the calling activity of a called process. */
export function followingScope(ctx: ProcessingContext, el: Element): Element | undefined {
  if (el.inst.flowScopeKey !== '-1') return elementOf(ctx, el.inst.flowScopeKey);
  return el.inst.parentElementInstanceKey !== '-1' ? elementOf(ctx, el.inst.parentElementInstanceKey) : undefined;
}

/** Takes sequence flows out of an element and activates their targets (parallel joins wait for all tokens). */
export function takeFlows(ctx: ProcessingContext, el: Element, flowIds: readonly string[]): void {
  const base = baseOf(el.inst);
  for (const flowId of flowIds) {
    const flow = el.graph.flows.get(flowId);
    if (!flow) continue;
    const target = el.graph.nodes.get(flow.target);
    if (!target) continue;
    ctx.event('PROCESS_INSTANCE', 'SEQUENCE_FLOW_TAKEN', ctx.keys.nextKey(), {
      ...base, elementId: flow.id, flowScopeKey: el.inst.flowScopeKey, bpmnElementType: 'SEQUENCE_FLOW', bpmnEventType: 'UNSPECIFIED',
    });
    if (target.type === 'PARALLEL_GATEWAY' && target.incoming.length > 1) {
      const tokens = ctx.state.instance(el.inst.flowScopeKey)?.joinTokens?.[target.id] ?? {};
      if (!target.incoming.every((id) => (tokens[id] ?? 0) > 0)) continue;
    }
    if (target.type === 'INCLUSIVE_GATEWAY' && target.incoming.length > 1) {
      // judged after all flows of this step were taken (a fork may send several tokens towards the join)
      const scopeKey = el.inst.flowScopeKey;
      ctx.schedule((next) => activateInclusiveJoinIfReady(next, el.graph, target, scopeKey, base));
      continue;
    }
    activateElement(ctx, el.graph, target, el.inst.flowScopeKey, base);
  }
}

function activateInclusiveJoinIfReady(ctx: ProcessingContext, graph: ProcessGraph, gateway: FlowNode, scopeKey: Key, base: InstanceBase): void {
  const scope = ctx.state.instance(scopeKey);
  if (scope?.state === 'ACTIVATED' && inclusiveJoinReady(ctx, scope, graph, gateway)) activateElement(ctx, graph, gateway, scopeKey, base);
}

/**
 * A scope completes when it has no active children and no waiting join tokens; after an interrupting event
 * sub-process completed, tokens still waiting at joins are dropped with the scope (as in Zeebe, the interruption ends it).
 */
export function completeScopeIfDone(ctx: ProcessingContext, scopeKey: Key, afterInterruption = false): void {
  const scope = elementOf(ctx, scopeKey);
  if (!scope || scope.inst.state !== 'ACTIVATED') return;
  if (afterInterruption) {
    if (scope.inst.children.length === 0) completeElement(ctx, scope);
    return;
  }
  // a token that ended elsewhere may release a waiting inclusive join
  for (const gateway of readyInclusiveJoins(ctx, scope)) activateElement(ctx, scope.graph, gateway, scopeKey, baseOf(scope.inst));
  if (scope.inst.children.length > 0 || Object.keys(scope.inst.joinTokens ?? {}).length > 0) return;
  completeElement(ctx, scope);
}

/**
 * Terminates an element and everything inside it, innermost first: TERMINATING, element clean-up (job, user
 * task), subscriptions closed, incidents resolved, children terminated, TERMINATED.
 */
export function terminateElement(ctx: ProcessingContext, el: Element): void {
  if (el.inst.state === 'TERMINATING') return;
  lifecycle(ctx, el, 'ELEMENT_TERMINATING');
  // an element still waiting for a start listener has only the listener's job to cancel
  if (el.inst.jobKey && ctx.state.jobs.get(el.inst.jobKey)?.value.jobKind === 'EXECUTION_LISTENER') cancelJob(ctx, el);
  else ctx.behaviours.processorFor(el.node.type).onTerminate?.(ctx, el);
  closeSubscriptions(ctx, el.inst.key);
  resolveIncidentsOf(ctx, el.inst.key);
  terminateChildren(ctx, el.inst);
  ctx.event('PROCESS_INSTANCE', 'ELEMENT_TERMINATED', el.inst.key, recordValue(ctx, el.inst, el.node));
  if (el.inst.flowScopeKey === '-1') rootEnded(ctx, el);
  else {
    // the terminated instance may have been the last path to a waiting inclusive join; judged once the step is
    // done, so that whatever replaces it (a boundary event, a modification's activation) counts as a path
    const scopeKey = el.inst.flowScopeKey;
    ctx.schedule((next) => activateReleasedInclusiveJoins(next, scopeKey));
  }
}

/** Activates the inclusive joins of a still running scope that no token can reach any more (not once interrupted). */
function activateReleasedInclusiveJoins(ctx: ProcessingContext, scopeKey: Key): void {
  const scope = elementOf(ctx, scopeKey);
  if (!scope || scope.inst.state !== 'ACTIVATED') return;
  const takenOver = scope.inst.children.some((key) => {
    const child = ctx.state.instance(key);
    return child !== undefined && isInterruptingEventSubProcess(scope.graph, scope.graph.nodes.get(child.elementId));
  });
  if (takenOver) return;
  for (const gateway of readyInclusiveJoins(ctx, scope)) activateElement(ctx, scope.graph, gateway, scopeKey, baseOf(scope.inst));
}

function isInterruptingEventSubProcess(graph: ProcessGraph, node: FlowNode | undefined): boolean {
  if (node?.type !== 'EVENT_SUB_PROCESS') return false;
  return graph.nodes.get(node.startEvents[0] ?? '')?.interrupting === true;
}

function rootEnded(ctx: ProcessingContext, el: Element): void {
  const bpmnProcessId = el.inst.bpmnProcessId;
  ctx.schedule((next) => next.behaviours.rootEnded(next, bpmnProcessId));
}

export function terminateChildren(ctx: ProcessingContext, scope: ElementInstance, except?: Key): void {
  for (const childKey of [...scope.children]) {
    if (childKey === except) continue;
    const child = elementOf(ctx, childKey);
    if (child) terminateElement(ctx, child);
  }
}

/** Activates a catch element (boundary event, …) in a scope with the trigger's variables as payload. */
export function activateWithPayload(
  ctx: ProcessingContext,
  graph: ProcessGraph,
  node: FlowNode,
  flowScopeKey: Key,
  base: InstanceBase,
  payload: JsonObject | undefined,
  apply: (el: Element, payload: JsonObject) => void,
): Key {
  return activateElement(ctx, graph, node, flowScopeKey, base, {
    beforeActivate: (el) => {
      if (payload && Object.keys(payload).length > 0) apply(el, payload);
    },
  });
}
