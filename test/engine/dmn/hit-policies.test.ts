import { evaluateDecision, parseDmn, type DecisionRequirementsGraph } from '../../../src/engine/dmn';
import { definitions, table, type TableSpec } from './dmn-xml';

const NOW = Date.UTC(2026, 0, 31, 8, 0, 0);

async function drgOf(spec: TableSpec): Promise<DecisionRequirementsGraph> {
  const result = await parseDmn(definitions(table(spec)));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.drg;
}

/** Three rules over `score`; rules 1 and 2 both match a score of 90. */
function scored(hitPolicy: string, outputs: string[][], aggregation?: string): TableSpec {
  return {
    id: 'risk',
    hitPolicy,
    aggregation,
    inputs: ['score'],
    outputs: [{ name: 'level', values: '"重大","较大","一般"' }],
    rules: [
      [['>= 80'], outputs[0]],
      [['>= 60'], outputs[1]],
      [['< 60'], outputs[2]],
    ],
  };
}

async function outcome(spec: TableSpec, variables: Record<string, unknown>): Promise<unknown> {
  const result = evaluateDecision(await drgOf(spec), spec.id, variables, NOW);
  return result.ok ? result.output : { failed: result.failedDecisionId, message: result.message };
}

describe('hit policies', () => {
  const levels = [['"一般"'], ['"重大"'], ['"较大"']];

  it('UNIQUE gives the only match and fails naming the decision when several match', async () => {
    // given
    const spec = scored('UNIQUE', levels);
    // when / then
    expect(await outcome(spec, { score: 70 })).toBe('重大');
    expect(await outcome(spec, { score: 90 })).toEqual({
      failed: 'risk',
      message:
        "Expected to evaluate decision 'risk', but multiple values aren't allowed for UNIQUE hit policy. " +
        'found: \'[{"level":"一般"},{"level":"重大"}]\'',
    });
  });

  it('FIRST gives the first match in rule order', async () => {
    // given / when / then
    expect(await outcome(scored('FIRST', levels), { score: 90 })).toBe('一般');
  });

  it('ANY accepts several matches with equal outputs and fails on different ones', async () => {
    // given
    const same = scored('ANY', [['"重大"'], ['"重大"'], ['"一般"']]);
    // when / then
    expect(await outcome(same, { score: 90 })).toBe('重大');
    expect(await outcome(scored('ANY', levels), { score: 90 })).toEqual({
      failed: 'risk',
      message:
        "Expected to evaluate decision 'risk', but different values aren't allowed for ANY hit policy. " +
        'found: \'[{"level":"一般"},{"level":"重大"}]\'',
    });
  });

  it('PRIORITY picks the match whose output comes first in the output values', async () => {
    // given / when / then
    expect(await outcome(scored('PRIORITY', levels), { score: 90 })).toBe('重大');
  });

  it('OUTPUT ORDER lists the matches in output-value order', async () => {
    // given / when / then
    expect(await outcome(scored('OUTPUT ORDER', levels), { score: 90 })).toEqual(['重大', '一般']);
  });

  it('RULE ORDER lists the matches in rule order', async () => {
    // given / when / then
    expect(await outcome(scored('RULE ORDER', levels), { score: 90 })).toEqual(['一般', '重大']);
  });

  it('COLLECT lists the matches, and aggregates with SUM, MIN, MAX and COUNT', async () => {
    // given
    const points = [['10'], ['5'], ['1']];
    // when / then
    expect(await outcome(scored('COLLECT', levels), { score: 90 })).toEqual(['一般', '重大']);
    expect(await outcome(scored('COLLECT', points, 'SUM'), { score: 90 })).toBe(15);
    expect(await outcome(scored('COLLECT', points, 'MIN'), { score: 90 })).toBe(5);
    expect(await outcome(scored('COLLECT', points, 'MAX'), { score: 90 })).toBe(10);
    expect(await outcome(scored('COLLECT', points, 'COUNT'), { score: 90 })).toBe(2);
  });

  it('COLLECT with an aggregation fails on non-numbers', async () => {
    // given / when / then
    expect(await outcome(scored('COLLECT', levels, 'SUM'), { score: 90 })).toEqual({
      failed: 'risk',
      message: "Expected to evaluate decision 'risk', but expected number but found '\"一般\"'",
    });
  });

  it('gives null without a match, or the default output entry', async () => {
    // given
    const withDefault: TableSpec = {
      id: 'd', inputs: ['x'], outputs: [{ name: 'y', defaultEntry: '"默认"' }], rules: [[['1'], ['"一"']]],
    };
    // when / then
    expect(await outcome(scored('UNIQUE', levels), { score: null })).toBeNull();
    expect(await outcome(withDefault, { x: 2 })).toBe('默认');
    expect(await outcome(scored('COLLECT', levels), { score: null })).toBeNull();
  });

  it('gives a context per match for several outputs', async () => {
    // given
    const spec: TableSpec = {
      id: 'route',
      hitPolicy: 'RULE ORDER',
      inputs: ['severity', 'industry'],
      outputs: [{ name: 'route' }, { name: 'department' }],
      rules: [
        [['"重大"', '"危险化学品","工贸"'], ['"listing"', '"区应急管理局"']],
        [['-', '-'], ['"rectify"', 'null']],
      ],
    };
    // when / then
    expect(await outcome({ ...spec, hitPolicy: 'FIRST' }, { severity: '重大', industry: '工贸' })).toEqual({
      route: 'listing',
      department: '区应急管理局',
    });
    expect(await outcome(spec, { severity: '重大', industry: '工贸' })).toEqual([
      { route: 'listing', department: '区应急管理局' },
      { route: 'rectify', department: null },
    ]);
  });
});
