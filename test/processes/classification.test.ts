// The decision table problem-classification.dmn (hit policy FIRST) routes problems as the regulation asks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DmnModdle } from 'dmn-moddle';
import { unaryTest, evaluate } from 'feelin';
import { type El, root } from './load-diagrams';

interface Problem {
  category: string;
  severity: string;
  industry: string;
}

let table: El;

/** FIRST hit policy: the outputs of the first rule whose input entries all match. */
const decide = (problem: Problem): Record<string, unknown> | undefined => {
  const inputs = table.input.map((i: El) => evaluate(i.inputExpression.text, { ...problem }).value);
  const rule = table.rule.find((r: El) =>
    r.inputEntry.every((entry: El, i: number) => entry.text === '-' || unaryTest(entry.text, { '?': inputs[i] }).value === true),
  );
  if (!rule) return undefined;
  return Object.fromEntries(table.output.map((o: El, i: number) => [o.name, evaluate(rule.outputEntry[i].text, {}).value]));
};

beforeAll(async () => {
  // given the decision table as process owners edit it
  const xml = readFileSync(join(root, 'processes', 'problem-classification.dmn'), 'utf8');
  const { rootElement, warnings } = await DmnModdle().fromXML(xml);
  expect(warnings).toEqual([]);
  const decision = (rootElement as El).drgElement.find((d: El) => d.id === 'problem-classification');
  table = decision.decisionLogic;
});

describe('problem-classification', () => {
  it('uses the FIRST hit policy with a catch-all last rule, so every problem gets exactly one route', () => {
    expect(table.hitPolicy).toBe('FIRST');
    const last = table.rule[table.rule.length - 1];
    expect(last.inputEntry.map((e: El) => e.text)).toEqual(['-', '-', '-']);
    expect(decide({ category: 'C9', severity: '一般', industry: '其他' })).toMatchObject({ route: 'rectify' });
  });

  it('lists a major accident hazard with the supervising department of its industry (三（三）4)', () => {
    expect(decide({ category: 'C5', severity: '重大', industry: '消防' })).toEqual({
      route: 'listing',
      departmentCode: 'YC-M-10',
      departmentName: '峄城区消防救援大队',
    });
    expect(decide({ category: 'C8', severity: '重大', industry: '城镇燃气' })).toMatchObject({ route: 'listing', departmentCode: 'YC-M-07' });
    expect(decide({ category: 'C1', severity: '重大', industry: '其他' })).toMatchObject({ route: 'listing', departmentCode: 'YC-M-06' });
  });

  it('hands illegal or non-compliant problems over to the responsible department', () => {
    expect(decide({ category: 'C5', severity: '一般', industry: '道路运输' })).toMatchObject({ route: 'handover', departmentCode: 'YC-M-08' });
    expect(decide({ category: 'C7', severity: '较大', industry: '特种设备' })).toMatchObject({ route: 'handover', departmentCode: 'YC-M-11' });
    expect(decide({ category: 'C5', severity: '一般', industry: '其他' })).toMatchObject({ route: 'handover', departmentCode: 'YC-M-06' });
  });

  it('sends accountability leads on, and leaves work problems to the unit to rectify', () => {
    expect(decide({ category: 'C8', severity: '一般', industry: '其他' })).toMatchObject({ route: 'accountability' });
    expect(decide({ category: 'C3', severity: '较大', industry: '其他' })).toMatchObject({ route: 'accountability' });
    expect(decide({ category: 'C3', severity: '一般', industry: '工贸' })).toMatchObject({ route: 'rectify', departmentCode: '' });
    expect(decide({ category: 'C4', severity: '较大', industry: '消防' })).toMatchObject({ route: 'rectify' });
  });
});
