/**
 * .dmn XML → DecisionRequirementsGraph, with deploy-time validation. Every problem is reported (Zeebe rejects
 * the whole deployment), each message naming the element: decision tables and literal expressions only,
 * FEEL syntax of every expression and unary test, entry counts, output names, hit policy and aggregation,
 * required decisions that exist and form no cycle.
 */
import { DmnModdle, type ModdleElement } from 'dmn-moddle';
import { checkExpressionSyntax, checkUnaryTestsSyntax } from '../feel';
import {
  AGGREGATIONS, HIT_POLICIES, type Aggregation, type Decision, type DecisionOutput, type DecisionRequirementsGraph,
  type DecisionTable, type HitPolicy, type LiteralExpression,
} from './model';

export type DmnParseResult = { ok: true; drg: DecisionRequirementsGraph } | { ok: false; errors: string[] };

type El = ModdleElement;
const list = (value: unknown): El[] => (Array.isArray(value) ? (value as El[]) : []);
const child = (value: unknown): El | null => (value && typeof value === 'object' ? (value as El) : null);
const text = (element: El | null): string => (typeof element?.text === 'string' ? element.text : '');

/** Output values text (`"high","low"`) → the values without quotes, in order. */
function priorities(output: El): string[] {
  const values = text(child(output.outputValues)).trim();
  if (!values) return [];
  return values.split(',').map((v) => v.trim().replace(/^"(.*)"$/, '$1'));
}

/** The value of the decision's `<zeebe:versionTag value="…"/>` extension element, trimmed; '' without one. */
function versionTagOf(decision: El): string {
  const tag = list(child(decision.extensionElements)?.values).find((e) => e.$type.toLowerCase() === 'zeebe:versiontag');
  return typeof tag?.value === 'string' ? tag.value.trim() : '';
}

class Parser {
  readonly errors: string[] = [];

  private feel(expression: string, where: string): void {
    const error = checkExpressionSyntax(expression);
    if (error) this.errors.push(`${where}: ${error}`);
  }

  private unary(tests: string, where: string): void {
    const error = checkUnaryTestsSyntax(tests);
    if (error) this.errors.push(`${where}: ${error}`);
  }

  decision(element: El): Decision {
    const id = element.id ?? '';
    const where = `Decision '${id}'`;
    const logicElement = child(element.decisionLogic);
    let logic: DecisionTable | LiteralExpression;
    if (logicElement?.$type === 'dmn:DecisionTable') {
      logic = this.table(logicElement, id);
    } else if (logicElement?.$type === 'dmn:LiteralExpression') {
      logic = { kind: 'LITERAL_EXPRESSION', expression: text(logicElement) };
      this.feel(logic.expression, `${where}, literal expression`);
    } else {
      const kind = logicElement ? logicElement.$type.replace(/^dmn:/, '') : 'none';
      this.errors.push(`${where}: unsupported decision logic '${kind}', expected a decision table or a literal expression`);
      logic = { kind: 'LITERAL_EXPRESSION', expression: 'null' };
    }
    const requiredDecisions = list(element.informationRequirement)
      .map((requirement) => child(requirement.requiredDecision))
      .filter((reference): reference is El => reference !== null)
      .map((reference) => String(reference.href ?? '').replace(/^.*#/, ''));
    const variable = child(element.variable);
    const resultName = typeof variable?.name === 'string' && variable.name ? variable.name : id;
    return { id, name: element.name ?? id, versionTag: versionTagOf(element), requiredDecisions, resultName, logic };
  }

  private table(element: El, decisionId: string): DecisionTable {
    const where = `Decision '${decisionId}'`;
    const hitPolicy = (typeof element.hitPolicy === 'string' ? element.hitPolicy : 'UNIQUE') as HitPolicy;
    if (!HIT_POLICIES.includes(hitPolicy)) this.errors.push(`${where}: unsupported hit policy '${hitPolicy}'`);
    const aggregation = typeof element.aggregation === 'string' ? (element.aggregation as Aggregation) : null;
    if (aggregation !== null && !AGGREGATIONS.includes(aggregation)) {
      this.errors.push(`${where}: unsupported aggregation '${aggregation}'`);
    }
    if (aggregation !== null && hitPolicy !== 'COLLECT') {
      this.errors.push(`${where}: aggregation '${aggregation}' is only allowed with hit policy 'COLLECT'`);
    }

    const inputs = list(element.input).map((input) => {
      const expression = text(child(input.inputExpression));
      const inputId = input.id ?? '';
      this.feel(expression, `${where}, input '${inputId}'`);
      return { id: inputId, name: typeof input.label === 'string' ? input.label : expression, expression };
    });
    const outputs: DecisionOutput[] = list(element.output).map((output) => {
      const defaultEntry = child(output.defaultOutputEntry);
      const defaultOutputEntry = defaultEntry ? text(defaultEntry) : null;
      if (defaultOutputEntry) this.feel(defaultOutputEntry, `${where}, output '${output.id ?? ''}' default entry`);
      return { id: output.id ?? '', name: output.name ?? '', priorities: priorities(output), defaultOutputEntry };
    });
    if (outputs.length === 0) this.errors.push(`${where}: a decision table needs at least one output`);
    if (outputs.length > 1) {
      for (const output of outputs) if (!output.name) this.errors.push(`${where}: output '${output.id}' has no name`);
      const names = outputs.map((o) => o.name).filter(Boolean);
      for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) {
        this.errors.push(`${where}: output name '${name}' is used twice`);
      }
      if (aggregation !== null) {
        this.errors.push(`${where}: hit policy 'COLLECT' with aggregation '${aggregation}' needs a single output`);
      }
    }

    const rules = list(element.rule).map((rule, position) => {
      const ruleWhere = `${where}, rule '${rule.id ?? position + 1}'`;
      const inputEntries = list(rule.inputEntry).map((entry) => text(entry));
      const outputEntries = list(rule.outputEntry).map((entry) => text(entry));
      if (inputEntries.length !== inputs.length) {
        this.errors.push(`${ruleWhere}: expected ${inputs.length} input entries, found ${inputEntries.length}`);
      }
      if (outputEntries.length !== outputs.length) {
        this.errors.push(`${ruleWhere}: expected ${outputs.length} output entries, found ${outputEntries.length}`);
      }
      inputEntries.forEach((entry) => this.unary(entry, ruleWhere));
      outputEntries.forEach((entry) => entry.trim() && this.feel(entry, ruleWhere));
      return { id: rule.id ?? `rule-${position + 1}`, index: position + 1, inputEntries, outputEntries };
    });
    return { kind: 'DECISION_TABLE', hitPolicy, aggregation, inputs, outputs, rules };
  }

  /** Unknown references and cycles between decisions. */
  checkRequirements(decisions: Map<string, Decision>): void {
    for (const decision of decisions.values()) {
      for (const required of decision.requiredDecisions) {
        if (!decisions.has(required)) {
          this.errors.push(`Decision '${decision.id}': required decision '${required}' is not defined in this resource`);
        }
      }
    }
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (id: string): boolean => {
      if (state.get(id) === 'visiting') return true;
      if (state.get(id) === 'done') return false;
      state.set(id, 'visiting');
      const cyclic = (decisions.get(id)?.requiredDecisions ?? []).some(visit);
      state.set(id, 'done');
      return cyclic;
    };
    if ([...decisions.keys()].some(visit)) {
      this.errors.push('Invalid DMN model: Cyclic dependencies between decisions detected.');
    }
  }
}

export async function parseDmn(xml: string): Promise<DmnParseResult> {
  let root: El;
  let warnings: { message: string }[];
  try {
    ({ rootElement: root, warnings } = await DmnModdle().fromXML(xml, 'dmn:Definitions'));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, errors: [`Failed to parse DMN: ${reason}`] };
  }
  const parser = new Parser();
  // dropped content (e.g. a duplicate id) is an error; unknown attributes are extensions, ignored as Zeebe does
  for (const { message } of warnings.filter((w) => !w.message.startsWith('unknown attribute'))) {
    parser.errors.push(`Failed to parse DMN: ${message.split('\n').map((line) => line.trim()).join(' ')}`);
  }
  const decisions = new Map<string, Decision>();
  for (const element of list(root.drgElement).filter((e) => e.$type === 'dmn:Decision')) {
    const decision = parser.decision(element);
    if (!decision.id) parser.errors.push(`Decision '${decision.name}': missing id`);
    else if (decisions.has(decision.id)) parser.errors.push(`Decision '${decision.id}': the id is used twice`);
    else decisions.set(decision.id, decision);
  }
  if (decisions.size === 0) parser.errors.push('Expected the DMN resource to contain at least one decision, but none found');
  parser.checkRequirements(decisions);
  if (!root.id) parser.errors.push('Definitions: missing id');
  if (parser.errors.length > 0) return { ok: false, errors: parser.errors };
  return {
    ok: true,
    drg: {
      id: root.id ?? '',
      name: root.name ?? root.id ?? '',
      namespace: typeof root.namespace === 'string' ? root.namespace : '',
      decisions: [...decisions.values()],
      decisionsById: decisions,
    },
  };
}
