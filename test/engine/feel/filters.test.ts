import { run } from './run';

const flags = [{ active: true, x: 1 }, { active: false }, { active: null, x: null }];

describe('FEEL list filters as feel-scala evaluates them', () => {
  it.each([
    ['[1,2,3,4][even(item)]', {}, [2, 4]],
    ['[1,2,3,4][odd(item)]', {}, [1, 3]],
    ['[1,2,3][not(item = 2)]', {}, [1, 3]],
    ['l[is defined(item.x)]', { l: flags }, [flags[0], flags[2]]],
    ['{f: function(n) n = 3, r: [1,2,3,4][f(item)]}.r', {}, [3]],
    ['[[1,2],[3,4]][sum(item[even(item)]) > 2]', {}, [[3, 4]]],
    ['[][even(item)]', {}, []],
    ['[1,2,3,4][item > 2]', {}, [3, 4]],
    ['l[loanId = id]', { l: [{ loanId: 'A' }, { loanId: 'B' }], id: 'B', loanId: 'A' }, [{ loanId: 'B' }]],
  ])('%s keeps the items the condition holds for: %j', (expression, variables, expected) => {
    // given / when
    const result = run(expression, variables);
    // then
    expect(result).toEqual({ value: expected, warnings: [] });
  });

  it.each([
    ['[1,2,3,4][abs(1)]', {}, 1],
    ['[1,2,3,4][modulo(2,4)]', {}, 2],
    ['[1,2,3][i]', { i: 2 }, 2],
    ['[1,2,3][-1]', {}, 3],
    ['[1,2,3][5]', {}, null],
  ])('%s takes the item at the index the condition gives: %j', (expression, variables, expected) => {
    // given / when
    const result = run(expression, variables);
    // then
    expect(result).toEqual({ value: expected, warnings: [] });
  });

  it.each([
    ['[1,2,3,4]["not a valid filter"]', {}, []],
    ['[1,2,3,4][null]', {}, []],
    ['[1,2,3,4][if item < 3 then true else null]', {}, [1, 2]],
    ['[true, false, null][item]', {}, [true]],
    ['l[active]', { l: flags }, [flags[0]]],
    ['l[item.active]', { l: flags }, [flags[0]]],
  ])('%s keeps only the items whose condition is true: %j', (expression, variables, expected) => {
    // given / when
    const result = run(expression, variables);
    // then
    expect(result.value).toEqual(expected);
  });

  it('evaluates a condition that is neither a comparison nor a call once without the item first', () => {
    // given / when
    const result = run('l[active]', { l: flags });
    // then
    expect(result.warnings).toEqual(["[NO_VARIABLE_FOUND] No variable found with name 'active'"]);
  });

  it('yields null and INVALID_TYPE when the filtered value is not a list', () => {
    // given / when
    const onNumber = run('x[even(item)]', { x: 2 });
    const onText = run('x[1]', { x: 'abc' });
    const onMissing = run('x[item > 1]');
    // then
    expect(onNumber).toEqual({ value: null, warnings: ["[INVALID_TYPE] Expected list but found '2'"] });
    expect(onText).toEqual({ value: null, warnings: ["[INVALID_TYPE] Expected list but found '\"abc\"'"] });
    expect(onMissing).toEqual({
      value: null,
      warnings: ["[NO_VARIABLE_FOUND] No variable found with name 'x'", "[INVALID_TYPE] Expected list but found 'null'"],
    });
  });
});
