import { parseDmn, type DecisionRequirementsGraph } from '../../dmn';

export interface PreparedDmn {
  kind: 'dmn';
  name: string;
  checksum: string;
  content: string;
  drg: DecisionRequirementsGraph;
}

/** Parses and validates a DMN resource; returns the per-resource error text when it is invalid. */
export async function prepareDmn(name: string, checksum: string, content: string): Promise<PreparedDmn | string> {
  const parsed = await parseDmn(content);
  if (!parsed.ok) return `'${name}': ${parsed.errors.join('\n')}`;
  if (parsed.drg.decisions.length === 0) return `'${name}': Expected the DMN resource to contain at least one decision, but none was found`;
  return { kind: 'dmn', name, checksum, content, drg: parsed.drg };
}

/** Decision ids and decision requirements ids must be unique within one deployment. */
export function duplicateDecisionIds(resources: readonly { kind: string; name: string; drg?: DecisionRequirementsGraph }[]): string[] {
  const errors: string[] = [];
  const drgs = new Map<string, string>();
  const decisions = new Map<string, string>();
  for (const r of resources) {
    if (r.kind !== 'dmn' || !r.drg) continue;
    const otherDrg = drgs.get(r.drg.id);
    if (otherDrg) {
      errors.push(`Expected the decision requirements ids to be unique within a deployment but found a duplicated id '${r.drg.id}' in the resources '${otherDrg}' and '${r.name}'.`);
    }
    drgs.set(r.drg.id, r.name);
    for (const decision of r.drg.decisions) {
      const other = decisions.get(decision.id);
      if (other) errors.push(`Expected the decision ids to be unique within a deployment but found a duplicated id '${decision.id}' in the resources '${other}' and '${r.name}'.`);
      decisions.set(decision.id, r.name);
    }
  }
  return errors;
}
