import { type Key, type ModifyInstanceRequest } from '../../api';
import { type BpmnElementType } from '../../api';
import { type ProcessGraph } from '../../model/graph';
import { type ProcessingContext } from '../context';
import { type Element } from '../elements/shared/element';
import { documentLimitFault } from './document-limits';

/**
 * The checks of a process instance modification that need no writing, in Zeebe's order and with its texts
 * (ProcessInstanceModificationModifyProcessor, 8.8): a bad instruction rejects the whole command before anything
 * changes. The checks that Zeebe only meets while it activates (several flow scope instances, multi-instance
 * scopes, subscriptions of created scopes, terminating a called instance) are in modify-instance-activation.ts.
 */

export type ActivateInstruction = NonNullable<ModifyInstanceRequest['activateInstructions']>[number];

/** Element types a modification cannot activate. */
const UNSUPPORTED_TYPES: readonly BpmnElementType[] = ['START_EVENT', 'SEQUENCE_FLOW', 'BOUNDARY_EVENT'];

/** Zeebe names the supported types in the order of its BpmnElementType enum (8.8). */
const SUPPORTED_TYPES = '[PROCESS, SUB_PROCESS, EVENT_SUB_PROCESS, AD_HOC_SUB_PROCESS, AD_HOC_SUB_PROCESS_INNER_INSTANCE, '
  + 'INTERMEDIATE_CATCH_EVENT, INTERMEDIATE_THROW_EVENT, END_EVENT, SERVICE_TASK, RECEIVE_TASK, USER_TASK, MANUAL_TASK, TASK, '
  + 'EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY, EVENT_BASED_GATEWAY, INCLUSIVE_GATEWAY, MULTI_INSTANCE_BODY, CALL_ACTIVITY, '
  + 'BUSINESS_RULE_TASK, SCRIPT_TASK, SEND_TASK]';

/** An ancestor key given by the client ('-1', '0' or absent mean none). */
export function selectedAncestor(instruction: ActivateInstruction): Key | undefined {
  const key = instruction.ancestorElementInstanceKey;
  return key && key !== '-1' && key !== '0' ? key : undefined;
}

/** The type of any element of the process, sequence flows included; undefined when the id is unknown. */
function typeOf(graph: ProcessGraph, id: string): BpmnElementType | undefined {
  return graph.nodes.get(id)?.type ?? (graph.flows.has(id) ? 'SEQUENCE_FLOW' : undefined);
}

/** The ids of an element's flow scopes, innermost first, the process last. */
export function flowScopeIds(graph: ProcessGraph, elementId: string): string[] {
  const ids: string[] = [];
  for (let id = graph.nodes.get(elementId)?.flowScopeId; id !== undefined && id !== '';) {
    ids.push(id);
    const scope = graph.nodes.get(id);
    if (!scope || scope.type === 'PROCESS') break;
    id = scope.flowScopeId;
  }
  return ids;
}

const distinct = <T>(items: T[]): T[] => [...new Set(items)];

export function checkModification(ctx: ProcessingContext, root: Element, req: ModifyInstanceRequest): void {
  const graph = root.graph;
  const processId = root.inst.bpmnProcessId;
  const prefix = `Expected to modify instance of process '${processId}' but it contains one or more`;
  const reject = (reason: string): never => ctx.reject('PROCESS_INSTANCE_MODIFICATION', 'MODIFY', 'INVALID_ARGUMENT', reason);
  const activations = req.activateInstructions ?? [];
  const terminations = req.terminateInstructions ?? [];

  const unknown = distinct(activations.map((a) => a.elementId).filter((id) => typeOf(graph, id) === undefined));
  if (unknown.length > 0) reject(`${prefix} activate instructions with an element that could not be found: '${unknown.join("', '")}'`);

  const unsupported = (ids: string[], reason: string): never =>
    reject(`${prefix} activate instructions for elements that are unsupported: '${ids.join("', '")}'. ${reason}.`);
  const afterEventGateway = distinct(activations.map((a) => a.elementId)).filter((id) => {
    const node = graph.nodes.get(id);
    return node?.type === 'INTERMEDIATE_CATCH_EVENT'
      && node.incoming.some((flowId) => typeOf(graph, graph.flows.get(flowId)?.source ?? '') === 'EVENT_BASED_GATEWAY');
  });
  if (afterEventGateway.length > 0) unsupported(afterEventGateway, 'The activation of events belonging to an event-based gateway is not supported');
  // the process itself cannot be activated inside its own instance either (Zeebe would nest a second one)
  const badTypes = distinct(activations.map((a) => a.elementId))
    .filter((id) => UNSUPPORTED_TYPES.includes(typeOf(graph, id) as BpmnElementType) || id === processId);
  if (badTypes.length > 0) {
    const types = distinct(badTypes.map((id) => typeOf(graph, id) as string)).join("', '");
    unsupported(badTypes, `The activation of elements with type '${types}' is not supported. Supported element types are: ${SUPPORTED_TYPES}`);
  }

  const missing = distinct(terminations.map((t) => t.elementInstanceKey)).filter((key) => {
    const inst = ctx.state.instance(key);
    return !inst || inst.processInstanceKey !== root.inst.key;
  });
  if (missing.length > 0) reject(`${prefix} terminate instructions with an element instance that could not be found: '${missing.join("', '")}'`);

  const scopeIds = activations.flatMap((a) => (a.variableInstructions ?? []).map((v) => v.scopeId ?? '')).filter((id) => id !== '');
  const unknownScopes = distinct(scopeIds.filter((id) => typeOf(graph, id) === undefined));
  if (unknownScopes.length > 0) reject(`${prefix} variable instructions with a scope element id that could not be found: '${unknownScopes.join("', '")}'`);
  const outsideScope = activations.some((a) => (a.variableInstructions ?? []).some(({ scopeId }) =>
    !!scopeId && scopeId !== a.elementId && !flowScopeIds(graph, a.elementId).includes(scopeId)));
  if (outsideScope) {
    reject(`${prefix} variable instructions with a scope element that doesn't belong to the activating element's flow scope. `
      + 'These variables should be set before or after the modification.');
  }

  for (const { variables } of activations.flatMap((a) => a.variableInstructions ?? [])) {
    const fault = documentLimitFault(variables);
    if (fault) reject(fault);
  }

  checkAncestors(ctx, root, activations, prefix, reject);
  checkTerminatedFlowScopes(ctx, graph, activations, terminations.map((t) => t.elementInstanceKey), processId, reject);
}

function checkAncestors(ctx: ProcessingContext, root: Element, activations: ActivateInstruction[], prefix: string, reject: (reason: string) => never): void {
  const ancestors = distinct(activations.map(selectedAncestor).filter((key): key is Key => key !== undefined));
  const inactive = ancestors.filter((key) => ctx.state.instance(key)?.state !== 'ACTIVATED');
  if (inactive.length > 0) {
    reject(`${prefix} activate instructions with an ancestor scope key that does not exist, or is not in an active state: '${inactive.join("', '")}'`);
  }
  const foreign = ancestors.filter((key) => ctx.state.instance(key)?.processInstanceKey !== root.inst.key);
  if (foreign.length > 0) {
    reject(`${prefix} activate instructions with an ancestor scope key that does not belong to the modified process instance: '${foreign.join("', '")}'`);
  }
  const notAncestors = activations.flatMap((a) => {
    const key = selectedAncestor(a);
    const ancestorId = key === undefined ? undefined : ctx.state.instance(key)?.elementId;
    if (key === undefined || ancestorId === undefined || flowScopeIds(root.graph, a.elementId).includes(ancestorId)) return [];
    return [`\n- instance '${key}' of element '${ancestorId}' is not an ancestor of element '${a.elementId}'`];
  });
  if (notAncestors.length > 0) {
    reject(`${prefix} activate instructions with an ancestor scope key that is not an ancestor of the element to activate:${notAncestors.join('')}`);
  }
}

/** An element must not be activated in a flow scope instance that the same command terminates. */
function checkTerminatedFlowScopes(
  ctx: ProcessingContext, graph: ProcessGraph, activations: ActivateInstruction[], terminated: Key[], processId: string,
  reject: (reason: string) => never,
): void {
  const conflicts: string[] = [];
  for (const key of distinct(terminated)) {
    const terminatedId = ctx.state.instance(key)?.elementId;
    if (terminatedId === undefined) continue;
    for (const a of activations) {
      const ancestor = selectedAncestor(a);
      const conflict = ancestor !== undefined ? ancestor === key : flowScopeIds(graph, a.elementId).includes(terminatedId);
      if (conflict) conflicts.push(`element '${a.elementId}' requires flow scope instance '${key}' which is being terminated`);
    }
  }
  if (conflicts.length > 0) {
    reject(`Expected to modify instance of process '${processId}' but it contains one or more activate instructions for elements `
      + `whose required flow scope instance is also being terminated: ${conflicts.join(', ')}. `
      + 'Please provide a valid ancestor scope key for the activation or avoid terminating the required flow scope.');
  }
}
