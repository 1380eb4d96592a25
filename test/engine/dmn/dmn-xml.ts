// Builders of small DMN 1.3 documents for the tests.

export interface TableSpec {
  id: string;
  hitPolicy?: string;
  aggregation?: string;
  inputs: string[];
  outputs: { name: string; values?: string; defaultEntry?: string }[];
  rules: [inputs: string[], outputs: string[]][];
  requires?: string[];
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function requirements(ids: string[] = []): string {
  return ids.map((id) => `<informationRequirement id="ir-${id}-${Math.abs(id.length)}"><requiredDecision href="#${id}"/></informationRequirement>`).join('');
}

export function table(spec: TableSpec): string {
  const attrs = `${spec.hitPolicy ? ` hitPolicy="${spec.hitPolicy}"` : ''}${spec.aggregation ? ` aggregation="${spec.aggregation}"` : ''}`;
  const inputs = spec.inputs
    .map((expr, i) => `<input id="${spec.id}-in${i + 1}" label="输入${i + 1}"><inputExpression id="${spec.id}-ie${i + 1}"><text>${escape(expr)}</text></inputExpression></input>`)
    .join('');
  const outputs = spec.outputs
    .map((o, i) =>
      `<output id="${spec.id}-out${i + 1}" name="${o.name}">` +
      (o.values ? `<outputValues><text>${escape(o.values)}</text></outputValues>` : '') +
      (o.defaultEntry ? `<defaultOutputEntry><text>${escape(o.defaultEntry)}</text></defaultOutputEntry>` : '') +
      '</output>')
    .join('');
  const rules = spec.rules
    .map(([ins, outs], r) =>
      `<rule id="${spec.id}-r${r + 1}">` +
      ins.map((t, i) => `<inputEntry id="${spec.id}-r${r + 1}-i${i + 1}"><text>${escape(t)}</text></inputEntry>`).join('') +
      outs.map((t, i) => `<outputEntry id="${spec.id}-r${r + 1}-o${i + 1}"><text>${escape(t)}</text></outputEntry>`).join('') +
      '</rule>')
    .join('');
  return `<decision id="${spec.id}" name="决策 ${spec.id}">${requirements(spec.requires)}<decisionTable id="${spec.id}-table"${attrs}>${inputs}${outputs}${rules}</decisionTable></decision>`;
}

export function literal(id: string, expression: string, options: { variable?: string; requires?: string[] } = {}): string {
  const variable = options.variable ? `<variable id="${id}-var" name="${options.variable}"/>` : '';
  return `<decision id="${id}" name="决策 ${id}">${variable}${requirements(options.requires)}<literalExpression id="${id}-expr"><text>${escape(expression)}</text></literalExpression></decision>`;
}

/** Gives a decision (from `table` or `literal`) Camunda 8's `<zeebe:versionTag value="…"/>` extension element. */
export function withVersionTag(decision: string, versionTag: string): string {
  return decision.replace(/^(<decision [^>]*>)/, `$1<extensionElements><zeebe:versionTag value="${versionTag}"/></extensionElements>`);
}

export function definitions(...decisions: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="drg-test" name="测试决策" namespace="http://camunda.org/schema/1.0/dmn">${decisions.join('')}</definitions>`;
}
