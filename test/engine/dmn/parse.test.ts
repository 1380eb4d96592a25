import { parseDmn } from '../../../src/engine/dmn';
import { definitions, literal, table, withVersionTag } from './dmn-xml';

async function errorsOf(xml: string): Promise<string[]> {
  const result = await parseDmn(xml);
  return result.ok ? [] : result.errors;
}

describe('DMN parsing', () => {
  it('parses decision tables, literal expressions and their requirements', async () => {
    // given
    const xml = definitions(
      table({ id: 'level', hitPolicy: 'FIRST', inputs: ['score'], outputs: [{ name: 'level', values: '"高","低"' }], rules: [[['>= 80'], ['"高"']], [['-'], ['"低"']]] }),
      literal('advice', 'if level = "高" then "立即整改" else "限期整改"', { variable: 'advice', requires: ['level'] }),
    );
    // when
    const result = await parseDmn(xml);
    // then
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.drg).toMatchObject({ id: 'drg-test', name: '测试决策', namespace: 'http://camunda.org/schema/1.0/dmn' });
    expect(result.drg.decisions.map((d) => [d.id, d.name, d.logic.kind, d.requiredDecisions, d.resultName])).toEqual([
      ['level', '决策 level', 'DECISION_TABLE', [], 'level'],
      ['advice', '决策 advice', 'LITERAL_EXPRESSION', ['level'], 'advice'],
    ]);
    const level = result.drg.decisionsById.get('level');
    expect(level?.logic).toEqual({
      kind: 'DECISION_TABLE',
      hitPolicy: 'FIRST',
      aggregation: null,
      inputs: [{ id: 'level-in1', name: '输入1', expression: 'score' }],
      outputs: [{ id: 'level-out1', name: 'level', priorities: ['高', '低'], defaultOutputEntry: null }],
      rules: [
        { id: 'level-r1', index: 1, inputEntries: ['>= 80'], outputEntries: ['"高"'] },
        { id: 'level-r2', index: 2, inputEntries: ['-'], outputEntries: ['"低"'] },
      ],
    });
  });

  it('defaults the hit policy to UNIQUE', async () => {
    // given / when
    const result = await parseDmn(definitions(table({ id: 'd', inputs: ['x'], outputs: [{ name: 'y' }], rules: [] })));
    // then
    expect(result.ok && result.drg.decisions[0].logic).toMatchObject({ hitPolicy: 'UNIQUE' });
  });

  it('reports every problem, each naming its element', async () => {
    // given
    const xml = definitions(
      table({
        id: 'broken',
        inputs: ['a >', 'b'],
        outputs: [{ name: 'x' }, { name: '' }],
        rules: [[['> '], ['1', '2']], [['1', '2'], ['1']]],
      }),
    );
    // when
    const errors = await errorsOf(xml);
    // then
    expect(errors).toEqual([
      expect.stringMatching(/^Decision 'broken', input 'broken-in1': failed to parse expression 'a >': /),
      "Decision 'broken': output 'broken-out2' has no name",
      "Decision 'broken', rule 'broken-r1': expected 2 input entries, found 1",
      expect.stringMatching(/^Decision 'broken', rule 'broken-r1': failed to parse expression '> ': /),
      "Decision 'broken', rule 'broken-r2': expected 2 output entries, found 1",
    ]);
  });

  it('rejects unsupported hit policies, misplaced aggregations and aggregations over several outputs', async () => {
    // given
    const xml = definitions(
      table({ id: 'a', hitPolicy: 'RULE ORDER', aggregation: 'SUM', inputs: [], outputs: [{ name: 'x' }], rules: [] }),
      table({ id: 'b', hitPolicy: 'COLLECT', aggregation: 'MAX', inputs: [], outputs: [{ name: 'x' }, { name: 'y' }], rules: [] }),
    );
    // when
    const errors = await errorsOf(xml);
    // then
    expect(errors).toEqual([
      "Decision 'a': aggregation 'SUM' is only allowed with hit policy 'COLLECT'",
      "Decision 'b': hit policy 'COLLECT' with aggregation 'MAX' needs a single output",
    ]);
  });

  it('rejects unknown required decisions and cycles', async () => {
    // given
    const unknown = definitions(literal('a', '1', { requires: ['missing'] }));
    const cyclic = definitions(literal('a', 'b', { requires: ['b'] }), literal('b', 'a', { requires: ['a'] }));
    // when / then
    expect(await errorsOf(unknown)).toEqual(["Decision 'a': required decision 'missing' is not defined in this resource"]);
    expect(await errorsOf(cyclic)).toEqual(['Invalid DMN model: Cyclic dependencies between decisions detected.']);
  });

  it('rejects unsupported decision logic, duplicate ids, empty resources and broken XML', async () => {
    // given
    const context = definitions('<decision id="ctx"><context id="c1"/></decision>');
    const duplicate = definitions(literal('a', '1'), literal('a', '2'));
    // when / then
    expect(await errorsOf(context)).toEqual([
      "Decision 'ctx': unsupported decision logic 'Context', expected a decision table or a literal expression",
    ]);
    expect(await errorsOf(duplicate)).toEqual([
      expect.stringMatching(/^Failed to parse DMN: unparsable content <decision> detected .* duplicate ID <a>$/),
    ]);
    expect(await errorsOf(definitions())).toEqual(['Expected the DMN resource to contain at least one decision, but none found']);
    expect((await errorsOf('<definitions'))[0]).toMatch(/^Failed to parse DMN: /);
  });

  it("reads each decision's version tag from its zeebe:versionTag extension element", async () => {
    // given
    const xml = definitions(withVersionTag(literal('tagged', '1'), ' v1.0 '), literal('untagged', '2'));
    // when
    const result = await parseDmn(xml);
    // then
    expect(result.ok && result.drg.decisions.map((d) => [d.id, d.versionTag])).toEqual([['tagged', 'v1.0'], ['untagged', '']]);
  });
});
