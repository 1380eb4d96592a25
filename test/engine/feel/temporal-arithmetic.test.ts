import { evaluateFeel } from '../../../src/engine/feel';
import { NOW, run } from './run';

describe('FEEL duration arithmetic as feel-scala (A11: duration × number)', () => {
  it.each([
    ['duration("PT1H") * 2', 'PT2H'],
    ['3 * duration("PT8H")', 'P1D'],
    ['duration("P1D") * 1.9', 'P1D'],
    ['duration("PT90M") * 3', 'PT4H30M'],
    ['duration("P1D") * -2', '-P2D'],
    ['duration("P1D") * 0', 'P0D'],
    ['duration("P1Y") * 2', 'P2Y'],
    ['duration("P7M") * 2', 'P1Y2M'],
    ['2 * duration("P1Y6M")', 'P3Y'],
    ['duration("P1D") / 2', 'PT12H'],
    ['duration("PT1H") / 3', 'PT20M'],
    ['duration("P1Y") / 2', 'P6M'],
    ['duration("P1Y") / 5', 'P2M'],
    ['duration("P1D") / duration("PT6H")', 4],
    ['duration("P1Y") / duration("P3M")', 4],
    ['10 - 4', 6],
    ['7 / 2', 3.5],
  ])('%s = %j (stored normalised)', (expression, expected) => {
    // given / when / then
    expect(run(expression)).toEqual({ value: expected, warnings: [] });
  });

  it('keeps a product usable in further arithmetic', () => {
    // given / when
    const result = run('date and time("2020-04-06T08:00:00Z") + duration("PT1H") * n', { n: 3 });
    // then
    expect(result.value).toBe('2020-04-06T11:00:00Z');
  });

  it.each([
    ['"a" * 2', `[INVALID_TYPE] Can't multiply '"a"' by '2'`],
    ['duration("P1D") * duration("P1D")', "[INVALID_TYPE] Can't multiply 'P1D' by 'P1D'"],
    ['x * 2', "[INVALID_TYPE] Can't multiply 'null' by '2'"],
    ['5 / 0', "[INVALID_TYPE] Can't divide '5' by '0'"],
    ['duration("P1D") / 0', "[INVALID_TYPE] Can't divide 'P1D' by '0'"],
    ['2 / duration("P1D")', "[INVALID_TYPE] Can't divide '2' by 'P1D'"],
    ['"a" - 1', `[INVALID_TYPE] Can't subtract '1' from '"a"'`],
    ['duration("P1Y") - duration("P1D")', "[INVALID_TYPE] Can't subtract 'P1D' from 'P1Y'"],
  ])('%s is null with an INVALID_TYPE warning', (expression, warning) => {
    // given / when / then
    expect(run(expression, { x: null })).toEqual({ value: null, warnings: [warning] });
  });
});

describe('FEEL zoned date-times (A11)', () => {
  it('subtracts zoned date-times of different zones by instant', () => {
    // given: 14:27:30 in Berlin is 12:27:30Z, 14:27:30 in Los Angeles is 21:27:30Z
    const berlin = 'date and time("2020-07-31T14:27:30@Europe/Berlin")';
    const losAngeles = 'date and time("2020-07-31T14:27:30@America/Los_Angeles")';
    // when / then
    expect(run(`${losAngeles} - ${berlin}`).value).toBe('PT9H');
    expect(run(`${berlin} - ${losAngeles}`).value).toBe('-PT9H');
    expect(run(`${berlin} - date and time("2020-07-31T12:27:30Z")`).value).toBe('P0D');
  });

  it('subtracts across a daylight-saving change by elapsed time', () => {
    // given: Berlin moved from +01:00 to +02:00 on 2020-03-29
    const expression = 'date and time("2020-03-29T12:00:00@Europe/Berlin") - date and time("2020-03-28T12:00:00@Europe/Berlin")';
    // when / then
    expect(run(expression).value).toBe('PT23H');
  });

  it('adds a days-time duration to a zoned date-time as elapsed time, a years-months one by calendar', () => {
    // given: 24 hours after noon before the daylight-saving change is 13:00 on the next day
    const beforeChange = 'date and time("2020-03-28T12:00:00@Europe/Berlin")';
    // when / then
    expect(run(`${beforeChange} + duration("P1D")`).value).toBe('2020-03-29T13:00:00+02:00[Europe/Berlin]');
    expect(run(`duration("P1D") + ${beforeChange}`).value).toBe('2020-03-29T13:00:00+02:00[Europe/Berlin]');
    expect(run('date and time("2020-03-29T13:00:00@Europe/Berlin") - duration("P1D")').value).toBe('2020-03-28T12:00:00+01:00[Europe/Berlin]');
    expect(run(`${beforeChange} + duration("P1M")`).value).toBe('2020-04-28T12:00:00+02:00[Europe/Berlin]');
  });

  it('adds a days-time duration to a date and keeps a date', () => {
    // given / when / then
    expect(run('date("2020-01-01") + duration("PT25H")').value).toBe('2020-01-02');
    expect(run('duration("P2D") + date("2020-01-01")').value).toBe('2020-01-03');
  });

  it('reports an addition of incompatible values as INVALID_TYPE', () => {
    // given / when / then
    expect(run('"编号-" + n', { n: 1 })).toEqual({ value: null, warnings: [`[INVALID_TYPE] Can't add '1' to '"编号-"'`] });
    expect(run('duration("P1D") + 1')).toEqual({ value: null, warnings: ["[INVALID_TYPE] Can't add '1' to 'P1D'"] });
    expect(run('"编号-" + string(n)', { n: 1 })).toEqual({ value: '编号-1', warnings: [] });
  });

  it('subtracts a days-time duration from a date and keeps a date', () => {
    // given / when / then
    expect(run('date("2020-01-02") - duration("PT1H")').value).toBe('2020-01-01');
    expect(run('date("2020-01-02") - date("2020-01-01")').value).toBe('P1D');
  });

  it('moves a zoned date-time to another zone at the same instant', () => {
    // given / when
    const result = run('date and time(date and time("2020-07-31T14:27:30@Europe/Berlin"), "America/Los_Angeles")');
    // then
    expect(result).toEqual({ value: '2020-07-31T05:27:30-07:00[America/Los_Angeles]', warnings: [] });
  });

  it('places a local date-time at its wall clock in the zone, and converts the clock to Shanghai time', () => {
    // given / when / then
    expect(run('date and time(date and time("2020-07-31T14:27:30"), "Asia/Shanghai")').value)
      .toBe('2020-07-31T14:27:30+08:00[Asia/Shanghai]');
    expect(run('date and time(now(), "Asia/Shanghai")').value).toBe('2026-01-31T16:00:00+08:00[Asia/Shanghai]');
    expect(run('date and time(now(), "Asia/Shanghai") = date and time("2026-01-31T16:00:00@Asia/Shanghai")').value).toBe(true);
  });

  it('keeps date and time(date, time) and date and time(text)', () => {
    // given / when / then
    expect(run('date and time(date("2020-01-01"), time("10:00:00"))').value).toBe('2020-01-01T10:00:00');
    expect(run('date and time(date("2020-01-01"), time("10:00:00@Europe/Berlin"))').value)
      .toBe('2020-01-01T10:00:00+01:00[Europe/Berlin]');
    expect(run('date and time("2020-01-01T10:00:00Z")').value).toBe('2020-01-01T10:00:00Z');
  });

  it('yields null with FUNCTION_INVOCATION_FAILURE for an unknown zone or a value that is not a date-time', () => {
    // given / when
    const unknownZone = run('date and time(now(), "Mars/Olympus")');
    const notDateTime = run('date and time("2020-01-01T10:00:00Z", "UTC")');
    // then
    expect(unknownZone.value).toBeNull();
    expect(unknownZone.warnings).toEqual(["[FUNCTION_INVOCATION_FAILURE] Failed to invoke function 'date and time': unknown timezone 'Mars/Olympus'"]);
    expect(notDateTime.value).toBeNull();
    expect(notDateTime.warnings[0]).toMatch(/^\[FUNCTION_INVOCATION_FAILURE\] Failed to invoke function 'date and time'/);
  });

  it('gives the raw FEEL value of a converted date-time to timers', () => {
    // given / when
    const result = evaluateFeel('date and time(date and time("2020-07-31T14:27:30Z"), "Asia/Shanghai")', {}, NOW);
    // then
    expect(result.ok && String(result.value)).toBe('2020-07-31T22:27:30@Asia/Shanghai');
  });
});
