import { type Key } from '../../api';
import { type FlowNode, type ProcessGraph } from '../../model/graph';
import { type ElementInstance } from '../../state/types';
import { type ProcessingContext } from '../context';
import { type Element, lifecycle } from '../elements/shared/element';
import { eventSubProcessStartNodes } from '../elements/containers/event-sub-process-trigger';
import { activateElement, baseOf } from '../elements/shared/lifecycle';
import { boundaryCatchNodes, openSubscriptions } from '../elements/events/subscriptions';
import { mergeLocal } from '../elements/shared/variables';
import { type ActivateInstruction, selectedAncestor } from './modify-instance-checks';

/**
 * One activate instruction of a modification, as Zeebe 8.8 runs it (ElementActivationBehavior): walks the element's
 * flow scopes from the process down, reuses the one fitting instance of each (the ancestor key decides between
 * several, and asks for a new one below it), and creates the missing ones directly — ELEMENT_ACTIVATING, the
 * instruction's variables, ELEMENT_ACTIVATED, subscriptions — without input mappings and without their start events.
 * An event sub-process created this way interrupts nothing. Multi-instance bodies and their inner instances are never
 * created; the element itself is then activated normally (a multi-instance activity evaluates its input collection).
 * Refusals here happen after events were written: the command loop rolls the batch back.
 */

/** A flow scope step: a multi-instance activity is two steps (its body, then one inner instance) under one id. */
interface ScopeStep {
  node: FlowNode;
  kind: 'scope' | 'body' | 'inner';
}

function scopeSteps(graph: ProcessGraph, node: FlowNode): ScopeStep[] {
  const steps: ScopeStep[] = [];
  for (let scope = graph.nodes.get(node.flowScopeId); scope && scope.type !== 'PROCESS'; scope = graph.nodes.get(scope.flowScopeId)) {
    if (scope.type === 'MULTI_INSTANCE_BODY') steps.unshift({ node: scope, kind: 'body' }, { node: scope, kind: 'inner' });
    else steps.unshift({ node: scope, kind: 'scope' });
  }
  return steps;
}

/**
 * Activates the instruction's element; returns the keys of the flow scope instances it needs (kept by terminations).
 * `pending` holds the elements earlier instructions activated: Zeebe only queues their activation, so they are no
 * flow scope instances yet for later instructions (it is updated here).
 */
export function activateInstruction(ctx: ProcessingContext, root: Element, instruction: ActivateInstruction, pending: Set<Key>): Key[] {
  const graph = root.graph;
  const processId = root.inst.bpmnProcessId;
  const node = graph.nodes.get(instruction.elementId);
  if (!node) throw new Error(`Expected element '${instruction.elementId}' to exist after the checks`);
  const ancestor = selectedAncestor(instruction);
  const variablesFor = (elementId: string, scopeKey: Key): void => {
    for (const v of instruction.variableInstructions ?? []) {
      if (v.scopeId === elementId || (!v.scopeId && elementId === processId)) mergeLocal(ctx, scopeKey, v.variables);
    }
  };
  variablesFor(processId, root.inst.key);
  const required: Key[] = [root.inst.key];
  let scope = root.inst;
  for (const step of scopeSteps(graph, node)) {
    const reused = reusableInstance(ctx, processId, step, scope, ancestor, pending);
    if (reused) {
      variablesFor(step.node.id, reused.key);
      scope = reused;
    } else {
      if (step.kind !== 'scope') rejectMultiInstance(ctx, processId, step.node.id);
      scope = createScope(ctx, graph, step.node, scope, variablesFor);
    }
    required.push(scope.key);
  }
  pending.add(activateElement(ctx, graph, node, scope.key, baseOf(scope), { beforeActivate: (el) => variablesFor(node.id, el.inst.key) }));
  return required;
}

/** The existing instance of a flow scope to activate in, or undefined when a new one is to be created. */
function reusableInstance(
  ctx: ProcessingContext, processId: string, step: ScopeStep, parent: ElementInstance, ancestor: Key | undefined, pending: Set<Key>,
): ElementInstance | undefined {
  const candidates = parent.children
    .filter((key) => !pending.has(key))
    .map((key) => ctx.state.instance(key))
    .filter((inst): inst is ElementInstance => inst !== undefined && inst.elementId === step.node.id);
  if (candidates.length === 0) return undefined;
  if (candidates.length === 1) {
    // an instance below the selected ancestor is not reused: the ancestor asks for a new one
    return ancestor !== undefined && isBelow(ctx, candidates[0], ancestor) ? undefined : candidates[0];
  }
  if (ancestor === undefined) return rejectSeveral(ctx, processId, step.node.id);
  const selected = candidates.find((c) => c.key === ancestor);
  if (selected) return selected;
  if (candidates.some((c) => isBelow(ctx, c, ancestor))) return undefined;
  const ancestorInstance = ctx.state.instance(ancestor);
  const above = ancestorInstance && candidates.find((c) => isBelow(ctx, ancestorInstance, c.key));
  return above ?? rejectSeveral(ctx, processId, step.node.id);
}

/** True when `ancestorKey` is a (direct or indirect) flow scope of the instance. */
function isBelow(ctx: ProcessingContext, inst: ElementInstance, ancestorKey: Key): boolean {
  for (let current = ctx.state.instance(inst.flowScopeKey); current; current = ctx.state.instance(current.flowScopeKey)) {
    if (current.key === ancestorKey) return true;
  }
  return false;
}

/** Creates a (event) sub-process instance by events: variables, ACTIVATED, then its subscriptions. */
function createScope(
  ctx: ProcessingContext, graph: ProcessGraph, node: FlowNode, parent: ElementInstance, variablesFor: (elementId: string, key: Key) => void,
): ElementInstance {
  const key = activateElement(ctx, graph, node, parent.key, baseOf(parent), {
    beforeActivate: (el) => {
      variablesFor(node.id, el.inst.key);
      lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
      const activated: Element = { ...el, inst: ctx.state.instance(el.inst.key) ?? el.inst };
      if (!openSubscriptions(ctx, activated, [...boundaryCatchNodes(activated), ...eventSubProcessStartNodes(activated)])) {
        rejectSubscriptions(ctx, node.id);
      }
    },
  });
  const inst = ctx.state.instance(key);
  if (!inst) throw new Error(`Expected the created flow scope instance '${key}' to exist`);
  return inst;
}

const prefixOf = (processId: string): string => `Expected to modify instance of process '${processId}' but it contains one or more activate instructions`;

function rejectSeveral(ctx: ProcessingContext, processId: string, scopeId: string): never {
  return ctx.reject('PROCESS_INSTANCE_MODIFICATION', 'MODIFY', 'INVALID_ARGUMENT',
    `${prefixOf(processId)} for an element that has a flow scope with more than one active instance: '${scopeId}'. `
    + "Can't decide in which instance of the flow scope the element should be activated. "
    + 'Please specify an ancestor element instance key for this activate instruction.');
}

function rejectMultiInstance(ctx: ProcessingContext, processId: string, activityId: string): never {
  return ctx.reject('PROCESS_INSTANCE_MODIFICATION', 'MODIFY', 'INVALID_ARGUMENT',
    `${prefixOf(processId)} that would result in the activation of multi-instance element '${activityId}', which is currently unsupported.`);
}

/** The subscriptions of a created scope failed: the incident just raised carries the reason (it is rolled back). */
function rejectSubscriptions(ctx: ProcessingContext, scopeId: string): never {
  const incident = [...ctx.records].reverse().find((r) => r.valueType === 'INCIDENT' && r.intent === 'CREATED');
  const reason = typeof incident?.value.errorMessage === 'string' ? incident.value.errorMessage : 'its event subscriptions could not be opened';
  return ctx.reject('PROCESS_INSTANCE_MODIFICATION', 'MODIFY', 'INVALID_ARGUMENT',
    `Expected to subscribe to catch event(s) of '${scopeId}' but ${reason}`);
}
