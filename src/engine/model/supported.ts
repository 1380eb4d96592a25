import { type BpmnEventType } from '../api';

/**
 * What the engine does not execute is rejected at deployment with a clear message instead of misbehaving at run
 * time: these event kinds, and the element types below (listeners are refused in transform-process.ts).
 */
export const UNSUPPORTED_EVENTS = new Set<BpmnEventType>(['LINK', 'COMPENSATION', 'CONDITIONAL']);

/** Out of scope: ad-hoc sub-processes, transactions, complex gateways. */
export const OUT_OF_SCOPE_TYPES: Record<string, string> = {
  'bpmn:AdHocSubProcess': 'ad-hoc sub-processes are not supported',
  'bpmn:Transaction': 'transactions are not supported',
  'bpmn:ComplexGateway': 'complex gateways are not supported',
};
