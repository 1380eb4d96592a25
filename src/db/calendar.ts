import { type CalendarOverride, WorkCalendar } from '../domain/calendar';
import { type Actor, audit } from './audit';
import { type Db } from './connect';

/** An entered calendar day with where it comes from and who entered it. */
export interface EnteredDay extends CalendarOverride {
  source: string;
  enteredBy: string;
  enteredAt: string;
}

/** The entered days of one year, in date order. */
export async function calendarYear(db: Db, year: number): Promise<EnteredDay[]> {
  const rows = await db.selectFrom('calendar_days').selectAll().where('year', '=', year).orderBy('date').execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, source: r.source, enteredBy: r.entered_by, enteredAt: r.entered_at }));
}

/**
 * Enters a year's arrangement, replacing what was entered for that year before, in one transaction with its
 * audit record; every day must lie in that year.
 */
export async function replaceCalendarYear(db: Db, by: Actor, year: number, days: readonly CalendarOverride[], source: string): Promise<void> {
  const outside = days.find((d) => !d.date.startsWith(`${year}-`));
  if (outside) throw new Error(`calendar day ${outside.date} is not in ${year}`);
  if (!source.trim()) throw new Error('the source of a holiday arrangement is required');
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('calendar_days').where('year', '=', year).executeTakeFirst();
    if (days.length) {
      await trx.insertInto('calendar_days').values(days.map((d) => ({
        date: d.date, year, kind: d.kind, name: d.name, source: source.trim(), entered_by: by.name, entered_at: by.at,
      }))).execute();
    }
    await audit(trx, by, 'calendar.replace-year', 'calendar_days', String(year), {
      source: source.trim(), replaced: Number(removed.numDeletedRows), days: days.map((d) => `${d.date} ${d.kind} ${d.name}`),
    });
  });
  forgetCalendar(db);
}

/** Removes a year's entered arrangement (the year falls back to chinese-days or weekends only). */
export async function removeCalendarYear(db: Db, by: Actor, year: number): Promise<number> {
  const removed = await db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('calendar_days').where('year', '=', year).executeTakeFirst();
    await audit(trx, by, 'calendar.remove-year', 'calendar_days', String(year), { removed: Number(result.numDeletedRows) });
    return Number(result.numDeletedRows);
  });
  forgetCalendar(db);
  return removed;
}

/** The calendar of chinese-days with every entered day. */
export async function loadWorkCalendar(db: Db): Promise<WorkCalendar> {
  const rows = await db.selectFrom('calendar_days').select(['date', 'kind', 'name']).execute();
  return new WorkCalendar(rows);
}

const CACHE_MS = 5_000;
const cache = new WeakMap<Db, { loadedAt: number; calendar: Promise<WorkCalendar> }>();

/**
 * The work calendar for a job, loaded at most every 5 s per database handle; writes through this module drop
 * the cached copy at once, so an arrangement entered in the same process applies to the next job.
 */
export function workCalendar(db: Db, nowMs: number = Date.now()): Promise<WorkCalendar> {
  const hit = cache.get(db);
  if (hit && nowMs - hit.loadedAt < CACHE_MS && nowMs >= hit.loadedAt) return hit.calendar;
  const calendar = loadWorkCalendar(db);
  cache.set(db, { loadedAt: nowMs, calendar });
  calendar.catch(() => cache.delete(db));
  return calendar;
}

export function forgetCalendar(db: Db): void {
  cache.delete(db);
}
