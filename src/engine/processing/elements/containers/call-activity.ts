import { type JsonObject } from '../../../api';
import { type CalledElementDefinition } from '../../../model/extended-details';
import { noneStartEvent } from '../../../model/graph';
import { type ProcessDefinition } from '../../../state/types';
import { type ProcessingContext } from '../../context';
import { completeWithOutputs } from '../shared/activity';
import { type Element, elementOf, lifecycle } from '../shared/element';
import { raiseIncident, stringAttributeOrIncident } from '../shared/incidents';
import { completeElement, terminateElement } from '../shared/lifecycle';
import { type ElementProcessor } from '../shared/processor';
import { boundaryCatchNodes, openSubscriptions } from '../events/subscriptions';
import { applyInputMappings, mergeLocal, propagate } from '../shared/variables';
import { startInstance } from '../../commands/create-instance';

/**
 * Call activity (A8): creates an instance of the called process at its none start event, with the parent keys
 * set; completes when that instance completes, taking the child's variables as the propagation flags and output
 * mappings say. Terminating the call activity terminates the child, and nothing propagates.
 */
export const callActivityProcessor: ElementProcessor = {
  onActivate(ctx: ProcessingContext, el: Element): void {
    const called = el.node.calledElement;
    if (!called) throw new Error(`Call activity '${el.node.id}' has no called element`);
    if (!applyInputMappings(ctx, el)) return;
    const definition = resolveCalledProcess(ctx, el, called);
    if (!definition) return;
    if (!openSubscriptions(ctx, el, boundaryCatchNodes(el))) return;
    lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
    const variables = called.propagateAllParentVariables ? ctx.state.visibleVariables(el.inst.key) : localVariables(ctx, el);
    startInstance(ctx, definition, variables, undefined, { processInstanceKey: el.inst.processInstanceKey, elementInstanceKey: el.inst.key });
  },
  onComplete: completeWithOutputs,
  onTerminate(ctx: ProcessingContext, el: Element): void {
    const child = calledInstance(ctx, el);
    if (child) terminateElement(ctx, child);
  },
  onChildCompleting(ctx: ProcessingContext, scope: Element, child: Element): boolean {
    if (child.inst.flowScopeKey !== '-1') return true;
    // the child's root variables, read before its completion removes them
    const variables = ctx.state.visibleVariables(child.inst.key);
    const called = scope.node.calledElement;
    if (scope.node.outputs.length > 0) mergeLocal(ctx, scope.inst.key, variables);
    else if (called?.propagateAllChildVariables !== false) propagate(ctx, scope.inst.key, variables);
    return true;
  },
  onChildCompleted(ctx: ProcessingContext, scope: Element, child: Element): void {
    if (child.inst.flowScopeKey === '-1') completeElement(ctx, scope);
  },
};

function localVariables(ctx: ProcessingContext, el: Element): JsonObject {
  const locals = ctx.state.variables.get(el.inst.key);
  if (!locals) return {};
  return Object.fromEntries([...locals].map(([name, json]) => [name, JSON.parse(json) as unknown]));
}

/** The root instance of the called process, while it runs. */
function calledInstance(ctx: ProcessingContext, el: Element): Element | undefined {
  const key = el.inst.calledProcessInstanceKey;
  return key ? elementOf(ctx, key) : undefined;
}

/** The process to call per processId and binding type; CALLED_ELEMENT_ERROR / EXTRACT_VALUE_ERROR otherwise. */
function resolveCalledProcess(ctx: ProcessingContext, el: Element, called: CalledElementDefinition): ProcessDefinition | undefined {
  const processId = stringAttributeOrIncident(ctx, el, called.processId);
  if (processId === undefined) return undefined;
  const definition = findDefinition(ctx, el, processId, called);
  if (!definition) {
    const where = called.bindingType === 'deployment'
      ? ' in the same deployment as the calling process'
      : called.bindingType === 'versionTag' ? ` with version tag '${called.versionTag ?? ''}'` : '';
    raiseIncident(ctx, el, 'CALLED_ELEMENT_ERROR', `Expected process with BPMN process id '${processId}' to be deployed${where}, but not found.`);
    return undefined;
  }
  const graph = ctx.state.graphOf(definition.key);
  if (!noneStartEvent(graph, graph.bpmnProcessId)) {
    raiseIncident(ctx, el, 'CALLED_ELEMENT_ERROR', `Expected process with BPMN process id '${processId}' to have a none start event, but not found.`);
    return undefined;
  }
  return definition;
}

function findDefinition(ctx: ProcessingContext, el: Element, processId: string, called: CalledElementDefinition): ProcessDefinition | undefined {
  const tenantId = el.inst.tenantId;
  if (called.bindingType === 'latest') return ctx.state.latestProcess(processId, tenantId);
  const versions = (ctx.state.processVersions.get(`${tenantId}/${processId}`) ?? [])
    .map((key) => ctx.state.processes.get(key))
    .filter((d): d is ProcessDefinition => d !== undefined)
    .reverse();
  if (called.bindingType === 'versionTag') return versions.find((d) => d.versionTag === called.versionTag);
  const deploymentKey = ctx.state.processes.get(el.inst.processDefinitionKey)?.deploymentKey;
  return versions.find((d) => d.deploymentKey === deploymentKey);
}
