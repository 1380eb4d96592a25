import { type BpmnElementType, type BpmnEventType } from '../api';

/**
 * What the engine executes today. Anything else is rejected at deployment with a clear message instead of
 * misbehaving at run time. Remove an entry here when its processor lands.
 */
export const UNSUPPORTED_ELEMENTS = new Set<BpmnElementType>([]);

/** Event kinds not executed yet, per element type ('*' = everywhere). */
export const UNSUPPORTED_EVENTS = new Set<BpmnEventType>(['LINK', 'COMPENSATION', 'CONDITIONAL']);

export const SUPPORTS_MULTI_INSTANCE = true;
export const SUPPORTS_EVENT_SUB_PROCESS = true;
export const SUPPORTS_SCRIPT_EXPRESSION = true;
export const SUPPORTS_CALLED_DECISION = true;

/** Out of scope (issue 3): listeners, ad-hoc sub-processes, transactions, compensation. */
export const OUT_OF_SCOPE_TYPES: Record<string, string> = {
  'bpmn:AdHocSubProcess': 'ad-hoc sub-processes are not supported',
  'bpmn:Transaction': 'transactions are not supported',
  'bpmn:ComplexGateway': 'complex gateways are not supported',
};
