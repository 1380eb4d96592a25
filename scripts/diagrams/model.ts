// A compact description of one executable process; bpmn-writer.ts turns it into Camunda 8.8 BPMN XML and
// bpmn-auto-layout adds the diagram layout. Every node carries the clause of the regulation it implements.
import { type FormSpec } from './form-model';

export type Mapping = Record<string, string>; // target variable -> FEEL source (with leading '=')

export interface MultiInstance {
  collection: string; // FEEL
  element: string;
  sequential?: boolean;
  outputCollection?: string;
  outputElement?: string; // FEEL
}

interface Base {
  id: string;
  name: string;
  doc: string;
}

export interface StartNode extends Base {
  kind: 'start';
  timerCycle?: string;
  message?: string;
  nonInterrupting?: boolean; // start event of an event sub-process
}
export interface EndNode extends Base {
  kind: 'end';
  error?: string;
  terminate?: boolean;
}
export interface UserNode extends Base {
  kind: 'user';
  groups: string; // FEEL list expression with leading '=' or a plain comma list
  due: string; // FEEL expression with leading '='
  form: FormSpec;
  inputs?: Mapping;
  outputs?: Mapping;
  multi?: MultiInstance;
}
export interface ServiceNode extends Base {
  kind: 'service';
  type: string;
  headers?: Record<string, string | number>;
  inputs?: Mapping;
  outputs?: Mapping;
  multi?: MultiInstance;
}
export interface RuleNode extends Base {
  kind: 'rule';
  decisionId: string;
  resultVariable: string;
  inputs?: Mapping;
  outputs?: Mapping;
}
export interface CallNode extends Base {
  kind: 'call';
  processId: string;
  inputs?: Mapping;
  outputs?: Mapping;
  multi?: MultiInstance;
}
export interface ReceiveNode extends Base {
  kind: 'receive';
  message: string;
}
export interface GatewayNode extends Base {
  kind: 'xor' | 'and' | 'event';
}
export interface CatchNode extends Base {
  kind: 'timer' | 'message';
  timerDate?: string; // FEEL
  message?: string;
}
export interface BoundaryNode extends Base {
  kind: 'boundary';
  attachedTo: string;
  interrupting: boolean;
  timerDate?: string;
  message?: string;
  error?: string;
}
export interface EventSubProcess extends Base {
  kind: 'event-sub';
  nodes: FlowNode[];
  flows: Flow[];
}

export type FlowNode =
  | StartNode
  | EndNode
  | UserNode
  | ServiceNode
  | RuleNode
  | CallNode
  | GatewayNode
  | ReceiveNode
  | CatchNode
  | BoundaryNode
  | EventSubProcess;

export interface Flow {
  from: string;
  to: string;
  name?: string;
  condition?: string; // FEEL with leading '='
  isDefault?: boolean;
}

export interface ProcessModel {
  id: string;
  name: string;
  doc: string;
  nodes: FlowNode[];
  flows: Flow[];
}

/** Chinese names of the BPMN errors of workers/JOB-TYPES.md. */
export const errorNames: Record<string, string> = {
  HANDOVER_REFUSED: '承办部门退回移交',
  EXTENSION_REFUSED: '延期申请不予批准',
  ACCEPTANCE_FAILED: '验收未通过',
  LADDER_EXHAUSTED: '升级措施已用尽',
};

/** Correlation keys of the messages of workers/JOB-TYPES.md. */
export const messageKeys: Record<string, string> = {
  'complaint-received': '=inspectionId',
  'obstruction-reported': '=inspectionId',
  'handover-receipt': '=handoverId',
  'handover-result': '=handoverId',
  'hazard-progress': '=hazardId',
  'extension-requested': '=hazardId',
  'acceptance-requested': '=hazardId',
  'rectification-submitted': '=inspectionId',
  'city-inspection-announced': '=year',
};

/** Flow helper: `f('a', 'b')`, `f('gw', 'x', { condition: '=ok', name: '是' })`. */
export const f = (from: string, to: string, opts: Omit<Flow, 'from' | 'to'> = {}): Flow => ({ from, to, ...opts });

/** Chain helper: consecutive flows between the given node ids. */
export const chain = (...ids: string[]): Flow[] => ids.slice(1).map((to, i) => f(ids[i], to));
