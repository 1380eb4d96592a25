import { evaluateDecision, parseDmn, type DecisionRequirementsGraph } from '../../../src/engine/dmn';
import { definitions, literal, table } from './dmn-xml';

const NOW = Date.UTC(2026, 0, 31, 8, 0, 0);

async function drgOf(...decisions: string[]): Promise<DecisionRequirementsGraph> {
  const result = await parseDmn(definitions(...decisions));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.drg;
}

describe('decision evaluation', () => {
  it('accepts input entries left empty and lets them match anything, like `-`', async () => {
    // given: the modeler writes an emptied cell as an empty <text/>
    const drg = await drgOf(table({
      id: 'quarantine',
      hitPolicy: 'FIRST',
      inputs: ['category', 'age'],
      outputs: [{ name: 'days' }],
      rules: [
        [['"重点"', '<= 30'], ['5']],
        [['', '> 30'], ['10']],
        [['', ''], ['7']],
      ],
    }));
    // when
    const older = evaluateDecision(drg, 'quarantine', { category: '一般', age: 45 }, NOW);
    const younger = evaluateDecision(drg, 'quarantine', { category: '一般', age: 20 }, NOW);
    // then
    expect(older.ok && older.output).toBe(10);
    expect(younger.ok && younger.output).toBe(7);
  });

  it('records inputs, matched rules and outputs as JSON text', async () => {
    // given
    const drg = await drgOf(table({
      id: 'deadline',
      hitPolicy: 'FIRST',
      inputs: ['severity', 'found'],
      outputs: [{ name: 'days' }, { name: 'due' }],
      rules: [
        [['"重大"', '-'], ['3', 'found + duration("P3D")']],
        [['-', '-'], ['30', 'found + duration("P30D")']],
      ],
    }));
    // when
    const result = evaluateDecision(drg, 'deadline', { severity: '重大', found: '2026-01-31' }, NOW);
    // then: a string variable stays a string, so the due date is null
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.output).toEqual({ days: 3, due: null });
    expect(result.decisionOutput).toBe('{"days":3,"due":null}');
    expect(result.evaluatedDecisions).toEqual([
      {
        decisionId: 'deadline',
        decisionName: '决策 deadline',
        decisionType: 'DECISION_TABLE',
        decisionOutput: '{"days":3,"due":null}',
        evaluatedInputs: [
          { inputId: 'deadline-in1', inputName: '输入1', inputValue: '"重大"' },
          { inputId: 'deadline-in2', inputName: '输入2', inputValue: '"2026-01-31"' },
        ],
        matchedRules: [
          {
            ruleId: 'deadline-r1',
            ruleIndex: 1,
            evaluatedOutputs: [
              { outputId: 'deadline-out1', outputName: 'days', outputValue: '3' },
              { outputId: 'deadline-out2', outputName: 'due', outputValue: 'null' },
            ],
          },
        ],
      },
    ]);
  });

  it('evaluates temporal inputs and outputs with the injected clock', async () => {
    // given
    const drg = await drgOf(table({
      id: 'overdue',
      inputs: ['date(deadline)'],
      outputs: [{ name: 'overdue' }],
      rules: [[['< today()'], ['true']], [['>= today()'], ['false']]],
    }));
    // when
    const late = evaluateDecision(drg, 'overdue', { deadline: '2026-01-30' }, NOW);
    const onTime = evaluateDecision(drg, 'overdue', { deadline: '2026-01-31' }, NOW);
    // then
    expect(late.ok && late.output).toBe(true);
    expect(onTime.ok && onTime.output).toBe(false);
    expect(late.ok && late.evaluatedDecisions[0].evaluatedInputs[0].inputValue).toBe('"2026-01-30"');
  });

  it('evaluates required decisions first and passes their results by variable name or id', async () => {
    // given
    const drg = await drgOf(
      literal('advice', 'if level = "重大" then base + "，挂牌督办" else base', { requires: ['level', 'baseText'] }),
      table({ id: 'level', hitPolicy: 'FIRST', inputs: ['score'], outputs: [{ name: 'level' }], rules: [[['>= 80'], ['"重大"']], [['-'], ['"一般"']]] }),
      literal('baseText', '"限期整改"', { variable: 'base' }),
    );
    // when
    const result = evaluateDecision(drg, 'advice', { score: 85 }, NOW);
    // then
    expect(result.ok && result.output).toBe('限期整改，挂牌督办');
    expect(result.ok && result.evaluatedDecisions.map((d) => [d.decisionId, d.decisionType, d.decisionOutput])).toEqual([
      ['level', 'DECISION_TABLE', '"重大"'],
      ['baseText', 'LITERAL_EXPRESSION', '"限期整改"'],
      ['advice', 'LITERAL_EXPRESSION', '"限期整改，挂牌督办"'],
    ]);
  });

  it('names the required decision that failed and keeps what was evaluated', async () => {
    // given
    const drg = await drgOf(
      literal('outer', 'inner + 1', { requires: ['inner'] }),
      literal('inner', 'assert(x, x != null)'),
    );
    // when
    const result = evaluateDecision(drg, 'outer', {}, NOW);
    // then
    expect(result).toEqual({
      ok: false,
      failedDecisionId: 'inner',
      message:
        "Expected to evaluate decision 'inner', but Assertion failure on evaluate the expression 'assert(x, x != null)': " +
        'The condition is not fulfilled',
      evaluatedDecisions: [
        expect.objectContaining({ decisionId: 'inner', decisionOutput: 'null' }),
      ],
    });
  });

  it('treats a missing variable as null rather than a failure', async () => {
    // given
    const drg = await drgOf(table({ id: 'd', hitPolicy: 'FIRST', inputs: ['x'], outputs: [{ name: 'y' }], rules: [[['null'], ['"空"']], [['-'], ['"有"']]] }));
    // when
    const result = evaluateDecision(drg, 'd', {}, NOW);
    // then
    expect(result.ok && result.output).toBe('空');
  });

  it('reports an unknown decision id', async () => {
    // given
    const drg = await drgOf(literal('a', '1'));
    // when
    const result = evaluateDecision(drg, 'nope', {}, NOW);
    // then
    expect(result).toEqual({
      ok: false,
      failedDecisionId: 'nope',
      message: "Expected to evaluate decision 'nope', but no decision found for id 'nope'",
      evaluatedDecisions: [],
    });
  });
});
