/**
 * Hit policies over the outputs of the matched rules (each a list of [output name, raw FEEL value] pairs),
 * following dmn-scala, the DMN engine of Zeebe: single output → the value, several → a context; list policies
 * give lists; PRIORITY and OUTPUT ORDER sort by the position of each output value in the output's value list.
 */
import { toStoredValue } from '../feel';
import type { DecisionTable } from './model';

export type RuleOutputs = [name: string, value: unknown][];
export type HitPolicyResult = { ok: true; value: unknown } | { ok: false; message: string };

const describe = (values: RuleOutputs[]): string =>
  JSON.stringify(values.map((outputs) => Object.fromEntries(outputs.map(([k, v]) => [k, toStoredValue(v)]))));

function asValue(outputs: RuleOutputs): unknown {
  if (outputs.length === 1) return outputs[0][1];
  return Object.fromEntries(outputs);
}

function single(values: RuleOutputs[]): unknown {
  return values.length === 0 ? null : asValue(values[0]);
}

function many(values: RuleOutputs[]): unknown {
  return values.length === 0 ? null : values.map(asValue);
}

function sortByPriority(values: RuleOutputs[], table: DecisionTable): RuleOutputs[] {
  const rank = (outputs: RuleOutputs): number[] =>
    outputs.map(([, value], i) => {
      const allowed = table.outputs[i]?.priorities ?? [];
      const position = typeof value === 'string' || typeof value === 'number' ? allowed.indexOf(String(value)) : -1;
      return position < 0 ? Number.MAX_SAFE_INTEGER : position;
    });
  const ranked = values.map((outputs) => ({ outputs, rank: rank(outputs) }));
  ranked.sort((a, b) => {
    for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i] - b.rank[i];
    return 0;
  });
  return ranked.map((r) => r.outputs);
}

function numbers(values: RuleOutputs[]): { ok: true; numbers: number[] } | { ok: false; message: string } {
  const result: number[] = [];
  for (const outputs of values) {
    const value = outputs[0]?.[1];
    if (typeof value !== 'number') return { ok: false, message: `expected number but found '${JSON.stringify(toStoredValue(value))}'` };
    result.push(value);
  }
  return { ok: true, numbers: result };
}

/** Combine the outputs of the matched rules (in rule order) by the table's hit policy. */
export function applyHitPolicy(table: DecisionTable, values: RuleOutputs[]): HitPolicyResult {
  switch (table.hitPolicy) {
    case 'FIRST':
      return { ok: true, value: single(values) };
    case 'UNIQUE':
      if (values.length > 1) {
        return { ok: false, message: `multiple values aren't allowed for UNIQUE hit policy. found: '${describe(values)}'` };
      }
      return { ok: true, value: single(values) };
    case 'ANY': {
      const distinct = [...new Set(values.map((v) => describe([v])))];
      if (distinct.length > 1) {
        return { ok: false, message: `different values aren't allowed for ANY hit policy. found: '[${distinct.map((d) => d.slice(1, -1)).join(',')}]'` };
      }
      return { ok: true, value: single(values) };
    }
    case 'PRIORITY':
      return { ok: true, value: single(sortByPriority(values, table)) };
    case 'OUTPUT ORDER':
      return { ok: true, value: many(sortByPriority(values, table)) };
    case 'RULE ORDER':
      return { ok: true, value: many(values) };
    case 'COLLECT': {
      if (table.aggregation === 'COUNT') return { ok: true, value: values.length };
      if (table.aggregation === null) return { ok: true, value: many(values) };
      const collected = numbers(values);
      if (!collected.ok) return collected;
      const n = collected.numbers;
      if (n.length === 0) return { ok: true, value: table.aggregation === 'SUM' ? 0 : null };
      if (table.aggregation === 'SUM') return { ok: true, value: n.reduce((a, b) => a + b, 0) };
      return { ok: true, value: table.aggregation === 'MIN' ? Math.min(...n) : Math.max(...n) };
    }
  }
}
