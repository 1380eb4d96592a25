import { type JsonObject, type Key, type ModifyInstanceRequest } from '../../api';
import { type FlowNode, type ProcessGraph } from '../../model/graph';
import { type ElementInstance } from '../../state/types';
import { type ProcessingContext } from '../context';
import { elementOf } from '../bpmn/element';
import { activateElement, baseOf, terminateElement } from '../bpmn/lifecycle';
import { mergeLocal } from '../bpmn/variables';

type ActivateInstruction = NonNullable<ModifyInstanceRequest['activateInstructions']>[number];

const NOT_ACTIVATABLE = new Set<FlowNode['type']>(['PROCESS', 'START_EVENT', 'BOUNDARY_EVENT', 'EVENT_SUB_PROCESS', 'SEQUENCE_FLOW']);

/**
 * ModifyProcessInstance (administrators): activates elements (with variables) in existing flow scope instances,
 * then terminates element instances; flow scopes left without anything active are terminated up to the process
 * instance. All instructions are checked before anything is written, so a bad one rejects the whole command.
 */
export function modifyProcessInstance(ctx: ProcessingContext, processInstanceKey: Key, req: ModifyInstanceRequest): void {
  const root = elementOf(ctx, processInstanceKey);
  if (!root || root.inst.type !== 'PROCESS' || root.inst.state !== 'ACTIVATED') {
    ctx.reject('PROCESS_INSTANCE_MODIFICATION', 'MODIFY', 'NOT_FOUND',
      `Expected to modify process instance but no process instance found with key '${processInstanceKey}'`);
  }
  const reject = (reason: string): never => ctx.reject('PROCESS_INSTANCE_MODIFICATION', 'MODIFY', 'INVALID_ARGUMENT',
    `Expected to modify instance of process '${root.inst.bpmnProcessId}' but it contains one or more ${reason}`);
  const activations = (req.activateInstructions ?? []).map((instruction) => planActivation(ctx, root.graph, processInstanceKey, instruction, reject));
  const terminations = (req.terminateInstructions ?? []).map(({ elementInstanceKey }) => {
    const inst = ctx.state.instance(elementInstanceKey);
    if (!inst || inst.processInstanceKey !== processInstanceKey || inst.state === 'TERMINATING') {
      return reject(`terminate instructions with an element instance that could not be found: '${elementInstanceKey}'`);
    }
    return inst;
  });
  ctx.event('PROCESS_INSTANCE_MODIFICATION', 'MODIFIED', processInstanceKey, { processInstanceKey, ...req });
  for (const plan of activations) {
    for (const [scopeKey, variables] of plan.scopeVariables) mergeLocal(ctx, scopeKey, variables);
    activateElement(ctx, root.graph, plan.node, plan.scope.key, baseOf(plan.scope), {
      beforeActivate: (el) => {
        if (plan.localVariables) mergeLocal(ctx, el.inst.key, plan.localVariables);
      },
    });
  }
  const activatedScopes = new Set(activations.map((a) => a.scope.key));
  for (const inst of terminations) {
    const el = elementOf(ctx, inst.key);
    if (!el || el.inst.state === 'TERMINATING') continue;
    terminateElement(ctx, el);
    terminateEmptyScopes(ctx, inst.flowScopeKey, activatedScopes);
  }
}

interface ActivationPlan {
  node: FlowNode;
  scope: ElementInstance;
  /** Variables for existing scopes (root for an empty scopeId). */
  scopeVariables: [Key, JsonObject][];
  localVariables?: JsonObject;
}

function planActivation(
  ctx: ProcessingContext, graph: ProcessGraph, processInstanceKey: Key, instruction: ActivateInstruction, reject: (reason: string) => never,
): ActivationPlan {
  const node = graph.nodes.get(instruction.elementId);
  if (!node) return reject(`activate instructions with an element that could not be found: '${instruction.elementId}'`);
  const scopeNode = graph.nodes.get(node.flowScopeId);
  if (NOT_ACTIVATABLE.has(node.type) || !scopeNode || scopeNode.type === 'MULTI_INSTANCE_BODY' || graph.innerActivities?.has(node.flowScopeId)) {
    return reject(`activate instructions with an element that is unsupported: '${instruction.elementId}'`);
  }
  const scope = flowScopeInstance(ctx, processInstanceKey, node.flowScopeId, instruction.ancestorElementInstanceKey);
  if (typeof scope === 'string') return reject(`activate instructions ${scope}: '${instruction.elementId}'`);
  const scopeVariables: [Key, JsonObject][] = [];
  let localVariables: JsonObject | undefined;
  for (const { scopeId, variables } of instruction.variableInstructions ?? []) {
    if (!scopeId) scopeVariables.push([processInstanceKey, variables]);
    else if (scopeId === node.id) localVariables = { ...localVariables, ...variables };
    else {
      const holder = ancestorWithId(ctx, scope, scopeId);
      if (!holder) return reject(`activate instructions with variable instructions for a scope that is not the element or one of its flow scopes: '${scopeId}'`);
      scopeVariables.push([holder.key, variables]);
    }
  }
  return { node, scope, scopeVariables, localVariables };
}

/** The active instance of a flow scope element; the ancestor key picks one when there are several. */
function flowScopeInstance(ctx: ProcessingContext, processInstanceKey: Key, scopeId: string, ancestorKey: Key | undefined): ElementInstance | string {
  const root = ctx.state.instance(processInstanceKey);
  if (!root) return 'for a process instance that is gone';
  if (root.elementId === scopeId) return root;
  const candidates = [...ctx.state.elementInstances.values()].filter((i) =>
    i.processInstanceKey === processInstanceKey && i.elementId === scopeId && i.state === 'ACTIVATED' && i.type !== 'MULTI_INSTANCE_BODY');
  const chosen = ancestorKey && ancestorKey !== '-1'
    ? candidates.filter((c) => c.key === ancestorKey || isInside(ctx, c, ancestorKey))
    : candidates;
  if (chosen.length === 0) return 'with an element whose flow scope has no active instance to activate it in';
  if (chosen.length > 1) return 'with an element whose flow scope has several active instances and no ancestor to choose one';
  return chosen[0];
}

function isInside(ctx: ProcessingContext, inst: ElementInstance, ancestorKey: Key): boolean {
  for (let current = ctx.state.instance(inst.flowScopeKey); current; current = ctx.state.instance(current.flowScopeKey)) {
    if (current.key === ancestorKey) return true;
  }
  return false;
}

function ancestorWithId(ctx: ProcessingContext, scope: ElementInstance, elementId: string): ElementInstance | undefined {
  for (let current: ElementInstance | undefined = scope; current; current = ctx.state.instance(current.flowScopeKey)) {
    if (current.elementId === elementId) return current;
  }
  return undefined;
}

/** Scopes left without active children (and not just given new ones) are terminated, up to the process instance. */
function terminateEmptyScopes(ctx: ProcessingContext, scopeKey: Key, activatedScopes: Set<Key>): void {
  for (let key = scopeKey; key !== '-1';) {
    const scope = elementOf(ctx, key);
    if (!scope || scope.inst.state !== 'ACTIVATED' || activatedScopes.has(key)) return;
    if (scope.inst.children.length > 0 || Object.keys(scope.inst.joinTokens).length > 0) return;
    const next = scope.inst.flowScopeKey;
    terminateElement(ctx, scope);
    key = next;
  }
}
