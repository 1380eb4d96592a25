/** Building FEEL temporal values from the injected clock and zone conversions, without touching Date.now(). */
import { type FeelDate, FeelDateTime, parseDate, parseDateTime } from 'feelin';

/** The engine clock as a zoned FEEL date and time in UTC (the zone of Camunda's images). */
export function feelNow(nowEpochMs: number): FeelDateTime {
  const value = parseDateTime(new Date(nowEpochMs).toISOString());
  if (!value) throw new Error(`clock value ${nowEpochMs} is not a valid instant`);
  return value;
}

export function feelToday(nowEpochMs: number): FeelDate {
  const value = parseDate(new Date(nowEpochMs).toISOString().slice(0, 10));
  if (!value) throw new Error(`clock value ${nowEpochMs} is not a valid instant`);
  return value;
}

/** Epoch milliseconds of a FEEL date and time; a local one is read as UTC (no zone means UTC in Zeebe timers). */
export function epochMsOf(value: FeelDateTime): number {
  return Number(value.unwrap().toZonedDateTime(value.zone ?? 'UTC').epochMilliseconds);
}

/**
 * Camunda's `date and time(value, timezone)`: a zoned date-time moved to the same instant in `zone`, a local one
 * placed at its wall clock in `zone` (feel-scala's withZoneSameInstant / atZone). Throws for an unknown zone.
 */
export function inZone(value: FeelDateTime, zone: string): FeelDateTime {
  const target = new FeelDateTime(value.unwrap(), zone);
  // validates the zone (Temporal throws for an unknown one)
  target.unwrap().toZonedDateTime(zone);
  if (value.zone === null) return target;
  const instant = value.unwrap().toZonedDateTime(value.zone === 'Z' ? 'UTC' : value.zone).toInstant();
  return new FeelDateTime(instant.toZonedDateTimeISO(zone).toPlainDateTime(), zone);
}
