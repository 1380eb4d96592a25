/**
 * FEEL values ↔ what Zeebe stores as variables (docs/engine-semantics.md, "FEEL", FeelToMessagePackTransformer):
 * dates "2020-04-06", zoned date-times in Java's ISO_ZONED_DATE_TIME ("…Z", "…+02:00[Europe/Berlin]"),
 * local date-times, times in FEEL format, durations normalised ("P1DT12H", "P0D", "P1Y2M"),
 * whole numbers as integers, contexts → objects, lists → arrays; functions and ranges → null.
 */
import { FeelDate, FeelDateTime, FeelDuration, FeelTime, isFunction, isRange } from 'feelin';

/** Zeebe's names for result types as they appear in EXTRACT_VALUE_ERROR messages. */
export type FeelResultType =
  | 'NULL' | 'BOOLEAN' | 'NUMBER' | 'STRING' | 'ARRAY' | 'OBJECT' | 'DURATION' | 'PERIOD' | 'DATE_TIME' | 'UNKNOWN';

export function feelResultType(value: unknown): FeelResultType {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return Number.isFinite(value) ? 'NUMBER' : 'NULL';
  if (typeof value === 'string') return 'STRING';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof FeelDuration) return value.yearsMonths ? 'PERIOD' : 'DURATION';
  if (value instanceof FeelDateTime) return 'DATE_TIME';
  if (value instanceof FeelDate || value instanceof FeelTime || isFunction(value) || isRange(value)) return 'UNKNOWN';
  if (typeof value === 'object') return 'OBJECT';
  return 'UNKNOWN';
}

/** Convert a FEEL result to the JSON-compatible value Zeebe would store. */
export function toStoredValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? normaliseNumber(value) : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toStoredValue);
  if (value instanceof FeelDate) return value.iso;
  if (value instanceof FeelDateTime) return formatDateTime(value);
  if (value instanceof FeelTime) return value.iso;
  if (value instanceof FeelDuration) return formatDuration(value);
  if (isFunction(value) || isRange(value) || typeof value === 'function') return null;
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) out[key] = toStoredValue(entry);
    return out;
  }
  return null;
}

function normaliseNumber(value: number): number {
  // -0 is not a JSON integer; FEEL has no negative zero
  return Object.is(value, -0) ? 0 : value;
}

/** Java ISO_ZONED_DATE_TIME: offset always, region id in brackets; UTC as "Z". */
export function formatDateTime(value: FeelDateTime): string {
  const local = value.unwrap().toString();
  const wall = trimFraction(local);
  if (value.zone === null) return wall;
  if (value.zone === 'UTC' || value.zone === 'Z') return `${wall}Z`;
  if (/^[+-]\d{2}:\d{2}$/.test(value.zone)) return `${wall}${value.zone === '+00:00' ? 'Z' : value.zone}`;
  const offset = value.unwrap().toZonedDateTime(value.zone).offset;
  return `${wall}${offset === '+00:00' ? 'Z' : offset}[${value.zone}]`;
}

function trimFraction(isoLocal: string): string {
  // Temporal prints full seconds; Java prints the minimal fraction (".5", ".123")
  return isoLocal.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** Days-time durations as feel-scala prints them (P1DT12H, P0D); years-months as periods (P1Y2M, P0M→P0Y). */
export function formatDuration(value: FeelDuration): string {
  const d = value.unwrap();
  const sign = d.sign < 0 ? '-' : '';
  if (value.yearsMonths) {
    const months = Math.abs(d.years * 12 + d.months);
    const y = Math.floor(months / 12);
    const m = months % 12;
    if (y === 0 && m === 0) return 'P0Y';
    return `${sign}P${y ? `${y}Y` : ''}${m ? `${m}M` : ''}`;
  }
  const totalMs = Math.abs(
    ((d.days * 24 + d.hours) * 60 + d.minutes) * 60_000 + d.seconds * 1000 + d.milliseconds +
      d.microseconds / 1000 + d.nanoseconds / 1e6,
  );
  return sign + formatDaysTime(totalMs);
}

/** Format a non-negative millisecond amount as a normalised days-time duration. */
export function formatDaysTime(totalMs: number): string {
  const days = Math.floor(totalMs / 86_400_000);
  let rest = totalMs - days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  let time = '';
  if (hours) time += `${hours}H`;
  if (minutes) time += `${minutes}M`;
  if (seconds) time += `${Number(seconds.toFixed(9))}S`;
  if (!days && !time) return 'P0D';
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}
