import { type EngineRecord, type ProcessInstanceRecordValue } from '../../api';
import { type EngineState } from '../engine-state';
import { linkCalledProcess } from './call-activity';
import { countLoopChild } from './multi-instance';

export function applyProcessInstance(state: EngineState, record: EngineRecord): void {
  const v = record.value as unknown as ProcessInstanceRecordValue;
  switch (record.intent) {
    case 'ELEMENT_ACTIVATING':
      activating(state, record.key, v);
      return;
    case 'ELEMENT_ACTIVATED':
    case 'ELEMENT_COMPLETING':
    case 'ELEMENT_TERMINATING': {
      const instance = state.elementInstances.get(record.key);
      if (instance) instance.state = record.intent.slice('ELEMENT_'.length) as typeof instance.state;
      return;
    }
    case 'ELEMENT_COMPLETED':
    case 'ELEMENT_TERMINATED':
      countLoopChild(state, record.key, record.intent);
      removed(state, record.key);
      return;
    case 'SEQUENCE_FLOW_TAKEN':
      flowTaken(state, v, 1);
      return;
    case 'SEQUENCE_FLOW_DELETED':
      flowTaken(state, v, -1);
      return;
  }
}

function activating(state: EngineState, key: string, v: ProcessInstanceRecordValue): void {
  state.elementInstances.set(key, {
    key, elementId: v.elementId, type: v.bpmnElementType, state: 'ACTIVATING', flowScopeKey: v.flowScopeKey,
    processInstanceKey: v.processInstanceKey, processDefinitionKey: v.processDefinitionKey,
    bpmnProcessId: v.bpmnProcessId, version: v.version, parentProcessInstanceKey: v.parentProcessInstanceKey,
    parentElementInstanceKey: v.parentElementInstanceKey, tenantId: v.tenantId, children: [],
  });
  linkCalledProcess(state, key, v);
  const scope = state.elementInstances.get(v.flowScopeKey);
  if (!scope) return;
  // a scope's first child gets an array of its own size (a push onto an empty array reserves room for 17)
  if (scope.children.length === 0) scope.children = [key];
  else scope.children.push(key);
  const tokens = scope.joinTokens?.[v.elementId];
  if (tokens && (v.bpmnElementType === 'PARALLEL_GATEWAY' || v.bpmnElementType === 'INCLUSIVE_GATEWAY')) {
    // a join consumes one token per incoming flow
    for (const flowId of Object.keys(tokens)) {
      tokens[flowId] -= 1;
      if (tokens[flowId] <= 0) delete tokens[flowId];
    }
    if (Object.keys(tokens).length === 0) delete scope.joinTokens?.[v.elementId];
  }
}

function removed(state: EngineState, key: string): void {
  const instance = state.elementInstances.get(key);
  if (!instance) return;
  state.elementInstances.delete(key);
  state.variables.delete(key);
  // a job whose error was caught is not canceled (Zeebe keeps ERROR_THROWN); it goes with its element
  if (instance.jobKey && state.jobs.get(instance.jobKey)?.state === 'ERROR_THROWN') state.removeJob(instance.jobKey);
  const scope = state.elementInstances.get(instance.flowScopeKey);
  if (scope) scope.children = scope.children.filter((k) => k !== key);
  if (instance.flowScopeKey === '-1') {
    for (const [id, piKey] of state.messageStartedInstances) if (piKey === key) state.messageStartedInstances.delete(id);
  }
}

/** A token on a joining gateway's incoming flow; migration deletes it from the source flow (-1) and takes the target flow. */
function flowTaken(state: EngineState, v: ProcessInstanceRecordValue, delta: 1 | -1): void {
  const graph = state.graphOf(v.processDefinitionKey);
  const flow = graph.flows.get(v.elementId);
  const target = flow ? graph.nodes.get(flow.target) : undefined;
  if (!flow || !target || (target.type !== 'PARALLEL_GATEWAY' && target.type !== 'INCLUSIVE_GATEWAY') || target.incoming.length < 2) return;
  const scope = state.elementInstances.get(v.flowScopeKey);
  if (!scope) return;
  const tokens = ((scope.joinTokens ??= {})[target.id] ??= {});
  tokens[flow.id] = (tokens[flow.id] ?? 0) + delta;
  if (tokens[flow.id] <= 0) delete tokens[flow.id];
  if (Object.keys(tokens).length === 0) delete scope.joinTokens[target.id];
}
