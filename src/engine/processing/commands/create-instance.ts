import { type CreateInstanceRequest, DEFAULT_TENANT, type JsonObject, type Key, type ProcessInstanceCreated, type ValueType } from '../../api';
import { noneStartEvent } from '../../model/graph';
import { type ProcessDefinition } from '../../state/types';
import { type ProcessingContext } from '../context';
import { activateElement } from '../elements/shared/lifecycle';
import { mergeLocal } from '../elements/shared/variables';
import { documentLimitFault } from './document-limits';

/** CreateProcessInstance (A10): by process id (latest or given version) or definition key; variables at root. */
export function createProcessInstance(ctx: ProcessingContext, req: CreateInstanceRequest): ProcessInstanceCreated {
  const definition = findDefinition(ctx, req);
  const graph = ctx.state.graphOf(definition.key);
  const instructions = req.startInstructions ?? [];
  for (const instruction of instructions) {
    const target = graph.nodes.get(instruction.elementId);
    if (!target || instruction.elementId === graph.bpmnProcessId) {
      ctx.reject('PROCESS_INSTANCE_CREATION', 'CREATE', 'INVALID_ARGUMENT',
        `Expected to create instance of process with start instructions but no element found with id '${instruction.elementId}'.`);
    }
    if (target.flowScopeId !== graph.bpmnProcessId || target.type === 'BOUNDARY_EVENT') {
      ctx.reject('PROCESS_INSTANCE_CREATION', 'CREATE', 'INVALID_ARGUMENT',
        `Expected to create instance of process with start instructions for elements directly in the process, but element '${instruction.elementId}' is ${target.type === 'BOUNDARY_EVENT' ? 'a boundary event' : `inside '${target.flowScopeId}'`}; start the instance and use process instance modification instead.`);
    }
  }
  if (instructions.length === 0 && !noneStartEvent(graph, graph.bpmnProcessId)) {
    ctx.reject('PROCESS_INSTANCE_CREATION', 'CREATE', 'INVALID_STATE', 'Expected to create instance of process with none start event, but there is no such event');
  }
  const variables = checkVariables(ctx, req.variables);
  const processInstanceKey = startInstance(ctx, definition, variables, instructions.length > 0 ? instructions.map((i) => i.elementId) : undefined);
  ctx.event('PROCESS_INSTANCE_CREATION', 'CREATED', ctx.keys.nextKey(), {
    bpmnProcessId: definition.bpmnProcessId, version: definition.version, processDefinitionKey: definition.key,
    processInstanceKey, variables, startInstructions: instructions, tenantId: definition.tenantId,
  });
  return {
    processDefinitionKey: definition.key, bpmnProcessId: definition.bpmnProcessId, version: definition.version,
    processInstanceKey, tenantId: definition.tenantId,
  };
}

/** Activates a new root instance; variables go to the root scope (mergeLocal). */
export function startInstance(
  ctx: ProcessingContext, definition: ProcessDefinition, variables: JsonObject, startAt?: string[],
  parent: { processInstanceKey: Key; elementInstanceKey: Key } = { processInstanceKey: '-1', elementInstanceKey: '-1' },
  startPayload?: JsonObject,
): Key {
  const graph = ctx.state.graphOf(definition.key);
  const root = graph.nodes.get(graph.bpmnProcessId);
  if (!root) throw new Error(`Process '${graph.bpmnProcessId}' has no root node`);
  const key = ctx.keys.nextKey();
  if (startAt) ctx.startAt(key, startAt, startPayload);
  activateElement(ctx, graph, root, '-1', {
    processDefinitionKey: definition.key, bpmnProcessId: definition.bpmnProcessId, version: definition.version,
    processInstanceKey: key, parentProcessInstanceKey: parent.processInstanceKey,
    parentElementInstanceKey: parent.elementInstanceKey, tenantId: definition.tenantId,
  }, { key, beforeActivate: (el) => mergeLocal(ctx, el.inst.key, variables) });
  return key;
}

function findDefinition(ctx: ProcessingContext, req: CreateInstanceRequest): ProcessDefinition {
  const tenantId = req.tenantId ?? DEFAULT_TENANT;
  if (req.processDefinitionKey && req.processDefinitionKey !== '-1') {
    const found = ctx.state.processes.get(req.processDefinitionKey);
    if (!found) {
      ctx.reject('PROCESS_INSTANCE_CREATION', 'CREATE', 'NOT_FOUND', `Expected to find process definition with key '${req.processDefinitionKey}', but none found`);
    }
    return found;
  }
  const id = req.bpmnProcessId ?? '';
  if (id === '') ctx.reject('PROCESS_INSTANCE_CREATION', 'CREATE', 'INVALID_ARGUMENT', 'Expected either a process definition key or a BPMN process id, but none given');
  if (req.version !== undefined && req.version >= 1) {
    const found = ctx.state.processVersion(id, req.version, tenantId);
    if (!found) {
      ctx.reject('PROCESS_INSTANCE_CREATION', 'CREATE', 'NOT_FOUND', `Expected to find process definition with process ID '${id}' and version '${req.version}', but none found`);
    }
    return found;
  }
  const latest = ctx.state.latestProcess(id, tenantId);
  if (!latest) ctx.reject('PROCESS_INSTANCE_CREATION', 'CREATE', 'NOT_FOUND', `Expected to find process definition with process ID '${id}', but none found`);
  return latest;
}

/** A client's variable document: absent means none; anything but an object, or beyond the limits, is refused. */
export function checkVariables(ctx: ProcessingContext, variables: unknown, valueType: ValueType = 'PROCESS_INSTANCE_CREATION', intent = 'CREATE'): JsonObject {
  if (variables === undefined || variables === null) return {};
  if (typeof variables !== 'object' || Array.isArray(variables)) {
    ctx.reject(valueType, intent, 'INVALID_ARGUMENT', `Expected document to be a root level object, but was '${Array.isArray(variables) ? 'ARRAY' : typeof variables}'`);
  }
  const fault = documentLimitFault(variables);
  if (fault) ctx.reject(valueType, intent, 'INVALID_ARGUMENT', fault);
  return variables as JsonObject;
}
