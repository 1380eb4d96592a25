import { nextTrigger, resolveTimer, validateStaticTimer, type TimerSchedule } from '../../../src/engine/timer';

const NOW = Date.parse('2026-01-31T08:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString();

function schedule(kind: 'duration' | 'date' | 'cycle', definition: string, variables: Record<string, unknown> = {}): TimerSchedule {
  const result = resolveTimer(kind, definition, variables, NOW);
  if (!result.ok) throw new Error(result.message);
  return result.schedule;
}

describe('timeDuration', () => {
  it.each([
    ['PT10S', '2026-01-31T08:00:10.000Z'],
    ['PT1.5S', '2026-01-31T08:00:01.500Z'],
    ['P1DT2H', '2026-02-01T10:00:00.000Z'],
    ['P2W', '2026-02-14T08:00:00.000Z'],
    // calendar month from the 31st lands on the last day of February
    ['P1M', '2026-02-28T08:00:00.000Z'],
    ['P1Y1M', '2027-02-28T08:00:00.000Z'],
    ['PT0S', '2026-01-31T08:00:00.000Z'],
    ['-PT1H', '2026-01-31T07:00:00.000Z'],
  ])('%s from now is due at %s', (definition, expected) => {
    // given / when
    const timer = schedule('duration', definition);
    // then
    expect(iso(timer.dueDate)).toBe(expected);
    expect(timer.repetitions).toBe(1);
    expect(nextTrigger(timer, timer.dueDate)).toBeNull();
  });

  it('accepts FEEL durations and duration strings from expressions', () => {
    // given / when / then
    expect(iso(schedule('duration', '=duration("PT36H")').dueDate)).toBe('2026-02-01T20:00:00.000Z');
    expect(iso(schedule('duration', '=duration("P1M")').dueDate)).toBe('2026-02-28T08:00:00.000Z');
    expect(iso(schedule('duration', '=wait', { wait: 'PT5M' }).dueDate)).toBe('2026-01-31T08:05:00.000Z');
    expect(iso(schedule('duration', '=date and time("2026-02-01T08:00:00Z") - now()').dueDate)).toBe('2026-02-01T08:00:00.000Z');
  });

  it('reports an unparsable value and a wrong type as Zeebe does', () => {
    // given / when / then
    expect(resolveTimer('duration', 'foo', {}, NOW)).toEqual({
      ok: false,
      message: "Invalid duration format 'foo' for expression 'foo'.",
    });
    expect(resolveTimer('duration', '=wait', { wait: 'P' }, NOW)).toEqual({
      ok: false,
      message: "Invalid duration format 'P' for expression 'wait'.",
    });
    expect(resolveTimer('duration', '=wait', {}, NOW)).toEqual({
      ok: false,
      message:
        "Expected result of the expression 'wait' to be one of '[DURATION, PERIOD, STRING]', but was 'NULL'. " +
        "The evaluation reported the following warnings:\n[NO_VARIABLE_FOUND] No variable found with name 'wait'",
    });
  });
});

describe('timeDate', () => {
  it.each([
    ['2026-03-01T10:00:00Z', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T10:00:00+08:00', '2026-03-01T02:00:00.000Z'],
    ['2026-03-01T10:00:00[Asia/Shanghai]', '2026-03-01T02:00:00.000Z'],
    ['2026-03-01T10:00:00+08:00[Asia/Shanghai]', '2026-03-01T02:00:00.000Z'],
    ['2026-03-01T10:00:00', '2026-03-01T10:00:00.000Z'],
    ['2026-03-01T10:00:00.250Z', '2026-03-01T10:00:00.250Z'],
  ])('%s is due at %s', (definition, expected) => {
    // given / when / then
    expect(iso(schedule('date', definition).dueDate)).toBe(expected);
  });

  it('accepts FEEL date and time values, zoned or local (UTC)', () => {
    // given / when / then
    expect(iso(schedule('date', '=date and time("2026-03-01T10:00:00@Asia/Shanghai")').dueDate)).toBe('2026-03-01T02:00:00.000Z');
    expect(iso(schedule('date', '=date and time("2026-03-01T10:00:00")').dueDate)).toBe('2026-03-01T10:00:00.000Z');
    expect(iso(schedule('date', '=now() + duration("P1D")').dueDate)).toBe('2026-02-01T08:00:00.000Z');
  });

  it('reports an invalid date-time and a wrong type', () => {
    // given / when / then
    expect(resolveTimer('date', '2026-02-30T10:00:00Z', {}, NOW)).toEqual({
      ok: false,
      message: "Invalid date-time format '2026-02-30T10:00:00Z' for expression '2026-02-30T10:00:00Z'.",
    });
    expect(resolveTimer('date', '=due', { due: 'tomorrow' }, NOW)).toEqual({
      ok: false,
      message: "Invalid date-time format 'tomorrow' for expression 'due'.",
    });
    expect(resolveTimer('date', '=due', { due: 5 }, NOW)).toEqual({
      ok: false,
      message: "Expected result of the expression 'due' to be one of '[DATE_TIME, STRING]', but was 'NUMBER'.",
    });
  });
});

describe('timeCycle', () => {
  it('counts down R3 repetitions, keeping the rhythm from the due date', () => {
    // given
    const first = schedule('cycle', 'R3/PT1H');
    // when
    const second = nextTrigger(first, first.dueDate);
    const third = second && nextTrigger(second, second.dueDate);
    const fourth = third && nextTrigger(third, third.dueDate);
    // then
    expect([first, second, third].map((t) => t && [iso(t.dueDate), t.repetitions])).toEqual([
      ['2026-01-31T09:00:00.000Z', 3],
      ['2026-01-31T10:00:00.000Z', 2],
      ['2026-01-31T11:00:00.000Z', 1],
    ]);
    expect(fourth).toBeNull();
  });

  it('repeats R/ forever and starts at an explicit start date', () => {
    // given
    const timer = schedule('cycle', 'R/2026-02-01T00:00:00Z/P1D');
    // when
    const next = nextTrigger(timer, timer.dueDate);
    // then
    expect(iso(timer.dueDate)).toBe('2026-02-01T00:00:00.000Z');
    expect(timer.repetitions).toBe(-1);
    expect(next && [iso(next.dueDate), next.repetitions]).toEqual(['2026-02-02T00:00:00.000Z', -1]);
  });

  it('repeats calendar months from the end of a month', () => {
    // given
    const timer = schedule('cycle', 'R/2026-01-31T00:00:00Z/P1M');
    // when
    const next = nextTrigger(timer, timer.dueDate);
    // then
    expect(next && iso(next.dueDate)).toBe('2026-02-28T00:00:00.000Z');
  });

  it('runs a cron cycle forever', () => {
    // given
    const timer = schedule('cycle', '0 0 9 * * MON-FRI');
    // when
    const next = nextTrigger(timer, timer.dueDate);
    // then: 31 Jan 2026 is a Saturday
    expect(iso(timer.dueDate)).toBe('2026-02-02T09:00:00.000Z');
    expect(next && [iso(next.dueDate), next.repetitions]).toEqual(['2026-02-03T09:00:00.000Z', -1]);
  });

  it('accepts the cycle() FEEL function', () => {
    // given / when
    const timer = schedule('cycle', '=cycle(2, duration("PT30M"))');
    // then
    expect([iso(timer.dueDate), timer.repetitions, timer.cycle]).toEqual(['2026-01-31T08:30:00.000Z', 2, 'R/PT30M']);
  });

  it.each(['R3', 'R3/PT0S', 'Rx/PT1H', '0 0 9 * *', 'R/yesterday/PT1H'])('rejects %s', (definition) => {
    // given / when / then
    expect(resolveTimer('cycle', definition, {}, NOW)).toEqual({
      ok: false,
      message: `Invalid cycle format '${definition}' for expression '${definition}'.`,
    });
  });
});

describe('deployment validation of static timers', () => {
  it('accepts valid static values and expressions, and names an invalid value', () => {
    // given / when / then
    expect(validateStaticTimer('duration', 'PT1H', NOW)).toBeNull();
    expect(validateStaticTimer('cycle', '=cycle(duration("P1D"))', NOW)).toBeNull();
    expect(validateStaticTimer('date', 'soon', NOW)).toBe("Invalid date-time format 'soon' for expression 'soon'.");
  });
});
