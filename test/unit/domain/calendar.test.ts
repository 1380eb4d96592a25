import {
  CalendarError, addCalendarDays, addMonths, addMonthsRaw, addWorkingDays, chinaDate, dueDate, endOfDay, isWorkingDay,
  OFFICIAL_CALENDAR, subtractWorkingDays,
} from '../../../src/domain/calendar';

const cal = OFFICIAL_CALENDAR;

describe('legal calendar', () => {
  it('knows the 2026 National Day holiday and its make-up working days', () => {
    // given the State Council's 2026 arrangement: 10-01…10-07 off, Sunday 09-20 and Saturday 10-10 worked
    // when / then
    expect(['2026-10-01', '2026-10-04', '2026-10-07'].map((d) => isWorkingDay(cal, d))).toEqual([false, false, false]);
    expect(isWorkingDay(cal, '2026-09-20')).toBe(true);
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true);
    expect(isWorkingDay(cal, '2026-09-19')).toBe(false);
  });

  it('does not count the start day for calendar days', () => {
    // given on-site work ending on Monday 2026-03-02 and a 15-day report period
    // when
    const due = addCalendarDays(cal, '2026-03-02', 15);
    // then
    expect(due).toBe('2026-03-17');
  });

  it('moves a calendar-day deadline that ends in the holiday to the next working day', () => {
    // given a 15-day period that would end on 2026-10-01
    // when
    const due = dueDate(cal, 'calendar-days', '2026-09-16', 15);
    // then
    expect(due).toBe('2026-10-08');
  });

  it('counts working days across the holiday and on a 调休 Saturday', () => {
    // when / then
    expect(addWorkingDays(cal, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(cal, '2026-10-09', 1)).toBe('2026-10-10');
    expect(addWorkingDays(cal, '2026-09-18', 1)).toBe('2026-09-20');
    expect(addWorkingDays(cal, '2026-09-25', 5)).toBe('2026-10-09'); // 09-28, 09-29, 09-30, 10-08, 10-09
    expect(subtractWorkingDays(cal, '2026-10-09', 3)).toBe('2026-09-29');
  });

  it('applies the month-end rule and the holiday shift to month periods', () => {
    // when / then
    expect(addMonthsRaw('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsRaw('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsRaw('2026-12-15', 2)).toBe('2027-02-15');
    expect(addMonths(cal, '2026-08-01', 2)).toBe('2026-10-08');
    expect(addMonths(cal, '2026-05-14', 2)).toBe('2026-07-14');
  });

  it('works with instants in China time and ends deadlines at 23:59:59+08:00', () => {
    // given 2026-09-30 17:00 UTC, which is already 10-01 01:00 in China
    // when / then
    expect(chinaDate('2026-09-30T17:00:00Z')).toBe('2026-10-01');
    expect(endOfDay('2026-10-08')).toBe('2026-10-08T23:59:59+08:00');
    expect(chinaDate('2026-09-30T23:30:00+08:00[Asia/Shanghai]')).toBe('2026-09-30');
    expect(chinaDate('2026-09-30T23:30')).toBe('2026-09-30');
  });

  it('rejects bad dates and amounts with a clear error', () => {
    // when / then
    expect(() => addCalendarDays(cal, '2026-02-30', 1)).toThrow(new CalendarError('no such date: 2026-02-30'));
    expect(() => dueDate(cal, 'working-days', '2026-01-05', -1)).toThrow('expected a whole, non-negative amount');
    expect(() => chinaDate('tomorrow')).toThrow(CalendarError);
  });
});
