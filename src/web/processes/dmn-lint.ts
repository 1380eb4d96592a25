/* eslint-disable @typescript-eslint/no-require-imports */
import { type LintIssue } from './lint';
import { type ModdleElement } from './moddle';

/**
 * Checks a DMN decision table before it is deployed: what the engine would refuse or evaluate to an incident (FEEL
 * that does not parse, rules with too few or too many cells, no input expression) is an error; an output cell
 * outside the output's allowed values (a typo such as "listng" would send a problem nowhere) is an error too, since
 * the processes branch on those values. dmn-moddle and feelin are ES modules; require keeps this loadable under
 * tsx and jest alike.
 */
interface DmnModdle {
  fromXML(xml: string, type?: string): Promise<{ rootElement: ModdleElement; warnings: Array<{ message: string }> }>;
}
interface FeelTree {
  iterate(spec: { enter(node: { type: { isError: boolean } }): void }): void;
}
interface Feel {
  parseExpression(text: string, context: object): FeelTree;
  parseUnaryTests(text: string, context: object): FeelTree;
}

let moddle: DmnModdle | undefined;
function dmnModdle(): DmnModdle {
  if (!moddle) {
    const { DmnModdle: Ctor } = require('dmn-moddle') as { DmnModdle: new () => DmnModdle };
    moddle = new Ctor();
  }
  return moddle;
}

const feel = (): Feel => require('feelin') as Feel;

function parses(text: string, kind: 'expression' | 'unary'): boolean {
  try {
    const tree = kind === 'unary' ? feel().parseUnaryTests(text, {}) : feel().parseExpression(text, {});
    let ok = true;
    tree.iterate({ enter: (n) => { if (n.type.isError) ok = false; } });
    return ok;
  } catch {
    return false;
  }
}

/** The string literals of an allowed-values list such as `"listing","handover"`, or undefined if it is not one. */
function stringLiterals(text: string | undefined): string[] | undefined {
  if (!text?.trim()) return undefined;
  const items = text.split(',').map((s) => s.trim());
  return items.every((s) => /^"[^"]*"$/.test(s)) ? items.map((s) => s.slice(1, -1)) : undefined;
}

const error = (rule: string, id: string | undefined, message: string): LintIssue => ({ rule, id: id ?? '', message, category: 'error' });

export async function lintDmn(xml: string): Promise<LintIssue[]> {
  let root: ModdleElement;
  let warnings: Array<{ message: string }>;
  try {
    ({ rootElement: root, warnings } = await dmnModdle().fromXML(xml, 'dmn:Definitions'));
  } catch (err) {
    return [error('parse', '', `无法解析 DMN：${(err as Error).message}`)];
  }
  const issues: LintIssue[] = warnings.map((w) => error('parse', '', `DMN 内容有误：${w.message}`));
  const decisions = ((root.drgElement ?? []) as ModdleElement[]).filter((e) => e.$type === 'dmn:Decision');
  if (decisions.length === 0) issues.push(error('no-decision', root.id, '文件中没有决策。'));
  for (const decision of decisions) {
    const table = decision.decisionLogic as ModdleElement | undefined;
    if (table?.$type !== 'dmn:DecisionTable') continue;
    const inputs = (table.input ?? []) as ModdleElement[];
    const outputs = (table.output ?? []) as ModdleElement[];
    const rules = (table.rule ?? []) as ModdleElement[];
    for (const input of inputs) {
      if (!input.inputExpression?.text?.trim()) issues.push(error('input-expression', input.id, `输入“${input.label ?? input.id}”缺少表达式。`));
      else if (!parses(input.inputExpression.text, 'expression')) issues.push(error('feel', input.id, `输入“${input.label ?? input.id}”的表达式不是有效的 FEEL。`));
    }
    if (rules.length === 0) issues.push({ rule: 'no-rules', id: table.id ?? '', message: `决策“${decision.name ?? decision.id}”没有规则。`, category: 'warn' });
    const allowed = outputs.map((o) => stringLiterals(o.outputValues?.text));
    rules.forEach((rule, index) => {
      const where = `第${index + 1}条规则`;
      const inEntries = (rule.inputEntry ?? []) as ModdleElement[];
      const outEntries = (rule.outputEntry ?? []) as ModdleElement[];
      if (inEntries.length !== inputs.length || outEntries.length !== outputs.length) {
        issues.push(error('rule-cells', rule.id, `${where}的单元格数与表头不一致。`));
        return;
      }
      inEntries.forEach((entry, i) => {
        const text = (entry.text ?? '').trim();
        if (text && !parses(text, 'unary')) issues.push(error('feel', entry.id, `${where}“${inputs[i].label ?? inputs[i].id}”列的条件不是有效的 FEEL：${text}`));
      });
      outEntries.forEach((entry, i) => {
        const text = (entry.text ?? '').trim();
        if (!text) return;
        if (!parses(text, 'expression')) {
          issues.push(error('feel', entry.id, `${where}“${outputs[i].label ?? outputs[i].id}”列的结果不是有效的 FEEL：${text}`));
          return;
        }
        const values = allowed[i];
        const literal = /^"([^"]*)"$/.exec(text)?.[1];
        if (values && literal !== undefined && !values.includes(literal)) {
          issues.push(error('output-values', entry.id, `${where}“${outputs[i].label ?? outputs[i].id}”列的结果“${literal}”不在允许的取值（${values.join('、')}）中。`));
        }
      });
    });
  }
  return issues;
}
