import { type FlowNode, type ProcessGraph } from './graph';
import { type ElementError } from './transform-process';

/** Deploy-time checks of the gateways, scopes and events of the extended element kinds (Zeebe's validators). */
export function validateExtendedGraph(graph: ProcessGraph, errors: ElementError[]): void {
  const error = (elementId: string, message: string): void => void errors.push({ elementId, message });
  for (const n of graph.nodes.values()) {
    if (n.type === 'EVENT_SUB_PROCESS') checkEventSubProcess(graph, n, error);
    if (n.type === 'EVENT_BASED_GATEWAY') checkEventBasedGateway(graph, n, error);
    checkCatchDuplicates(graph, n, error);
    const allowed = EVENT_KINDS[n.type];
    if (allowed && !allowed.kinds.includes(n.eventType)) error(n.id, allowed.message);
  }
}

const EVENT_KINDS: Partial<Record<FlowNode['type'], { kinds: FlowNode['eventType'][]; message: string }>> = {
  INTERMEDIATE_CATCH_EVENT: { kinds: ['TIMER', 'MESSAGE', 'SIGNAL'], message: 'Intermediate catch events must have a timer, message or signal event definition' },
  INTERMEDIATE_THROW_EVENT: { kinds: ['NONE', 'MESSAGE', 'SIGNAL', 'ESCALATION'], message: 'Intermediate throw events must be none events or have a message, signal or escalation event definition' },
  END_EVENT: { kinds: ['NONE', 'TERMINATE', 'ERROR', 'MESSAGE', 'SIGNAL', 'ESCALATION'], message: 'End events must be none events or have a terminate, error, message, signal or escalation event definition' },
};

/** Two escalation catches with the same code (or two catch-alls) on one activity, or two such starts in one scope. */
function checkCatchDuplicates(graph: ProcessGraph, n: FlowNode, error: (elementId: string, message: string) => void): void {
  const groups: [string, FlowNode[]][] = [
    ['ESCALATION', n.boundaryEvents.map((id) => graph.nodes.get(id)).filter((b): b is FlowNode => b?.eventType === 'ESCALATION')],
  ];
  const starts = n.eventSubProcesses.flatMap((id) => graph.nodes.get(id)?.startEvents ?? []).map((id) => graph.nodes.get(id));
  groups.push(['ESCALATION', starts.filter((b): b is FlowNode => b?.eventType === 'ESCALATION')]);
  groups.push(['ERROR', starts.filter((b): b is FlowNode => b?.eventType === 'ERROR')]);
  for (const [kind, catches] of groups) {
    const seen = new Set<string>();
    for (const c of catches) {
      const code = (kind === 'ERROR' ? c.errorCode : c.escalationCode) ?? '';
      const label = kind.toLowerCase();
      if (seen.has(code)) {
        error(c.id, code === ''
          ? `Multiple ${label} catch events without ${label} code are not allowed`
          : `Multiple ${label} catch events with the same ${label} code '${code}' are not supported on the same scope.`);
      }
      seen.add(code);
    }
  }
}

const ESP_STARTS = new Set(['TIMER', 'MESSAGE', 'ERROR', 'SIGNAL', 'ESCALATION']);

function checkEventSubProcess(graph: ProcessGraph, esp: FlowNode, error: (elementId: string, message: string) => void): void {
  if (esp.loop) error(esp.id, 'Event sub-processes cannot be multi-instance');
  if (esp.incoming.length > 0 || esp.outgoing.length > 0) error(esp.id, 'Event sub-processes must not have incoming or outgoing sequence flows');
  if (esp.startEvents.length !== 1) error(esp.id, 'Event sub-processes must have exactly one start event');
  for (const startId of esp.startEvents) {
    const start = graph.nodes.get(startId);
    if (!start) continue;
    if (!ESP_STARTS.has(start.eventType)) {
      error(start.id, 'Start events of event sub-processes must have a timer, message, error, signal or escalation event definition');
    }
    if (start.eventType === 'ERROR' && !start.interrupting) error(start.id, 'Error start events of event sub-processes must be interrupting');
  }
}

const GATEWAY_EVENTS = new Set(['TIMER', 'MESSAGE', 'SIGNAL']);

function checkEventBasedGateway(graph: ProcessGraph, gateway: FlowNode, error: (elementId: string, message: string) => void): void {
  if (gateway.outgoing.length < 2) error(gateway.id, 'Event-based gateway must have at least 2 outgoing sequence flows');
  const messages = new Set<string>();
  const signals = new Set<string>();
  for (const flowId of gateway.outgoing) {
    const flow = graph.flows.get(flowId);
    if (flow?.condition !== undefined) error(gateway.id, 'Event-based gateway must not have an outgoing sequence flow with a condition');
    const target = flow ? graph.nodes.get(flow.target) : undefined;
    if (!target) continue;
    const isCatch = (target.type === 'INTERMEDIATE_CATCH_EVENT' && GATEWAY_EVENTS.has(target.eventType)) || target.type === 'RECEIVE_TASK';
    if (!isCatch) {
      error(gateway.id, 'Event-based gateway must not have an outgoing sequence flow to other elements than message/timer/signal intermediate catch events or receive tasks');
      continue;
    }
    const message = target.message?.name;
    if (message !== undefined) {
      if (messages.has(message)) error(gateway.id, `Multiple message event definitions with the same name '${message}' are not allowed.`);
      messages.add(message);
    }
    const signal = target.signalName;
    if (signal !== undefined) {
      if (signals.has(signal)) error(gateway.id, `Multiple signal event definitions with the same name '${signal}' are not allowed.`);
      signals.add(signal);
    }
  }
}
