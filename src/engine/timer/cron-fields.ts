/**
 * Parsing of the six fields of a Spring cron expression (`sec min hour day-of-month month day-of-week`), the
 * format Zeebe accepts in `timeCycle`. cron-parser lacks `W` and `L-n` and joins the day fields with OR;
 * Spring requires both day fields to match, so the fields are parsed here into plain matchers.
 */

export interface CalendarDay {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export type DayMatcher = (day: CalendarDay) => boolean;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export class CronSyntaxError extends Error {}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function parseValue(text: string, min: number, max: number, names: string[] | null, nameOffset: number): number {
  const upper = text.toUpperCase();
  const named = names ? names.indexOf(upper) : -1;
  const value = named >= 0 ? named + nameOffset : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CronSyntaxError(`value '${text}' is not within ${min}-${max}`);
  }
  return value;
}

/** A numeric field (`*`, `?`, lists, ranges, steps, names) as the set of allowed values. */
export function parseNumericField(
  text: string,
  min: number,
  max: number,
  names: string[] | null = null,
  nameOffset = 0,
): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined || range === '') throw new CronSyntaxError(`invalid field part '${part}'`);
    const step = stepText === undefined ? 1 : parseValue(stepText, 1, max - min + 1, null, 0);
    let from: number;
    let to: number;
    if (range === '*' || range === '?') {
      from = min;
      to = max;
    } else if (range.includes('-')) {
      const [a, b, more] = range.split('-');
      if (more !== undefined) throw new CronSyntaxError(`invalid range '${range}'`);
      from = parseValue(a, min, max, names, nameOffset);
      to = parseValue(b, min, max, names, nameOffset);
      if (to < from) throw new CronSyntaxError(`range '${range}' ends before it starts`);
    } else {
      from = parseValue(range, min, max, names, nameOffset);
      to = stepText === undefined ? from : max;
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export function parseSeconds(text: string): Set<number> {
  return parseNumericField(text, 0, 59);
}
export function parseMinutes(text: string): Set<number> {
  return parseNumericField(text, 0, 59);
}
export function parseHours(text: string): Set<number> {
  return parseNumericField(text, 0, 23);
}
export function parseMonths(text: string): Set<number> {
  return parseNumericField(text, 1, 12, MONTHS, 1);
}

/** The weekday a `nW` / `LW` day moves to: the nearest weekday within the same month. */
function nearestWeekday(year: number, month: number, day: number): number {
  const weekday = weekdayOf(year, month, day);
  const last = daysInMonth(year, month);
  if (weekday === 6) return day === 1 ? 3 : day - 1;
  if (weekday === 0) return day === last ? day - 2 : day + 1;
  return day;
}

/** Day of month: numeric, `L`, `L-n`, `nW`, `LW`. */
export function parseDayOfMonth(text: string): DayMatcher {
  const upper = text.toUpperCase();
  if (upper === '*' || upper === '?') return () => true;
  const matchers = upper.split(',').map((part): DayMatcher => {
    const lastOffset = /^L(?:-(\d+))?$/.exec(part);
    if (lastOffset) {
      const offset = lastOffset[1] === undefined ? 0 : parseValue(lastOffset[1], 0, 30, null, 0);
      return (d) => d.day === daysInMonth(d.year, d.month) - offset;
    }
    if (part === 'LW') return (d) => d.day === nearestWeekday(d.year, d.month, daysInMonth(d.year, d.month));
    const weekday = /^(\d+)W$/.exec(part);
    if (weekday) {
      const target = parseValue(weekday[1], 1, 31, null, 0);
      return (d) => target <= daysInMonth(d.year, d.month) && d.day === nearestWeekday(d.year, d.month, target);
    }
    const days = parseNumericField(part, 1, 31);
    return (d) => days.has(d.day);
  });
  return (d) => matchers.some((m) => m(d));
}

function parseWeekday(text: string): number {
  // Spring: 0 and 7 are Sunday
  return parseValue(text, 0, 7, WEEKDAYS, 0) % 7;
}

/** Day of week: numeric or names (0/7 = Sunday), `nL` (last n-day of the month), `n#k` (k-th n-day). */
export function parseDayOfWeek(text: string): DayMatcher {
  const upper = text.toUpperCase();
  if (upper === '*' || upper === '?') return () => true;
  const matchers = upper.split(',').map((part): DayMatcher => {
    const last = /^([A-Z0-9]+)L$/.exec(part);
    if (last) {
      const weekday = parseWeekday(last[1]);
      return (d) => d.weekday === weekday && d.day + 7 > daysInMonth(d.year, d.month);
    }
    const nth = /^([A-Z0-9]+)#(\d)$/.exec(part);
    if (nth) {
      const weekday = parseWeekday(nth[1]);
      const ordinal = parseValue(nth[2], 1, 5, null, 0);
      return (d) => d.weekday === weekday && Math.ceil(d.day / 7) === ordinal;
    }
    const days = new Set([...parseNumericField(part, 0, 7, WEEKDAYS, 0)].map((v) => v % 7));
    return (d) => days.has(d.weekday);
  });
  return (d) => matchers.some((m) => m(d));
}
