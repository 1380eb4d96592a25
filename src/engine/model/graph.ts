import { type BpmnElementType, type BpmnEventType } from '../api';
import { type CalledDecisionDefinition, type CalledElementDefinition, type LoopDefinition, type ScriptDefinition } from './extended-details';

/** A value that is either static text or a FEEL expression (text starting with '='). */
export type ExprText = string;

export interface Mapping {
  source: ExprText;
  target: string;
}

export interface TimerDefinition {
  kind: 'duration' | 'date' | 'cycle';
  expression: ExprText;
}

export interface MessageDefinition {
  name: ExprText;
  correlationKey?: ExprText;
}

export interface UserTaskDefinition {
  assignee?: ExprText;
  candidateUsers?: ExprText;
  candidateGroups?: ExprText;
  dueDate?: ExprText;
  followUpDate?: ExprText;
  priority?: ExprText;
  formId?: string;
  formBindingType?: string;
  formVersionTag?: string;
  externalFormReference?: ExprText;
  formKey?: string;
}

/** A start execution listener: a job of `type` (static or FEEL) the element waits for before it is processed. */
export interface ExecutionListenerDefinition {
  readonly type: ExprText;
  readonly retries: ExprText;
  /** The listener's own headers; they win over the element's task headers of the same key. */
  readonly headers: Record<string, string>;
}

/** One executable flow node. Immutable after deployment. */
export interface FlowNode {
  readonly id: string;
  readonly name: string;
  readonly type: BpmnElementType;
  readonly eventType: BpmnEventType;
  /** Id of the enclosing scope: the process id or a (event) sub-process id. */
  readonly flowScopeId: string;
  readonly incoming: string[];
  readonly outgoing: string[];
  readonly defaultFlow?: string;
  readonly inputs: Mapping[];
  readonly outputs: Mapping[];
  readonly taskHeaders: Record<string, string>;
  readonly jobType?: ExprText;
  readonly jobRetries?: ExprText;
  /** Start execution listeners, in the order of the diagram. */
  readonly startListeners?: readonly ExecutionListenerDefinition[];
  /** Boundary events attached to this activity. */
  readonly boundaryEvents: string[];
  readonly attachedTo?: string;
  /** Boundary events and event sub-process starts: interrupting or not. */
  readonly interrupting: boolean;
  readonly timer?: TimerDefinition;
  readonly message?: MessageDefinition;
  /** Error catch/throw: code (undefined on a catch = catch-all). */
  readonly errorCode?: ExprText;
  readonly escalationCode?: ExprText;
  readonly signalName?: ExprText;
  readonly userTask?: UserTaskDefinition;
  readonly calledElement?: CalledElementDefinition;
  /** Multi-instance loop characteristics (on the body node and, in the graph, not on the inner activity). */
  readonly loop?: LoopDefinition;
  readonly calledDecision?: CalledDecisionDefinition;
  readonly script?: ScriptDefinition;
  /** Scopes (process, sub-processes): their start events and event sub-processes. */
  readonly startEvents: string[];
  readonly eventSubProcesses: string[];
  /** Flow nodes directly inside this scope. */
  readonly children: string[];
}

export interface SequenceFlow {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly condition?: ExprText;
}

/** One executable process of a deployed resource. */
export interface ProcessGraph {
  readonly bpmnProcessId: string;
  readonly name: string;
  readonly versionTag: string;
  /** The process itself is a node of type PROCESS with id = bpmnProcessId. */
  readonly nodes: ReadonlyMap<string, FlowNode>;
  readonly flows: ReadonlyMap<string, SequenceFlow>;
  /** Multi-instance activities: the inner activity run inside the body (the body is in `nodes`). */
  readonly innerActivities?: ReadonlyMap<string, FlowNode>;
}

export function node(graph: ProcessGraph, id: string): FlowNode {
  const found = graph.nodes.get(id);
  if (!found) throw new Error(`Process '${graph.bpmnProcessId}' has no element '${id}'`);
  return found;
}

export function flow(graph: ProcessGraph, id: string): SequenceFlow {
  const found = graph.flows.get(id);
  if (!found) throw new Error(`Process '${graph.bpmnProcessId}' has no sequence flow '${id}'`);
  return found;
}

/** The none start event of a scope, if any. */
export function noneStartEvent(graph: ProcessGraph, scopeId: string): FlowNode | undefined {
  return node(graph, scopeId)
    .startEvents.map((id) => node(graph, id))
    .find((n) => n.eventType === 'NONE');
}

export const isExpression = (text: string | undefined): boolean => text !== undefined && text.trim().startsWith('=');
