// The decision table problem-classification.dmn (hit policy FIRST) routes problems as the regulation asks,
// evaluated by the embedded engine exactly as the business rule task of problem-disposal calls it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DmnModdle } from 'dmn-moddle';
import { EngineHarness } from '../engine/support/harness';
import { type El, root } from './load-diagrams';

interface Problem {
  category: string;
  severity: string;
  industry: string;
}

let table: El;
let engine: EngineHarness;
const xml = readFileSync(join(root, 'processes', 'problem-classification.dmn'), 'utf8');

/** The decision's output for one problem, as the engine evaluates it. */
const decide = async (problem: Problem): Promise<Record<string, unknown>> => {
  const result = await engine.engine.evaluateDecision({ decisionId: 'problem-classification', variables: { ...problem } });
  return JSON.parse(result.decisionOutput) as Record<string, unknown>;
};

afterAll(() => engine.close());

beforeAll(async () => {
  // given the decision table as process owners edit it, deployed to the engine
  engine = await EngineHarness.start();
  await engine.deploy(['problem-classification.dmn', xml]);
  const { rootElement, warnings } = await DmnModdle().fromXML(xml);
  expect(warnings).toEqual([]);
  const decision = (rootElement as El).drgElement.find((d: El) => d.id === 'problem-classification');
  table = decision.decisionLogic;
});

describe('problem-classification', () => {
  it('uses the FIRST hit policy with a catch-all last rule, so every problem gets exactly one route', async () => {
    expect(table.hitPolicy).toBe('FIRST');
    const last = table.rule[table.rule.length - 1];
    expect(last.inputEntry.map((e: El) => e.text)).toEqual(['-', '-', '-']);
    expect(await decide({ category: 'C9', severity: '一般', industry: '其他' })).toMatchObject({ route: 'rectify' });
  });

  it('lists a major accident hazard with the supervising department of its industry (三（三）4)', async () => {
    expect(await decide({ category: 'C5', severity: '重大', industry: '消防' })).toEqual({
      route: 'listing',
      departmentCode: 'YC-M-10',
      departmentName: '峄城区消防救援大队',
    });
    expect(await decide({ category: 'C8', severity: '重大', industry: '城镇燃气' })).toMatchObject({ route: 'listing', departmentCode: 'YC-M-07' });
    expect(await decide({ category: 'C1', severity: '重大', industry: '其他' })).toMatchObject({ route: 'listing', departmentCode: 'YC-M-06' });
  });

  it('hands illegal or non-compliant problems over to the responsible department', async () => {
    expect(await decide({ category: 'C5', severity: '一般', industry: '道路运输' })).toMatchObject({ route: 'handover', departmentCode: 'YC-M-08' });
    expect(await decide({ category: 'C7', severity: '较大', industry: '特种设备' })).toMatchObject({ route: 'handover', departmentCode: 'YC-M-11' });
    expect(await decide({ category: 'C5', severity: '一般', industry: '其他' })).toMatchObject({ route: 'handover', departmentCode: 'YC-M-06' });
  });

  it('sends accountability leads on, and leaves work problems to the unit to rectify', async () => {
    expect(await decide({ category: 'C8', severity: '一般', industry: '其他' })).toMatchObject({ route: 'accountability' });
    expect(await decide({ category: 'C3', severity: '较大', industry: '其他' })).toMatchObject({ route: 'accountability' });
    expect(await decide({ category: 'C3', severity: '一般', industry: '工贸' })).toMatchObject({ route: 'rectify', departmentCode: '' });
    expect(await decide({ category: 'C4', severity: '较大', industry: '消防' })).toMatchObject({ route: 'rectify' });
  });
});
