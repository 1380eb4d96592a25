import { evaluateUnaryTests } from '../../../src/engine/feel';
import { NOW, run } from './run';

describe('FEEL comparison follows feel-scala (A11: comparing incompatible types gives null)', () => {
  it.each([
    ['1 < "a"', `[NOT_COMPARABLE] Can't compare '1' with '"a"'`],
    ['1 = "a"', `[NOT_COMPARABLE] Can't compare '1' with '"a"'`],
    ['"a" != 1', `[NOT_COMPARABLE] Can't compare '"a"' with '1'`],
    ['1 = true', "[NOT_COMPARABLE] Can't compare '1' with 'true'"],
    ['date("2020-01-01") > 5', "[NOT_COMPARABLE] Can't compare '2020-01-01' with '5'"],
    ['duration("P1D") > duration("P1Y")', "[NOT_COMPARABLE] Can't compare 'P1D' with 'P1Y'"],
    ['true < false', "[NOT_COMPARABLE] Can't compare 'true' with 'false'"],
    ['[] = 1', "[NOT_COMPARABLE] Can't compare '[]' with '1'"],
    ['date and time("2020-01-01T10:00:00Z") > date and time("2020-01-01T09:00:00")',
      "[NOT_COMPARABLE] Can't compare '2020-01-01T10:00:00Z' with '2020-01-01T09:00:00'"],
  ])('%s is null with a NOT_COMPARABLE warning', (expression, warning) => {
    // given / when
    const result = run(expression);
    // then
    expect(result).toEqual({ value: null, warnings: [warning] });
  });

  it.each([
    ['1 < 2', true],
    ['"b" >= "a"', true],
    ['x = null', false],
    ['null = null', true],
    ['1 = null', false],
    ['duration("PT36H") > duration("P1D")', true],
    ['duration("P1Y") = duration("P12M")', true],
    ['[1, 2] = [1, 2]', true],
    ['[1, "a"] = [1, 2]', false],
    ['{a: 1} = {a: 1}', true],
    ['{a: 1} = {b: 1}', false],
    ['date("2020-01-02") > date("2020-01-01")', true],
    ['time("10:00:00") < time("11:00:00")', true],
  ])('%s is %j without warnings', (expression, expected) => {
    // given / when
    const result = run(expression, { x: 1 });
    // then
    expect(result).toEqual({ value: expected, warnings: [] });
  });

  it('orders a null operand as null, without a warning', () => {
    // given / when / then
    expect(run('x < 1', { x: null })).toEqual({ value: null, warnings: [] });
    expect(run('1 >= x', { x: null })).toEqual({ value: null, warnings: [] });
  });

  it('orders zoned date-times by instant, not by wall clock', () => {
    // given: 14:27:30 in Berlin (12:27:30Z) is earlier than 08:00:00 in Los Angeles (15:00:00Z)
    const berlin = 'date and time("2020-07-31T14:27:30@Europe/Berlin")';
    const losAngeles = 'date and time("2020-07-31T08:00:00@America/Los_Angeles")';
    // when / then
    expect(run(`${berlin} < ${losAngeles}`).value).toBe(true);
    expect(run(`${berlin} > ${losAngeles}`).value).toBe(false);
    expect(run(`${berlin} < date and time("2020-07-31T12:27:29Z")`).value).toBe(false);
  });

  it('finds zoned date-times equal only for the same instant in the same zone, as Java ZonedDateTime.equals', () => {
    // given / when / then
    expect(run('date and time("2020-04-06T08:00:00@Asia/Shanghai") = date and time("2020-04-06T08:00:00@Asia/Shanghai")').value).toBe(true);
    expect(run('date and time("2020-04-06T08:00:00+00:00") = date and time("2020-04-06T08:00:00Z")').value).toBe(true);
    expect(run('date and time("2020-04-06T08:00:00@Asia/Shanghai") = date and time("2020-04-06T00:00:00Z")').value).toBe(false);
    expect(run('date and time("2020-04-06T08:00:00@Asia/Shanghai") >= date and time("2020-04-06T00:00:00Z")').value).toBe(true);
  });

  it('keeps comparisons usable as list filters and in quantifiers', () => {
    // given
    const variables = { l: [1, 2, 3], items: [{ a: 1 }, { a: 'x' }, { a: 5 }] };
    // when / then
    expect(run('l[item > 1]', variables)).toEqual({ value: [2, 3], warnings: [] });
    expect(run('l[item = 2]', variables).value).toEqual([2]);
    expect(run('some i in l satisfies i > 2', variables).value).toBe(true);
    expect(run('items[a > 2]', variables)).toEqual({ value: [{ a: 5 }], warnings: [`[NOT_COMPARABLE] Can't compare '"x"' with '2'`] });
  });

  it('makes an if-condition on incomparable values take the else branch, with the warning', () => {
    // given / when
    const result = run('if x > "10" then "big" else "small"', { x: 5 });
    // then
    expect(result).toEqual({ value: 'small', warnings: [`[NOT_COMPARABLE] Can't compare '5' with '"10"'`] });
  });
});

describe('FEEL ranges and membership follow feel-scala', () => {
  it.each([
    ['x in [1..3]', 3, true],
    ['x in ]1..3]', 1, false],
    ['x in (1..3)', 3, false],
    ['x between 1 and 3', 2, true],
    ['x between 1 and 3', 4, false],
    ['x in (7, [1..3], > 10)', 11, true],
    ['x in (7, [1..3], > 10)', 5, false],
    ['x in [1, 2]', 2, true],
    ['x in ["a".."c"]', 'b', true],
    ['x in [date("2020-01-01")..date("2020-12-31")]', null, null],
  ])('%s with x = %j is %j', (expression, x, expected) => {
    // given / when / then
    expect(run(expression, { x }).value).toBe(expected);
  });

  it.each([
    ['x in ["a".."z"]', 1, `[NOT_COMPARABLE] Can't compare '1' with '"a"' and '"z"'`],
    ['x in [1..3]', 'a', `[NOT_COMPARABLE] Can't compare '"a"' with '1' and '3'`],
    ['x between "a" and 5', 1, `[NOT_COMPARABLE] Can't compare '1' with '"a"' and '5'`],
  ])('%s with x = %j is null with a warning, not a match or an error', (expression, x, warning) => {
    // given / when / then
    expect(run(expression, { x })).toEqual({ value: null, warnings: [warning] });
  });

  it('filters a list by a range', () => {
    // given / when / then
    expect(run('l[item in [2..3]]', { l: [1, 2, 3, 4] }).value).toEqual([2, 3]);
  });
});

describe('DMN input entries compare like feel-scala', () => {
  it.each([
    ['< 10', 5, true],
    ['< 10', 15, false],
    ['>= 10, "a"', 12, true],
    ['!= 3', 4, true],
    ['not(< 10)', 15, true],
  ])('%s with input %j matches: %s', (tests, input, expected) => {
    // given / when
    const result = evaluateUnaryTests(tests, input, {}, NOW);
    // then
    expect(result).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it('matches ranges against the input, and not an input of another kind', () => {
    // given / when / then
    expect(evaluateUnaryTests('[1..3]', 2, {}, NOW)).toEqual({ ok: true, value: true, warnings: [] });
    expect(evaluateUnaryTests('[1..3]', 'a', {}, NOW)).toEqual({
      ok: true, value: false, warnings: [{ type: 'NOT_COMPARABLE', message: `Can't compare '"a"' with '1' and '3'` }],
    });
  });

  it('does not match an input of another type, and says why', () => {
    // given / when
    const result = evaluateUnaryTests('< 10', 'a', {}, NOW);
    // then
    expect(result).toEqual({
      ok: true, value: false, warnings: [{ type: 'NOT_COMPARABLE', message: `Can't compare '"a"' with '10'` }],
    });
  });

  it('does not match a null input against a comparison', () => {
    // given / when
    const result = evaluateUnaryTests('< 10', null, {}, NOW);
    // then
    expect(result).toEqual({ ok: true, value: false, warnings: [] });
  });
});
