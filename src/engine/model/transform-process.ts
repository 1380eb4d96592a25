import { type BpmnElementType } from '../api';
import { readStartListeners } from './execution-listeners';
import { readExtendedDetails } from './extended-details';
import { extension, text, body } from './extensions';
import { type FlowNode, type ProcessGraph, type SequenceFlow, isExpression } from './graph';
import { type ModdleElement } from './moddle';
import {
  ELEMENT_TYPES, IGNORED_TYPES, eventType, mappings, messageDefinition, taskHeaders, timerDefinition, userTaskDefinition,
} from './node-details';
import { OUT_OF_SCOPE_TYPES, UNSUPPORTED_EVENTS } from './supported';

export interface ElementError {
  elementId: string;
  message: string;
}

type MutableNode = { -readonly [K in keyof FlowNode]: FlowNode[K] };

/** Turns one executable bpmn:Process into an immutable graph, collecting every problem found. */
export function transformProcess(process: ModdleElement, errors: ElementError[]): ProcessGraph {
  const nodes = new Map<string, MutableNode>();
  const flows = new Map<string, SequenceFlow>();
  const versionTag = text(extension(process, 'zeebe:VersionTag')?.value) ?? '';
  const root = newNode(process.id ?? '', text(process.name) ?? '', 'PROCESS', 'UNSPECIFIED', '');
  nodes.set(root.id, root);
  if (extension(process, 'zeebe:ExecutionListeners')) {
    errors.push({ elementId: root.id, message: 'Execution listeners of a process are not supported yet' });
  }
  collectScope(process, root, nodes, flows, errors);
  linkFlows(nodes, flows, errors);
  for (const n of nodes.values()) {
    if (n.attachedTo) {
      const host = nodes.get(n.attachedTo);
      if (host) host.boundaryEvents.push(n.id);
      else errors.push({ elementId: n.id, message: `Expected an attached activity '${n.attachedTo}', but not found` });
    }
  }
  if (root.startEvents.length === 0) errors.push({ elementId: root.id, message: 'Must have at least one start event' });
  return { bpmnProcessId: root.id, name: root.name, versionTag, nodes, flows };
}

function newNode(id: string, name: string, type: BpmnElementType, eventType: FlowNode['eventType'], flowScopeId: string): MutableNode {
  return {
    id, name, type, eventType, flowScopeId, incoming: [], outgoing: [], inputs: [], outputs: [], taskHeaders: {},
    boundaryEvents: [], interrupting: true, startEvents: [], eventSubProcesses: [], children: [],
  };
}

function collectScope(
  scope: ModdleElement,
  scopeNode: MutableNode,
  nodes: Map<string, MutableNode>,
  flows: Map<string, SequenceFlow>,
  errors: ElementError[],
): void {
  for (const element of (scope.flowElements ?? []) as ModdleElement[]) {
    const id = element.id ?? '';
    const error = (message: string): void => void errors.push({ elementId: id, message });
    if (element.$type === 'bpmn:SequenceFlow') {
      const condition = body(element.conditionExpression);
      if (condition !== undefined && !isExpression(condition)) {
        error(`Expected expression but found static value '${condition}'. An expression must start with '=' (e.g. '=${condition}').`);
      }
      flows.set(id, { id, source: element.sourceRef?.id ?? '', target: element.targetRef?.id ?? '', condition });
      continue;
    }
    if (IGNORED_TYPES.has(element.$type)) continue;
    const outOfScope = OUT_OF_SCOPE_TYPES[element.$type];
    if (outOfScope) {
      error(`Elements of type '${element.$type}' are not supported: ${outOfScope}`);
      continue;
    }
    const type = ELEMENT_TYPES[element.$type];
    if (!type) {
      error(`Elements of type '${element.$type}' are not supported`);
      continue;
    }
    const { type: evType, definition } = eventType(element, error);
    const n = newNode(id, text(element.name) ?? '', element.triggeredByEvent ? 'EVENT_SUB_PROCESS' : type, evType, scopeNode.id);
    nodes.set(id, n);
    scopeNode.children.push(id);
    readDetails(element, n, definition, error);
    if (n.type === 'START_EVENT') scopeNode.startEvents.push(id);
    if (n.type === 'EVENT_SUB_PROCESS') scopeNode.eventSubProcesses.push(id);
    if (n.type === 'SUB_PROCESS' || n.type === 'EVENT_SUB_PROCESS') {
      collectScope(element, n, nodes, flows, errors);
      if (n.startEvents.length !== 1 && n.type === 'SUB_PROCESS') error('Must have exactly one start event');
    }
  }
}

function readDetails(element: ModdleElement, n: MutableNode, definition: ModdleElement | undefined, error: (m: string) => void): void {
  const io = mappings(element);
  n.inputs = io.inputs;
  n.outputs = io.outputs;
  for (const m of [...io.inputs, ...io.outputs]) {
    if (!isExpression(m.source)) {
      error(`Expected expression but found static value '${m.source}'. An expression must start with '=' (e.g. '=${m.source}').`);
    }
    if (m.target === '') error('Mapping target must not be empty');
  }
  n.taskHeaders = taskHeaders(element);
  if (element.default) n.defaultFlow = element.default.id;
  if (element.$type === 'bpmn:BoundaryEvent') {
    n.attachedTo = element.attachedToRef?.id;
    n.interrupting = element.cancelActivity !== false;
  }
  if (element.$type === 'bpmn:StartEvent') n.interrupting = element.isInterrupting !== false;
  if (definition) readEventDefinition(n, definition, error);
  readExtendedDetails(element, n, definition, error);
  if (element.$type === 'bpmn:ReceiveTask') n.message = messageDefinition(element.messageRef, error);
  if (UNSUPPORTED_EVENTS.has(n.eventType)) error(`Event definitions of type '${n.eventType}' are not supported yet`);
  n.startListeners = readStartListeners(element, error);
  readJobDetails(element, n, error);
}

function readEventDefinition(n: MutableNode, definition: ModdleElement, error: (m: string) => void): void {
  if (n.eventType === 'TIMER') n.timer = timerDefinition(definition, error);
  if (n.eventType === 'MESSAGE' && !isJobEvent(n)) n.message = messageDefinition(definition.messageRef, error);
  if (n.eventType === 'ERROR') {
    const code = text(definition.errorRef?.errorCode);
    if (n.type === 'END_EVENT' && !code) error("Must reference an error with an error code");
    n.errorCode = code === '' ? undefined : code;
  }
}

/** Message throw and end events are job workers. */
function isJobEvent(n: MutableNode): boolean {
  return n.type === 'END_EVENT' || n.type === 'INTERMEDIATE_THROW_EVENT';
}

const JOB_TYPES = new Set<BpmnElementType>(['SERVICE_TASK', 'SEND_TASK', 'SCRIPT_TASK', 'BUSINESS_RULE_TASK']);

function readJobDetails(element: ModdleElement, n: MutableNode, error: (m: string) => void): void {
  const definition = extension(element, 'zeebe:TaskDefinition');
  if (n.type === 'USER_TASK') {
    if (extension(element, 'zeebe:UserTask')) n.userTask = userTaskDefinition(element);
    else {
      n.jobType = 'io.camunda.zeebe:userTask';
      n.jobRetries = '3';
    }
    return;
  }
  // FEEL scripts and called decisions run in the engine, without a job
  if (n.type === 'SCRIPT_TASK' && extension(element, 'zeebe:Script')) return;
  if (n.type === 'BUSINESS_RULE_TASK' && extension(element, 'zeebe:CalledDecision')) return;
  const needsJob = JOB_TYPES.has(n.type) || (n.eventType === 'MESSAGE' && isJobEvent(n));
  if (!needsJob) return;
  if (!definition) {
    error("Must have exactly one 'zeebe:taskDefinition' extension element");
    return;
  }
  const type = text(definition.type)?.trim();
  if (!type) error("Attribute 'type' must be present and not empty");
  n.jobType = type;
  n.jobRetries = text(definition.retries)?.trim() || '3';
}

function linkFlows(nodes: Map<string, MutableNode>, flows: Map<string, SequenceFlow>, errors: ElementError[]): void {
  for (const f of flows.values()) {
    const source = nodes.get(f.source);
    const target = nodes.get(f.target);
    if (!source || !target) {
      errors.push({ elementId: f.id, message: 'Must have a source and a target flow node' });
      continue;
    }
    source.outgoing.push(f.id);
    target.incoming.push(f.id);
  }
  for (const n of nodes.values()) {
    if (n.defaultFlow && !n.outgoing.includes(n.defaultFlow)) {
      errors.push({ elementId: n.id, message: 'Default flow must start at the gateway' });
    }
    if (n.type === 'START_EVENT' && n.incoming.length > 0) errors.push({ elementId: n.id, message: 'Start events must not have incoming sequence flows' });
    if (n.type === 'BOUNDARY_EVENT' && n.incoming.length > 0) errors.push({ elementId: n.id, message: 'Boundary events must not have incoming sequence flows' });
    if (n.type === 'END_EVENT' && n.outgoing.length > 0) errors.push({ elementId: n.id, message: 'End events must not have outgoing sequence flows' });
  }
}
