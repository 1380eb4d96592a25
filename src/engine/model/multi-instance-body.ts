import { type FlowNode, type ProcessGraph } from './graph';

/**
 * Multi-instance activities run as a body (element type MULTI_INSTANCE_BODY, same element id) that owns the
 * incoming and outgoing flows and the boundary events, and inner instances of the activity itself (A8). The graph
 * keeps the body under the activity id and the inner variant (no flows, no boundary events) beside it.
 */
export function withMultiInstanceBodies(graph: ProcessGraph): ProcessGraph {
  const looped = [...graph.nodes.values()].filter((n) => n.loop !== undefined);
  if (looped.length === 0) return graph;
  const nodes = new Map(graph.nodes);
  const innerActivities = new Map<string, FlowNode>();
  for (const activity of looped) {
    // the event sub-processes of a looped sub-process belong to its inner instances, not to the body
    // the inner instances run the start listeners, each before it is processed
    nodes.set(activity.id, { ...activity, type: 'MULTI_INSTANCE_BODY', inputs: [], outputs: [], eventSubProcesses: [], startListeners: undefined });
    innerActivities.set(activity.id, { ...activity, incoming: [], outgoing: [], boundaryEvents: [], loop: undefined });
  }
  return { ...graph, nodes, innerActivities };
}

/** The node an element instance runs: the inner activity for instances inside a multi-instance body. */
export function innerActivity(graph: ProcessGraph, node: FlowNode, instanceType: string): FlowNode {
  if (node.type !== 'MULTI_INSTANCE_BODY' || instanceType === 'MULTI_INSTANCE_BODY') return node;
  return graph.innerActivities?.get(node.id) ?? node;
}
