import { CronExpression } from '../../../src/engine/timer';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function firstTwo(expression: string, from: string, zone = 'UTC'): [string | null, string | null] {
  const cron = CronExpression.parse(expression, zone);
  if ('error' in cron) throw new Error(cron.error);
  const first = cron.next(Date.parse(from));
  return [iso(first), first === null ? null : iso(cron.next(first))];
}

describe('Spring cron expressions', () => {
  it.each([
    ['0 0 9 * * MON-FRI', '2026-01-02T09:00:00Z', ['2026-01-05T09:00:00.000Z', '2026-01-06T09:00:00.000Z']],
    ['*/15 * * * * *', '2026-01-01T00:00:00Z', ['2026-01-01T00:00:15.000Z', '2026-01-01T00:00:30.000Z']],
    ['0 30 8 1 JAN,JUL ?', '2026-01-01T12:00:00Z', ['2026-07-01T08:30:00.000Z', '2027-01-01T08:30:00.000Z']],
    ['0 0 12 L * ?', '2026-01-01T00:00:00Z', ['2026-01-31T12:00:00.000Z', '2026-02-28T12:00:00.000Z']],
    ['0 0 12 L * ?', '2028-02-01T00:00:00Z', ['2028-02-29T12:00:00.000Z', '2028-03-31T12:00:00.000Z']],
    ['0 0 12 L-3 * ?', '2026-01-01T00:00:00Z', ['2026-01-28T12:00:00.000Z', '2026-02-25T12:00:00.000Z']],
    // 15 Feb 2026 is a Sunday: the nearest weekday is Monday the 16th
    ['0 0 12 15W * ?', '2026-01-20T00:00:00Z', ['2026-02-16T12:00:00.000Z', '2026-03-16T12:00:00.000Z']],
    // 1 Feb 2026 is a Sunday and 1W does not leave the month: Monday the 2nd
    ['0 0 0 1W * *', '2026-01-01T00:00:00Z', ['2026-02-02T00:00:00.000Z', '2026-03-02T00:00:00.000Z']],
    // 31 Jan 2026 is a Saturday: the last weekday is Friday the 30th
    ['0 0 12 LW * ?', '2026-01-01T00:00:00Z', ['2026-01-30T12:00:00.000Z', '2026-02-27T12:00:00.000Z']],
    ['0 0 12 ? * 5L', '2026-01-01T00:00:00Z', ['2026-01-30T12:00:00.000Z', '2026-02-27T12:00:00.000Z']],
    ['0 0 12 ? * TUE#1', '2026-01-01T00:00:00Z', ['2026-01-06T12:00:00.000Z', '2026-02-03T12:00:00.000Z']],
    // both day fields must match: Friday the 13th
    ['0 0 0 13 * FRI', '2026-01-01T00:00:00Z', ['2026-02-13T00:00:00.000Z', '2026-03-13T00:00:00.000Z']],
    ['0 0 0 * * 7', '2026-01-01T00:00:00Z', ['2026-01-04T00:00:00.000Z', '2026-01-11T00:00:00.000Z']],
    ['@daily', '2026-01-01T10:00:00Z', ['2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z']],
  ] as const)('%s after %s', (expression, from, expected) => {
    // given / when / then
    expect(firstTwo(expression, from)).toEqual(expected);
  });

  it('fires strictly after the given instant', () => {
    // given / when / then
    expect(firstTwo('0 0 9 * * *', '2026-01-01T09:00:00Z')[0]).toBe('2026-01-02T09:00:00.000Z');
    expect(firstTwo('0 0 9 * * *', '2026-01-01T08:59:59.999Z')[0]).toBe('2026-01-01T09:00:00.000Z');
  });

  it('evaluates in a DST-free zone such as Asia/Shanghai', () => {
    // given / when / then
    expect(firstTwo('0 0 9 * * *', '2026-01-01T00:00:00Z', 'Asia/Shanghai')).toEqual([
      '2026-01-01T01:00:00.000Z',
      '2026-01-02T01:00:00.000Z',
    ]);
  });

  it('finds no time for an impossible date', () => {
    // given / when / then
    expect(firstTwo('0 0 0 30 2 *', '2026-01-01T00:00:00Z')).toEqual([null, null]);
  });

  it.each([
    ['0 0 9 * *', 'a cron expression needs 6 fields, found 5'],
    ['0 0 25 * * *', "value '25' is not within 0-23"],
    ['0 0 9 * FOO *', "value 'FOO' is not within 1-12"],
    ['0 0 9 5-1 * *', "range '5-1' ends before it starts"],
  ])('rejects %s', (expression, message) => {
    // given / when / then
    expect(CronExpression.parse(expression)).toEqual({ error: message });
  });
});
