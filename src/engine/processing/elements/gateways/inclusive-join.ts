import { type FlowNode, type ProcessGraph } from '../../../model/graph';
import { type ElementInstance } from '../../../state/types';
import { type ProcessingContext } from '../../context';
import { type Element } from '../shared/element';

/**
 * The join rule of inclusive gateways (A4): a joining gateway activates when every incoming flow brought a token,
 * or when nothing still active in its scope can reach it through an incoming flow that has no token yet.
 */
export function inclusiveJoinReady(ctx: ProcessingContext, scope: ElementInstance, graph: ProcessGraph, gateway: FlowNode): boolean {
  const tokens = scope.joinTokens?.[gateway.id] ?? {};
  // nothing arrived (or the tokens were consumed by an activation already)
  if (Object.keys(tokens).length === 0) return false;
  const missing = gateway.incoming.filter((flowId) => (tokens[flowId] ?? 0) === 0);
  if (missing.length === 0) return true;
  const reach = reachability(graph, gateway);
  const positions = [
    ...scope.children.map((key) => ctx.state.instance(key)?.elementId),
    // tokens waiting at other joins can still move on
    ...Object.keys(scope.joinTokens ?? {}).filter((id) => id !== gateway.id),
  ];
  for (const elementId of positions) {
    if (elementId === undefined || elementId === gateway.id) continue;
    const reachable = reach.get(elementId);
    if (reachable && missing.some((flowId) => reachable.has(flowId))) return false;
  }
  return true;
}

/** Waiting inclusive joins of a scope that became ready because a token elsewhere ended. */
export function readyInclusiveJoins(ctx: ProcessingContext, scope: Element): FlowNode[] {
  const ready: FlowNode[] = [];
  for (const gatewayId of Object.keys(scope.inst.joinTokens ?? {})) {
    const gateway = scope.graph.nodes.get(gatewayId);
    if (gateway?.type === 'INCLUSIVE_GATEWAY' && inclusiveJoinReady(ctx, scope.inst, scope.graph, gateway)) ready.push(gateway);
  }
  return ready;
}

const cache = new WeakMap<ProcessGraph, Map<string, Map<string, Set<string>>>>();

/** For each element of the gateway's scope: the gateway's incoming flows it can reach (cached per graph). */
function reachability(graph: ProcessGraph, gateway: FlowNode): Map<string, Set<string>> {
  let perGraph = cache.get(graph);
  if (!perGraph) cache.set(graph, (perGraph = new Map()));
  const cached = perGraph.get(gateway.id);
  if (cached) return cached;
  const result = new Map<string, Set<string>>();
  for (const start of graph.nodes.values()) {
    if (start.flowScopeId !== gateway.flowScopeId || start.id === gateway.id) continue;
    const reached = new Set<string>();
    const seen = new Set<string>([start.id]);
    const queue = [start];
    for (let node = queue.shift(); node; node = queue.shift()) {
      const leaving = [...node.outgoing, ...node.boundaryEvents.flatMap((b) => graph.nodes.get(b)?.outgoing ?? [])];
      for (const flowId of leaving) {
        const target = graph.flows.get(flowId)?.target;
        if (target === gateway.id) reached.add(flowId);
        const next = target ? graph.nodes.get(target) : undefined;
        if (!next || next.id === gateway.id || seen.has(next.id)) continue;
        seen.add(next.id);
        queue.push(next);
      }
    }
    if (reached.size > 0) result.set(start.id, reached);
  }
  perGraph.set(gateway.id, result);
  return result;
}
