/**
 * `timeDate` values: ISO-8601 date-times with `Z`, an offset, an offset plus `[Zone/Id]`, or only `[Zone/Id]`;
 * without a zone the time is read as UTC.
 */
import { fromWallClock, isValidZone } from './zone';

const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?(?:\[([^\]]+)\])?$/i;

export function parseIsoDateTime(text: string): number | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction, offset, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (new Date(wall).getUTCDate() !== day) return null;
  if (zone !== undefined && !isValidZone(zone)) return null;
  if (offset !== undefined) return wall - offsetMs(offset);
  return zone === undefined ? wall : fromWallClock(wall, zone);
}

function offsetMs(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  return sign * (hours * 60 + minutes) * 60_000;
}
