import chineseDays from 'chinese-days';

/**
 * The legal calendar for deadlines (民法典 Art. 201–203): the start day is not counted; a month period ends on
 * the same day-of-month of the target month, or on its last day when there is none; a period whose last day
 * is a rest day (statutory holiday or weekend) ends on the next working day. Which days are rest days is the
 * `WorkCalendar`'s answer: chinese-days (State Council notices up to its last published year) plus the dated
 * overrides the district enters for later years or corrections; the overrides win. Dates are plain `YYYY-MM-DD` in China Standard Time (UTC+08:00, no daylight saving).
 */
export type DateOnly = string;
export type DeadlineRule = 'calendar-days' | 'working-days' | 'months';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OFFSET_MS = 8 * 3600_000;

export class CalendarError extends Error {}

export function parseDate(date: DateOnly): Date {
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
  return DATE.test(value) ? (parseDate(value), value) : chinaDate(value);
}

export function addDays(date: DateOnly, days: number): DateOnly {
  const d = parseDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

export type DayKind = 'holiday' | 'workday';
/** 'official': from chinese-days; 'entered': the district entered the arrangement; 'weekends-only': neither. */
export type Coverage = 'official' | 'entered' | 'weekends-only';

/** One dated exception to the weekly rhythm: a holiday on a weekday or a 调休 working day on a weekend. */
export interface CalendarOverride {
  date: DateOnly;
  kind: DayKind;
  name: string;
}

/** A day as the calendar sees it, for showing a year's arrangement. */
export interface SpecialDay {
  date: DateOnly;
  kind: DayKind;
  name: string;
  from: 'official' | 'entered';
}

const officialYears = new Map<number, boolean>();

/** chinese-days has a year when it marks at least one weekday of it as a holiday (every year has 元旦 or 春节). */
function isOfficialYear(year: number): boolean {
  let known = officialYears.get(year);
  if (known === undefined) {
    known = false;
    for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year && !known; d.setUTCDate(d.getUTCDate() + 1)) {
      const weekday = d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
      known = weekday && !chineseDays.isWorkday(format(d));
    }
    officialYears.set(year, known);
  }
  return known;
}

const isWeekend = (d: Date): boolean => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/** The working-day calendar: chinese-days, overridden date by date by what the district entered. */
export class WorkCalendar {
  private readonly overrides = new Map<DateOnly, CalendarOverride>();
  private readonly enteredYears = new Set<number>();

  constructor(overrides: readonly CalendarOverride[] = []) {
    for (const o of overrides) {
      parseDate(o.date);
      this.overrides.set(o.date, o);
      this.enteredYears.add(Number(o.date.slice(0, 4)));
    }
  }

  isWorkingDay(date: DateOnly): boolean {
    const d = parseDate(date);
    const override = this.overrides.get(date);
    if (override) return override.kind === 'workday';
    if (isOfficialYear(d.getUTCFullYear())) return chineseDays.isWorkday(date);
    return !isWeekend(d);
  }

  /** Where the year's holidays come from; 'weekends-only' means deadlines in it ignore holidays. */
  coverage(year: number): Coverage {
    if (this.enteredYears.has(year)) return 'entered';
    return isOfficialYear(year) ? 'official' : 'weekends-only';
  }

  /** The year's holidays on weekdays and working weekend days, in date order. */
  specialDays(year: number): SpecialDay[] {
    const days: SpecialDay[] = [];
    for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
      const date = format(d);
      const working = this.isWorkingDay(date);
      const override = this.overrides.get(date);
      // weekend days inside a holiday period are shown too: chinese-days names them after the festival
      const festival = isOfficialYear(year) ? chineseDays.getDayDetail(date).name.split(',')[1] : undefined;
      if (!override && working !== isWeekend(d) && !(festival && !working)) continue;
      const name = override?.name ?? festival ?? '';
      days.push({ date, kind: working ? 'workday' : 'holiday', name, from: override ? 'entered' : 'official' });
    }
    return days;
  }
}

/** chinese-days alone, for code and tests that need no entered arrangement. */
export const OFFICIAL_CALENDAR = new WorkCalendar();

/** A working day: a weekday that is no holiday, or a weekend day made a working day by 调休. */
export function isWorkingDay(calendar: WorkCalendar, date: DateOnly): boolean {
  return calendar.isWorkingDay(date);
}

/** The date itself if it is a working day, else the next working day. */
export function nextWorkingDayFrom(calendar: WorkCalendar, date: DateOnly): DateOnly {
  let d = date;
  for (let i = 0; !calendar.isWorkingDay(d); i++) {
    if (i > 40) throw new CalendarError(`no working day within 40 days after ${date}`);
    d = addDays(d, 1);
  }
  return d;
}

export function addCalendarDays(calendar: WorkCalendar, start: DateOnly, days: number): DateOnly {
  return nextWorkingDayFrom(calendar, addDays(start, days));
}

/** Counts `days` working days after the start day (the start day itself never counts). */
export function addWorkingDays(calendar: WorkCalendar, start: DateOnly, days: number): DateOnly {
  let d = start;
  for (let left = days; left > 0;) {
    d = addDays(d, 1);
    if (calendar.isWorkingDay(d)) left--;
  }
  return d;
}

/** Goes back `days` working days before a date (for reminders ahead of a deadline). */
export function subtractWorkingDays(calendar: WorkCalendar, date: DateOnly, days: number): DateOnly {
  let d = date;
  for (let left = days; left > 0;) {
    d = addDays(d, -1);
    if (calendar.isWorkingDay(d)) left--;
  }
  return d;
}

/** Month arithmetic with the month-end rule: 01-31 + 1 month = 02-28 (or 02-29). */
export function addMonthsRaw(start: DateOnly, months: number): DateOnly {
  const d = parseDate(start);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))));
}

export function addMonths(calendar: WorkCalendar, start: DateOnly, months: number): DateOnly {
  return nextWorkingDayFrom(calendar, addMonthsRaw(start, months));
}

/** The due date of a period under one of the three rules. */
export function dueDate(calendar: WorkCalendar, rule: DeadlineRule, start: DateOnly, amount: number): DateOnly {
  if (!Number.isInteger(amount) || amount < 0) throw new CalendarError(`expected a whole, non-negative amount, got ${amount}`);
  switch (rule) {
    case 'calendar-days': return addCalendarDays(calendar, start, amount);
    case 'working-days': return addWorkingDays(calendar, start, amount);
    case 'months': return addMonths(calendar, start, amount);
    default: throw new CalendarError(`unknown deadline rule: ${String(rule)}`);
  }
}

/** A deadline falls at the end of its day in China. */
export function endOfDay(date: DateOnly): string {
  parseDate(date);
  return `${date}T23:59:59+08:00`;
}

/** Start of a day in China (for reminders at office opening, 09:00). */
export function morningOf(date: DateOnly): string {
  parseDate(date);
  return `${date}T09:00:00+08:00`;
}

/** Whole calendar days from a to b (b − a). */
export function daysBetween(a: DateOnly, b: DateOnly): number {
  return Math.round((parseDate(b).getTime() - parseDate(a).getTime()) / 86_400_000);
}
