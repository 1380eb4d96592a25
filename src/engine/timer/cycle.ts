/**
 * `timeCycle` values: ISO-8601 repeating intervals `R[n]/[start/]duration` (`R/…` repeats forever) or a
 * Spring cron expression (repeats forever).
 */
import { CronExpression } from './cron';
import { parseIsoDateTime } from './date-time';
import { parseIsoDuration, type IsoDuration } from './duration';

export type ParsedCycle =
  | { kind: 'interval'; repetitions: number; startEpochMs: number | null; interval: IsoDuration }
  | { kind: 'cron'; cron: CronExpression };

export const INFINITE = -1;

export function parseCycle(text: string): ParsedCycle | null {
  const trimmed = text.trim();
  if (/^R/i.test(trimmed)) {
    const parts = trimmed.split('/');
    const count = /^R(\d*)$/i.exec(parts[0]);
    if (!count || parts.length < 2 || parts.length > 3) return null;
    const repetitions = count[1] === '' ? INFINITE : Number(count[1]);
    const start = parts.length === 3 ? parseIsoDateTime(parts[1]) : null;
    if (parts.length === 3 && start === null) return null;
    const interval = parseIsoDuration(parts[parts.length - 1]);
    // a zero or negative interval would fire without end
    if (!interval || interval.sign < 0 || (interval.years + interval.months + interval.days === 0 && interval.timeMs === 0)) {
      return null;
    }
    return { kind: 'interval', repetitions, startEpochMs: start, interval };
  }
  const cron = CronExpression.parse(trimmed);
  return 'error' in cron ? null : { kind: 'cron', cron };
}
