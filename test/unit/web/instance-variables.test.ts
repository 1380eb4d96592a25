import { displayValue, instanceVariables, PREVIEW_CHARS } from '../../../src/web/monitoring/variables';

describe('the variables of a monitored instance', () => {
  const elements = [{ elementInstanceKey: '20', elementId: 'report', elementName: '报送整改情况', state: 'ACTIVE' }, { elementInstanceKey: '30', elementId: 'review', state: 'ACTIVE' }];

  it('lists a name once per scope, process variables apart from local ones, by name', () => {
    // given the same process variable returned twice and a local copy of it in two element scopes
    const vars = [
      { name: 'unitCode', value: '"1"', scopeKey: '10' },
      { name: 'deadline', value: '"2027-03-01"', scopeKey: '10' },
      { name: 'unitCode', value: '"1"', scopeKey: '10' },
      { name: 'unitCode', value: '"1"', scopeKey: '20' },
      { name: 'unitCode', value: '"1"', scopeKey: '30' },
      { name: 'orphan', value: '1', scopeKey: '40' },
    ];
    // when
    const listed = instanceVariables(vars, elements, '10');
    // then
    expect(listed.process).toEqual([{ name: 'deadline', value: '"2027-03-01"' }, { name: 'unitCode', value: '"1"' }]);
    expect(listed.local).toEqual([
      { name: 'orphan', value: '1', scope: '环节实例 40' },
      { name: 'unitCode', value: '"1"', scope: '报送整改情况' },
      { name: 'unitCode', value: '"1"', scope: 'review' },
    ]);
  });

  it('shows a short value whole and folds a long one to a preview with the full text pretty-printed', () => {
    // given
    const short = '{"a":1}';
    const long = JSON.stringify({ items: Array.from({ length: 30 }, (_, i) => `问题${i}`) });
    // when
    const s = displayValue(short);
    const l = displayValue(long);
    const text = displayValue(`"${'长'.repeat(200)}"`);
    // then
    expect(s).toEqual({ full: short });
    expect([...l.preview!]).toHaveLength(PREVIEW_CHARS + 1);
    expect(l.full).toBe(JSON.stringify(JSON.parse(long), null, 2));
    expect(text.preview).toBe(`"${'长'.repeat(PREVIEW_CHARS - 1)}…`);
    expect(text.full).toBe(`"${'长'.repeat(200)}"`);
  });
});
