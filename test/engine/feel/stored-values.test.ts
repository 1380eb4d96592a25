import { evaluate } from '../../../src/engine/feel';

const NOW = Date.UTC(2026, 0, 31, 8, 0, 0);

function stored(expression: string, variables: Record<string, unknown> = {}): unknown {
  const result = evaluate(expression, variables, NOW);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('FEEL results stored as Zeebe stores them (A11)', () => {
  it.each([
    ['date("2020-04-06")', '2020-04-06'],
    ['date and time("2020-04-06T15:30:00@UTC")', '2020-04-06T15:30:00Z'],
    ['date and time("2020-04-06T15:30:00Z")', '2020-04-06T15:30:00Z'],
    ['date and time("2020-04-06T15:30:00@Europe/Berlin")', '2020-04-06T15:30:00+02:00[Europe/Berlin]'],
    ['date and time("2020-04-06T15:30:00@Asia/Shanghai")', '2020-04-06T15:30:00+08:00[Asia/Shanghai]'],
    ['date and time("2020-04-06T15:30:00+02:00")', '2020-04-06T15:30:00+02:00'],
    ['date and time("2020-04-06T15:30:00.500Z")', '2020-04-06T15:30:00.5Z'],
    ['date and time("2020-04-06T15:30:00")', '2020-04-06T15:30:00'],
    ['time("15:30:00")', '15:30:00'],
    ['duration("P15D")', 'P15D'],
    ['duration("PT36H")', 'P1DT12H'],
    ['duration("PT0S")', 'P0D'],
    ['duration("PT1.5S")', 'PT1.5S'],
    ['duration("P1Y2M")', 'P1Y2M'],
    ['duration("P14M")', 'P1Y2M'],
  ])('%s is stored as %j', (expression, expected) => {
    // given / when / then
    expect(stored(expression)).toBe(expected);
  });

  it('stores whole numbers as integers and others as doubles', () => {
    // given / when / then
    expect(stored('10 / 2')).toBe(5);
    expect(Number.isInteger(stored('10 / 2'))).toBe(true);
    expect(stored('10 / 4')).toBe(2.5);
  });

  it('stores contexts as objects and lists as arrays, converting nested temporal values', () => {
    // given / when
    const value = stored('{a: 1, b: [1, date("2020-01-01")], c: {d: duration("P1D")}}');
    // then
    expect(value).toEqual({ a: 1, b: [1, '2020-01-01'], c: { d: 'P1D' } });
  });

  it('stores functions as null', () => {
    // given / when / then
    expect(stored('function(a) a + 1')).toBeNull();
  });
});

describe('temporal arithmetic', () => {
  it.each([
    ['date("2020-04-06") + duration("P1D")', '2020-04-07'],
    ['date("2020-01-31") + duration("P1M")', '2020-02-29'],
    ['date and time("2020-04-06T15:30:00Z") + duration("PT12H")', '2020-04-07T03:30:00Z'],
    ['date and time("2020-04-06T15:30:00Z") - duration("P1D")', '2020-04-05T15:30:00Z'],
    ['date and time("2020-04-06T15:30:00Z") - date and time("2020-04-05T03:30:00Z")', 'P1DT12H'],
    ['date and time("2020-04-06T08:00:00@Asia/Shanghai") - date and time("2020-04-05T08:00:00@Asia/Shanghai")', 'P1D'],
  ])('%s = %j', (expression, expected) => {
    // given / when / then
    expect(stored(expression)).toBe(expected);
  });

  it('orders date-times across zones by instant and against the clock', () => {
    // given / when / then
    expect(stored('date and time("2020-04-06T08:00:01@Asia/Shanghai") > date and time("2020-04-06T00:00:00Z")')).toBe(true);
    expect(stored('now() > date and time("2026-01-31T07:59:59Z")')).toBe(true);
    expect(stored('now() + duration("PT1S") > now()')).toBe(true);
    expect(stored('deadline < today()', { deadline: null })).toBeNull();
  });
});
