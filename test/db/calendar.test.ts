import { auditTrail } from '../../src/db/audit';
import { calendarYear, loadWorkCalendar, removeCalendarYear, replaceCalendarYear, workCalendar } from '../../src/db/calendar';
import { type CalendarOverride } from '../../src/domain/calendar';
import { dialects, rejectionOf, useStores } from '../support/stores';

const office = { name: 'anweiban', at: '2026-12-10T02:00:00.000Z' };
const SOURCE = '国办发明电〔2026〕7号';
const spring: CalendarOverride[] = [
  ...['06', '07', '08', '09', '10', '11', '12'].map((d) => ({ date: `2027-02-${d}`, kind: 'holiday' as const, name: '春节' })),
  { date: '2027-02-14', kind: 'workday', name: '春节调休上班' },
];

describe.each(dialects)('calendar days on %s', (dialect) => {
  const stores = useStores(dialect);

  it('enters a year, lists it with source and author, and the work calendar applies it', async () => {
    // given
    const { db } = await stores.open();
    expect((await workCalendar(db)).coverage(2027)).toBe('weekends-only');
    // when
    await replaceCalendarYear(db, office, 2027, spring, SOURCE);
    // then
    const listed = await calendarYear(db, 2027);
    expect(listed).toHaveLength(8);
    expect(listed[0]).toEqual({ date: '2027-02-06', kind: 'holiday', name: '春节', source: SOURCE, enteredBy: 'anweiban', enteredAt: office.at });
    const calendar = await workCalendar(db);
    expect(calendar.coverage(2027)).toBe('entered');
    expect([calendar.isWorkingDay('2027-02-08'), calendar.isWorkingDay('2027-02-14')]).toEqual([false, true]);
    expect(await calendarYear(db, 2026)).toEqual([]);
  }, 60_000);

  it('replaces a year atomically: a failing arrangement leaves the previous one whole', async () => {
    // given
    const { db } = await stores.open();
    await replaceCalendarYear(db, office, 2027, spring, SOURCE);
    // when the new arrangement repeats a date, and then a correct one replaces the old
    const failed = await rejectionOf(replaceCalendarYear(db, office, 2027, [spring[0]!, spring[0]!], SOURCE));
    const kept = await calendarYear(db, 2027);
    await replaceCalendarYear(db, { ...office, name: 'admin' }, 2027, [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }], '国办发明电〔2026〕8号');
    // then
    expect(failed).toMatch(/unique|duplicate/i);
    expect(kept).toHaveLength(8);
    expect((await calendarYear(db, 2027)).map((d) => `${d.date} ${d.name} ${d.enteredBy}`)).toEqual(['2027-01-01 元旦 admin']);
    const trail = await auditTrail(db, { entity: 'calendar_days', entityId: '2027' });
    expect(trail.map((t) => [t.actor, t.action, t.data.replaced])).toEqual([['anweiban', 'calendar.replace-year', 0], ['admin', 'calendar.replace-year', 8]]);
  }, 60_000);

  it('refuses days outside the year and an arrangement without source', async () => {
    // given
    const { db } = await stores.open();
    // when / then
    expect(await rejectionOf(replaceCalendarYear(db, office, 2028, spring, SOURCE))).toBe('calendar day 2027-02-06 is not in 2028');
    expect(await rejectionOf(replaceCalendarYear(db, office, 2027, spring, ' '))).toBe('the source of a holiday arrangement is required');
    expect(await calendarYear(db, 2027)).toEqual([]);
  }, 60_000);

  it('removes a year, with an audit record, and the year falls back to weekends only', async () => {
    // given
    const { db } = await stores.open();
    await replaceCalendarYear(db, office, 2027, spring, SOURCE);
    // when
    const removed = await removeCalendarYear(db, office, 2027);
    // then
    expect(removed).toBe(8);
    expect((await loadWorkCalendar(db)).coverage(2027)).toBe('weekends-only');
    expect((await auditTrail(db, { entity: 'calendar_days' })).map((t) => t.action)).toEqual(['calendar.replace-year', 'calendar.remove-year']);
  }, 60_000);
});
