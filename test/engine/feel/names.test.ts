import { run } from './run';

describe('FEEL variables named like functions', () => {
  it.each([
    ['count', { count: 5, l: [1, 2, 3] }, 5],
    ['count(l)', { count: 5, l: [1, 2, 3] }, 3],
    ['count(l) + count', { count: 5, l: [1, 2, 3] }, 8],
    ['sum(l) - sum', { sum: 1, l: [1, 2, 3] }, 5],
    ['string length(name)', { 'string length': 1, name: 'abc' }, 3],
    ['now', { now: '今天' }, '今天'],
    ['now()', { now: '今天' }, '2026-01-31T08:00:00Z'],
    ['now + " " + string(now() = now())', { now: 'a' }, 'a true'],
    ['is empty(l) or is empty', { 'is empty': true, l: [1] }, true],
    ['get or else(x, 2)', { 'get or else': 1, x: null }, 2],
  ])('%s with %j = %j', (expression, variables, expected) => {
    // given / when
    const result = run(expression, variables);
    // then
    expect(result).toEqual({ value: expected, warnings: [] });
  });

  it('still calls a function passed as a value under its own parameter name', () => {
    // given / when
    const result = run('{f: function(x) x * 2, r: f(4)}.r');
    // then
    expect(result.value).toBe(8);
  });

  it('calls a function the expression defines under a builtin name, and the builtin otherwise', () => {
    // given / when / then
    expect(run('{count: function(l) 42, r: count([1])}.r').value).toBe(42);
    expect(run('{count: count(l)}', { count: 9, l: [1, 2] }).value).toEqual({ count: 2 });
  });
});

describe('is defined reports no missing variable (A11)', () => {
  it.each([
    ['is defined(x)', {}, false],
    ['is defined(x.y.z)', {}, false],
    ['is defined(x.y)', { x: {} }, false],
    ['is defined(x.y)', { x: { y: null } }, true],
    ['is defined(x)', { x: null }, true],
    ['if is defined(flag) then flag else "无"', {}, '无'],
    ['is defined(value: x.y)', {}, false],
    ['is defined(value: x)', { x: null }, true],
  ])('%s with %j = %j and no warning', (expression, variables, expected) => {
    // given / when / then
    expect(run(expression, variables)).toEqual({ value: expected, warnings: [] });
  });

  it('still reports missing variables outside its argument', () => {
    // given / when
    const result = run('is defined(a) and b');
    // then
    expect(result.warnings).toEqual(["[NO_VARIABLE_FOUND] No variable found with name 'b'"]);
  });
});
