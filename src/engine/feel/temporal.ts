/** Building FEEL temporal values from the injected clock and zone conversions, without touching Date.now(). */
import { type FeelDate, type FeelDateTime, parseDate, parseDateTime } from 'feelin';

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
