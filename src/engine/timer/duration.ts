/**
 * ISO-8601 durations as Zeebe reads `timeDuration` (`PnYnMnWnDTnHnMnS`, optional sign): calendar parts
 * (years, months, weeks, days) are added on the UTC calendar, so `P1M` from Jan 31 lands on the last day of
 * February; time parts are exact.
 */

export interface IsoDuration {
  /** -1 or 1 */
  sign: number;
  years: number;
  months: number;
  days: number;
  /** The time part in milliseconds. */
  timeMs: number;
}

const PATTERN =
  /^([-+]?)P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d{1,9})?)S)?)?$/i;

export function parseIsoDuration(text: string): IsoDuration | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const [, sign, y, mo, w, d, h, mi, s] = m;
  if ([y, mo, w, d, h, mi, s].every((part) => part === undefined)) return null;
  // "P1DT" has a T without a time part
  if (/T$/i.test(text.trim())) return null;
  const num = (part: string | undefined): number => (part === undefined ? 0 : Number(part.replace(',', '.')));
  return {
    sign: sign === '-' ? -1 : 1,
    years: num(y),
    months: num(mo),
    days: num(w) * 7 + num(d),
    timeMs: Math.round(((num(h) * 60 + num(mi)) * 60 + num(s)) * 1000),
  };
}

function addMonthsUtc(epochMs: number, months: number): number {
  const date = new Date(epochMs);
  const year = date.getUTCFullYear();
  const targetMonth = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return Date.UTC(year, targetMonth, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(),
    date.getUTCMilliseconds());
}

/** `from` plus (or minus, for a negative duration) the duration: calendar part first, then the time part. */
export function addIsoDuration(fromEpochMs: number, duration: IsoDuration): number {
  const months = duration.sign * (duration.years * 12 + duration.months);
  let t = months === 0 ? fromEpochMs : addMonthsUtc(fromEpochMs, months);
  t += duration.sign * duration.days * 86_400_000;
  return t + duration.sign * duration.timeMs;
}

/** Canonical text of a duration (Java-like: calendar part as a period, time part as hours/minutes/seconds). */
export function formatIsoDuration(duration: IsoDuration): string {
  const sign = duration.sign < 0 ? '-' : '';
  let date = '';
  if (duration.years) date += `${duration.years}Y`;
  if (duration.months) date += `${duration.months}M`;
  if (duration.days) date += `${duration.days}D`;
  let time = '';
  const hours = Math.floor(duration.timeMs / 3_600_000);
  const minutes = Math.floor((duration.timeMs % 3_600_000) / 60_000);
  const seconds = (duration.timeMs % 60_000) / 1000;
  if (hours) time += `${hours}H`;
  if (minutes) time += `${minutes}M`;
  if (seconds) time += `${seconds}S`;
  if (!date && !time) return 'PT0S';
  return `${sign}P${date}${time ? `T${time}` : ''}`;
}
