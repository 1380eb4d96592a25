/**
 * FEEL value kinds as feel-scala tells them apart (zoned and local times and date-times, and the two duration
 * kinds, are distinct types there), instants of zoned values, and the value texts feel-scala puts in warnings.
 */
import { FeelDate, FeelDateTime, FeelDuration, FeelTime, isFunction, isRange, parseDate } from 'feelin';
import { formatDuration } from './values';

export type FeelKind =
  | 'null' | 'number' | 'string' | 'boolean' | 'date' | 'time' | 'local time' | 'date and time'
  | 'local date and time' | 'years and months duration' | 'days and time duration' | 'list' | 'context'
  | 'range' | 'function' | 'other';

export function kindOf(value: unknown): FeelKind {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'list';
  if (value instanceof FeelDate) return 'date';
  if (value instanceof FeelTime) return value.zone === null ? 'local time' : 'time';
  if (value instanceof FeelDateTime) return value.zone === null ? 'local date and time' : 'date and time';
  if (value instanceof FeelDuration) return value.yearsMonths ? 'years and months duration' : 'days and time duration';
  if (isRange(value)) return 'range';
  if (isFunction(value) || typeof value === 'function') return 'function';
  if (typeof value === 'object') return 'context';
  return 'other';
}

const ORDERED = new Set<FeelKind>([
  'number', 'string', 'date', 'time', 'local time', 'date and time', 'local date and time',
  'years and months duration', 'days and time duration',
]);

/** Kinds with an order (`<`, `>`…); booleans, lists and contexts only have equality. */
export const isOrdered = (kind: FeelKind): boolean => ORDERED.has(kind);

const FIXED_OFFSET = /^([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Offset in seconds of `UTC` or a fixed `±HH:MM[:SS]` zone; null for a region (IANA) zone. */
function fixedOffsetSeconds(zone: string): number | null {
  if (zone === 'UTC' || zone === 'Z') return 0;
  const match = FIXED_OFFSET.exec(zone);
  if (!match) return null;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0);
  return match[1] === '-' ? -seconds : seconds;
}

/** Whether two zones are the same zone: fixed offsets by offset (`Z` = `+00:00`), regions by id. */
export function sameZone(a: string, b: string): boolean {
  const aOffset = fixedOffsetSeconds(a);
  const bOffset = fixedOffsetSeconds(b);
  return aOffset !== null && bOffset !== null ? aOffset === bOffset : a === b;
}

/** The instant of a zoned date-time in epoch nanoseconds (Temporal rejects sub-minute offset zones). */
export function instantNs(value: FeelDateTime): bigint {
  const zone = value.zone ?? 'UTC';
  const offset = fixedOffsetSeconds(zone);
  if (offset !== null) return value.unwrap().toZonedDateTime('UTC').epochNanoseconds - BigInt(offset) * 1_000_000_000n;
  return value.unwrap().toZonedDateTime(zone).epochNanoseconds;
}

/** A zoned time anchored on 1970-01-01, in epoch nanoseconds: how zoned times compare. */
export function timeInstantNs(value: FeelTime): bigint {
  return instantNs(new FeelDateTime(EPOCH_DAY.toPlainDateTime(value.unwrap()), value.zone));
}

const EPOCH_DAY = (parseDate('1970-01-01') as FeelDate).unwrap();

/** Total milliseconds of a days-time duration (days are 24 hours). */
export function daysTimeMs(value: FeelDuration): number {
  const d = value.unwrap();
  return ((d.days * 24 + d.hours) * 60 + d.minutes) * 60_000 + d.seconds * 1000 + d.milliseconds +
    d.microseconds / 1000 + d.nanoseconds / 1e6;
}

/** Total months of a years-months duration. */
export function totalMonths(value: FeelDuration): number {
  const d = value.unwrap();
  return d.years * 12 + d.months;
}

/** A value as feel-scala prints it in warnings: `1`, `"a"`, `true`, `null`, `P1D`, `[1, 2]`, `{a: 1}`. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`;
  if (value instanceof FeelDuration) return formatDuration(value);
  if (value instanceof FeelDate || value instanceof FeelTime || value instanceof FeelDateTime) return value.toString();
  if (isRange(value)) return 'range';
  if (isFunction(value) || typeof value === 'function') return 'function';
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${describe(v)}`).join(', ')}}`;
  }
  return String(value);
}
