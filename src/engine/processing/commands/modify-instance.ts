import { type JsonObject, type Key, type ModifyInstanceRequest } from '../../api';
import { type FlowNode, type ProcessGraph } from '../../model/graph';
import { type ElementInstance } from '../../state/types';
import { type ProcessingContext } from '../context';
import { elementOf, lifecycle } from '../bpmn/element';
import { eventSubProcessStartNodes } from '../bpmn/event-sub-process';
import { boundaryCatchNodes, openSubscriptions } from '../bpmn/subscriptions';
import { activateElement, baseOf, terminateElement } from '../bpmn/lifecycle';
import { applyInputMappings, mergeLocal } from '../bpmn/variables';

type ActivateInstruction = NonNullable<ModifyInstanceRequest['activateInstructions']>[number];

const NOT_ACTIVATABLE = new Set<FlowNode['type']>(['PROCESS', 'START_EVENT', 'BOUNDARY_EVENT', 'EVENT_SUB_PROCESS', 'SEQUENCE_FLOW']);

/**
 * ModifyProcessInstance (administrators): activates elements (with variables) in their flow scope instance, creating
 * missing embedded sub-process instances on the way, then terminates element instances; flow scopes left without anything active are terminated up to the process
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
    let scope = plan.existing;
    for (const scopeNode of plan.create) scope = activateScopeWithoutStart(ctx, root.graph, scopeNode, scope);
    for (const { scopeId, variables } of plan.variables) {
      if (!scopeId) mergeLocal(ctx, processInstanceKey, variables);
      else if (scopeId !== plan.node.id) mergeLocal(ctx, ancestorWithId(ctx, scope, scopeId)?.key ?? processInstanceKey, variables);
    }
    const local = Object.assign({}, ...plan.variables.filter((v) => v.scopeId === plan.node.id).map((v) => v.variables)) as JsonObject;
    activateElement(ctx, root.graph, plan.node, scope.key, baseOf(scope), {
      beforeActivate: (el) => mergeLocal(ctx, el.inst.key, local),
    });
  }
  const activatedScopes = new Set(activations.map((a) => a.existing.key));
  for (const inst of terminations) {
    const el = elementOf(ctx, inst.key);
    if (!el || el.inst.state === 'TERMINATING') continue;
    terminateElement(ctx, el);
    terminateEmptyScopes(ctx, inst.flowScopeKey, activatedScopes);
  }
}

interface ActivationPlan {
  node: FlowNode;
  /** The innermost existing flow scope instance, and the embedded sub-processes to create inside it (outermost first). */
  existing: ElementInstance;
  create: FlowNode[];
  variables: { scopeId?: string; variables: JsonObject }[];
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
  const create: FlowNode[] = [];
  let existing: ElementInstance | string;
  for (let id = node.flowScopeId; ;) {
    const found = flowScopeInstance(ctx, processInstanceKey, id, instruction.ancestorElementInstanceKey);
    const missing = graph.nodes.get(id);
    if (typeof found !== 'string' || found !== NO_INSTANCE || missing?.type !== 'SUB_PROCESS') {
      existing = found;
      break;
    }
    // an embedded sub-process without an active instance is created (without running its start event)
    create.unshift(missing);
    id = missing.flowScopeId;
  }
  if (typeof existing === 'string') return reject(`activate instructions ${existing}: '${instruction.elementId}'`);
  const variables = instruction.variableInstructions ?? [];
  for (const { scopeId } of variables) {
    const known = !scopeId || scopeId === node.id || create.some((c) => c.id === scopeId) || ancestorWithId(ctx, existing, scopeId);
    if (!known) return reject(`activate instructions with variable instructions for a scope that is not the element or one of its flow scopes: '${scopeId}'`);
  }
  return { node, existing, create, variables };
}

/** Activates an embedded sub-process for a modification: mappings and subscriptions, but not its start event. */
function activateScopeWithoutStart(ctx: ProcessingContext, graph: ProcessGraph, node: FlowNode, parent: ElementInstance): ElementInstance {
  const key = activateElement(ctx, graph, node, parent.key, baseOf(parent), {
    beforeActivate: (el) => {
      if (!applyInputMappings(ctx, el)) return;
      if (!openSubscriptions(ctx, el, [...boundaryCatchNodes(el), ...eventSubProcessStartNodes(el)])) return;
      lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
    },
  });
  const inst = ctx.state.instance(key);
  if (!inst) throw new Error(`Expected the created sub-process instance '${key}' to exist`);
  return inst;
}

const NO_INSTANCE = 'with an element whose flow scope has no active instance to activate it in';

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
  if (chosen.length === 0) return NO_INSTANCE;
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
