/**
 * Spring cron expressions as Zeebe accepts them in `timeCycle`: `sec min hour day-of-month month day-of-week`,
 * with `?`, names, ranges, steps, `L`, `L-n`, `nW`, `LW`, `nL`, `n#k` and the @-macros. Both day fields must
 * match (Spring semantics). Evaluated in a zone, UTC by default (the JVM zone of Camunda's images).
 */
import {
  CronSyntaxError, parseDayOfMonth, parseDayOfWeek, parseHours, parseMinutes, parseMonths, parseSeconds,
  type DayMatcher,
} from './cron-fields';
import { fromWallClock, isValidZone, toWallClock } from './zone';

const MACROS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

/** How far ahead to look for a match; an expression like `0 0 0 30 2 *` never matches. */
const SEARCH_YEARS = 8;

export class CronExpression {
  private constructor(
    readonly text: string,
    private readonly seconds: Set<number>,
    private readonly minutes: Set<number>,
    private readonly hours: Set<number>,
    private readonly dayOfMonth: DayMatcher,
    private readonly months: Set<number>,
    private readonly dayOfWeek: DayMatcher,
    readonly zone: string,
  ) {}

  /** Parse, or return a reason why the text is not a Spring cron expression. */
  static parse(text: string, zone = 'UTC'): CronExpression | { error: string } {
    const expanded = MACROS[text.trim().toLowerCase()] ?? text.trim();
    const fields = expanded.split(/\s+/);
    if (fields.length !== 6) return { error: `a cron expression needs 6 fields, found ${fields.length}` };
    if (!isValidZone(zone)) return { error: `unknown time zone '${zone}'` };
    try {
      const [sec, min, hour, dom, month, dow] = fields;
      return new CronExpression(
        text.trim(), parseSeconds(sec), parseMinutes(min), parseHours(hour), parseDayOfMonth(dom), parseMonths(month),
        parseDayOfWeek(dow), zone,
      );
    } catch (error) {
      if (error instanceof CronSyntaxError) return { error: error.message };
      throw error;
    }
  }

  /** The first matching instant strictly after `afterEpochMs`, or null if there is none within 8 years. */
  next(afterEpochMs: number): number | null {
    let t = Math.floor(toWallClock(afterEpochMs, this.zone) / 1000) * 1000 + 1000;
    const limit = t + SEARCH_YEARS * 366 * 86_400_000;
    while (t < limit) {
      const d = new Date(t);
      const year = d.getUTCFullYear();
      const month = d.getUTCMonth();
      const day = d.getUTCDate();
      const hour = d.getUTCHours();
      const minute = d.getUTCMinutes();
      if (!this.months.has(month + 1)) {
        t = Date.UTC(year, month + 1, 1);
      } else if (!this.dayMatches(year, month + 1, day, d.getUTCDay())) {
        t = Date.UTC(year, month, day + 1);
      } else if (!this.hours.has(hour)) {
        t = Date.UTC(year, month, day, hour + 1);
      } else if (!this.minutes.has(minute)) {
        t = Date.UTC(year, month, day, hour, minute + 1);
      } else if (!this.seconds.has(d.getUTCSeconds())) {
        t += 1000;
      } else {
        const instant = fromWallClock(t, this.zone);
        if (instant > afterEpochMs) return instant;
        t += 1000;
      }
    }
    return null;
  }

  private dayMatches(year: number, month: number, day: number, weekday: number): boolean {
    const calendarDay = { year, month, day, weekday };
    return this.dayOfMonth(calendarDay) && this.dayOfWeek(calendarDay);
  }
}
