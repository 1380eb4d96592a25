import { validateStaticTimer } from '../timer';
import { type ProcessGraph } from './graph';
import { type ElementError } from './transform-process';

const ACTIVITY_TYPES = new Set(['SERVICE_TASK', 'SEND_TASK', 'SCRIPT_TASK', 'BUSINESS_RULE_TASK', 'USER_TASK', 'RECEIVE_TASK', 'MANUAL_TASK', 'TASK', 'SUB_PROCESS', 'CALL_ACTIVITY']);

/** Semantic checks that need the whole graph (Zeebe's deployment validators). */
export function validateGraph(graph: ProcessGraph, errors: ElementError[]): void {
  const error = (elementId: string, message: string): void => void errors.push({ elementId, message });
  for (const n of graph.nodes.values()) {
    if (n.timer) {
      const problem = validateStaticTimer(n.timer.kind, n.timer.expression, 0);
      if (problem) error(n.id, problem);
    }
    if (n.type === 'BOUNDARY_EVENT') {
      const host = n.attachedTo ? graph.nodes.get(n.attachedTo) : undefined;
      if (host && !ACTIVITY_TYPES.has(host.type)) error(n.id, 'Boundary events must be attached to an activity');
      if (!['TIMER', 'MESSAGE', 'ERROR', 'SIGNAL', 'ESCALATION'].includes(n.eventType)) {
        error(n.id, 'Boundary events must have a timer, message, error, signal or escalation event definition');
      }
      if (n.eventType === 'ERROR' && !n.interrupting) error(n.id, 'Error boundary events must be interrupting');
    }
    if (n.type === 'START_EVENT' && graph.nodes.get(n.flowScopeId)?.type === 'PROCESS') {
      if (!['NONE', 'TIMER', 'MESSAGE', 'SIGNAL'].includes(n.eventType)) {
        error(n.id, 'Start event must be one of: none, timer, message, signal');
      }
    }
    if (n.type === 'EVENT_SUB_PROCESS' || n.type === 'SUB_PROCESS') {
      for (const start of n.startEvents) {
        const s = graph.nodes.get(start);
        if (n.type === 'SUB_PROCESS' && s && s.eventType !== 'NONE') error(start, 'Start events in embedded sub-processes must be none events');
      }
    }
  }
  const scopes = [...graph.nodes.values()].filter((n) => n.type === 'PROCESS' || n.type === 'SUB_PROCESS');
  for (const scope of scopes) {
    const noneStarts = scope.startEvents.filter((id) => graph.nodes.get(id)?.eventType === 'NONE');
    if (noneStarts.length > 1) error(scope.id, 'Must have at most one none start event');
  }
  checkErrorCatchDuplicates(graph, error);
}

function checkErrorCatchDuplicates(graph: ProcessGraph, error: (elementId: string, message: string) => void): void {
  for (const n of graph.nodes.values()) {
    const codes = new Set<string>();
    for (const b of n.boundaryEvents) {
      const boundary = graph.nodes.get(b);
      if (boundary?.eventType !== 'ERROR') continue;
      const code = boundary.errorCode ?? '';
      if (codes.has(code)) {
        error(b, code === '' ? 'Multiple error catch events without error code are not allowed' : `Multiple error catch events with the same error code '${code}' are not supported on the same scope.`);
      }
      codes.add(code);
    }
  }
}
