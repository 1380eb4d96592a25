import { type DecisionRequirementsGraph } from './model';
import { parseDmn } from './parse';

/**
 * Parsed decision requirements graphs of deployed DMN resources, by content checksum. Content-addressed and
 * immutable, so one cache serves every engine in the process; parsing is async, so it happens at deployment and
 * recovery, and evaluation finds the graph synchronously.
 */
const graphs = new Map<string, DecisionRequirementsGraph>();

export function putDecisionGraph(checksum: string, drg: DecisionRequirementsGraph): void {
  graphs.set(checksum, drg);
}

export function decisionGraph(checksum: string): DecisionRequirementsGraph {
  const drg = graphs.get(checksum);
  if (!drg) throw new Error(`Decision requirements with checksum '${checksum}' were not parsed before use`);
  return drg;
}

/** Parses a stored DMN resource again (recovery); deployed resources are valid, so errors mean corruption. */
export async function loadDecisionGraph(checksum: string, resource: string): Promise<void> {
  if (graphs.has(checksum)) return;
  const parsed = await parseDmn(resource);
  if (!parsed.ok) throw new Error(`Stored DMN resource ${checksum} no longer parses: ${parsed.errors.join('; ')}`);
  graphs.set(checksum, parsed.drg);
}
