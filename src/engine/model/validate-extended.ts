import { type ProcessGraph } from './graph';
import { type ElementError } from './transform-process';

/** Deploy-time checks of the gateways, scopes and events of the extended element kinds (Zeebe's validators). */
export function validateExtendedGraph(graph: ProcessGraph, errors: ElementError[]): void {
  const error = (elementId: string, message: string): void => void errors.push({ elementId, message });
  for (const n of graph.nodes.values()) {
    if (n.loop && n.type === 'EVENT_SUB_PROCESS') error(n.id, 'Event sub-processes cannot be multi-instance');
  }
}
