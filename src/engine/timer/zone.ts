/** Wall-clock ↔ instant conversion for a time zone through Intl (no DST handling needed beyond what Intl gives). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // throws a RangeError for an unknown zone id
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isValidZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

const isUtc = (zone: string): boolean => zone === 'UTC' || zone === 'Z' || zone === 'Etc/UTC';

/** The zone's offset from UTC in milliseconds at an instant. */
export function offsetMs(zone: string, epochMs: number): number {
  if (isUtc(zone)) return 0;
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(epochMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/** The wall clock of an instant in a zone, encoded as a UTC epoch (so Date's UTC getters read the fields). */
export function toWallClock(epochMs: number, zone: string): number {
  return epochMs + offsetMs(zone, epochMs);
}

/** The instant of a wall-clock time (encoded as with toWallClock) in a zone. */
export function fromWallClock(wallMs: number, zone: string): number {
  if (isUtc(zone)) return wallMs;
  const guess = wallMs - offsetMs(zone, wallMs);
  return wallMs - offsetMs(zone, guess);
}
