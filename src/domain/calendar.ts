import chineseDays from 'chinese-days';

/**
 * The legal calendar for deadlines (民法典 Art. 201–203): the start day is not counted; a month period ends on
 * the same day-of-month of the target month, or on its last day when there is none; a period whose last day
 * is a rest day (statutory holiday or weekend) ends on the next working day. Holidays and 调休 make-up working
 * days come from `chinese-days` (State Council notices up to its last published year; later years fall back to
 * weekends only). Dates are plain `YYYY-MM-DD` in China Standard Time (UTC+08:00, no daylight saving).
 */
export type DateOnly = string;
export type DeadlineRule = 'calendar-days' | 'working-days' | 'months';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OFFSET_MS = 8 * 3600_000;

export class CalendarError extends Error {}

function parse(date: DateOnly): Date {
  if (!DATE.test(date)) throw new CalendarError(`expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw new CalendarError(`no such date: ${date}`);
  return d;
}
const format = (d: Date): DateOnly => d.toISOString().slice(0, 10);

/**
 * An ISO date-time as Zeebe and the forms write it, made parseable: a zone suffix such as `[Asia/Shanghai]` is
 * dropped (the offset before it is kept), and a local date-time without offset is read as China time.
 */
function normalizeDateTime(value: string): string {
  const bare = value.trim().replace(/\[[^\]]+\]$/, '');
  return /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(bare) ? `${bare}+08:00` : bare;
}

/** The calendar date in China of an instant (ISO-8601 with any offset) or of a Date. */
export function chinaDate(instant: string | Date): DateOnly {
  const t = typeof instant === 'string' ? Date.parse(normalizeDateTime(instant)) : instant.getTime();
  if (Number.isNaN(t)) throw new CalendarError(`expected an ISO-8601 date-time, got ${JSON.stringify(instant)}`);
  return format(new Date(t + OFFSET_MS));
}

/** Accepts `YYYY-MM-DD` as it is, or an ISO date-time (converted to the date in China). */
export function toDateOnly(value: string): DateOnly {
  return DATE.test(value) ? (parse(value), value) : chinaDate(value);
}

export function addDays(date: DateOnly, days: number): DateOnly {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/** A working day: a weekday that is no holiday, or a weekend day made a working day by 调休. */
export function isWorkingDay(date: DateOnly): boolean {
  parse(date);
  return chineseDays.isWorkday(date);
}

/** The date itself if it is a working day, else the next working day. */
export function nextWorkingDayFrom(date: DateOnly): DateOnly {
  let d = date;
  for (let i = 0; !isWorkingDay(d); i++) {
    if (i > 40) throw new CalendarError(`no working day within 40 days after ${date}`);
    d = addDays(d, 1);
  }
  return d;
}

export function addCalendarDays(start: DateOnly, days: number): DateOnly {
  return nextWorkingDayFrom(addDays(start, days));
}

/** Counts `days` working days after the start day (the start day itself never counts). */
export function addWorkingDays(start: DateOnly, days: number): DateOnly {
  let d = start;
  for (let left = days; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Goes back `days` working days before a date (for reminders ahead of a deadline). */
export function subtractWorkingDays(date: DateOnly, days: number): DateOnly {
  let d = date;
  for (let left = days; left > 0;) {
    d = addDays(d, -1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Month arithmetic with the month-end rule: 01-31 + 1 month = 02-28 (or 02-29). */
export function addMonthsRaw(start: DateOnly, months: number): DateOnly {
  const d = parse(start);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))));
}

export function addMonths(start: DateOnly, months: number): DateOnly {
  return nextWorkingDayFrom(addMonthsRaw(start, months));
}

/** The due date of a period under one of the three rules. */
export function dueDate(rule: DeadlineRule, start: DateOnly, amount: number): DateOnly {
  if (!Number.isInteger(amount) || amount < 0) throw new CalendarError(`expected a whole, non-negative amount, got ${amount}`);
  switch (rule) {
    case 'calendar-days': return addCalendarDays(start, amount);
    case 'working-days': return addWorkingDays(start, amount);
    case 'months': return addMonths(start, amount);
    default: throw new CalendarError(`unknown deadline rule: ${String(rule)}`);
  }
}

/** A deadline falls at the end of its day in China. */
export function endOfDay(date: DateOnly): string {
  parse(date);
  return `${date}T23:59:59+08:00`;
}

/** Start of a day in China (for reminders at office opening, 09:00). */
export function morningOf(date: DateOnly): string {
  parse(date);
  return `${date}T09:00:00+08:00`;
}

/** Whole calendar days from a to b (b − a). */
export function daysBetween(a: DateOnly, b: DateOnly): number {
  return Math.round((parse(b).getTime() - parse(a).getTime()) / 86_400_000);
}
