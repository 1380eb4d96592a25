import { addWorkingDays, dueDate, isWorkingDay, OFFICIAL_CALENDAR, WorkCalendar } from '../../../src/domain/calendar';
import { type ArrangementError, formatArrangement, parseArrangement } from '../../../src/domain/holiday-arrangement';

// A 2027 arrangement as the office would type it from the State Council's notice
const SPRING_2027 = { year: 2027, holidays: '2027-02-06..2027-02-12 春节', workdays: '2027-02-14 春节调休上班\n2027-02-20 春节调休上班' };

describe('work calendar with entered arrangements', () => {
  it('keeps the 2026 National Day from chinese-days and reports 2026 as official', () => {
    // given a calendar with a 2027 arrangement entered
    const cal = new WorkCalendar(parseArrangement(SPRING_2027));
    // when / then
    expect(cal.coverage(2026)).toBe('official');
    expect(['2026-10-01', '2026-10-07', '2026-10-10'].map((d) => isWorkingDay(cal, d))).toEqual([false, false, true]);
    expect(dueDate(cal, 'calendar-days', '2026-09-16', 15)).toBe('2026-10-08');
  });

  it('moves a due date out of an entered 2027 Spring Festival onto its 调休 Sunday', () => {
    // given 15 calendar days from Monday 2027-01-25, ending on Tuesday 2027-02-09
    const entered = new WorkCalendar(parseArrangement(SPRING_2027));
    // when
    const before = dueDate(OFFICIAL_CALENDAR, 'calendar-days', '2027-01-25', 15);
    const after = dueDate(entered, 'calendar-days', '2027-01-25', 15);
    // then the holiday runs to Friday 02-12, Saturday 02-13 is a rest day, Sunday 02-14 is worked
    expect(before).toBe('2027-02-09');
    expect(after).toBe('2027-02-14');
    expect(addWorkingDays(entered, '2027-02-05', 2)).toBe('2027-02-15');
    expect(entered.coverage(2027)).toBe('entered');
  });

  it('reports a year with neither chinese-days data nor an entered arrangement as weekends only', () => {
    // given the calendar package ends with 2026 and nothing is entered
    const cal = new WorkCalendar();
    // when / then
    expect(cal.coverage(2027)).toBe('weekends-only');
    expect(isWorkingDay(cal, '2027-02-08')).toBe(true); // a Monday that the 2027 Spring Festival will cover
    expect(isWorkingDay(cal, '2027-02-13')).toBe(false);
  });

  it('lists a year\'s holidays and make-up days, with where each comes from', () => {
    // given
    const cal = new WorkCalendar(parseArrangement(SPRING_2027));
    // when
    const days2027 = cal.specialDays(2027);
    const national2026 = cal.specialDays(2026).filter((d) => d.date >= '2026-09-20' && d.date <= '2026-10-10');
    // then
    expect(days2027.map((d) => `${d.date} ${d.kind}`)).toEqual([
      ...['06', '07', '08', '09', '10', '11', '12'].map((d) => `2027-02-${d} holiday`), '2027-02-14 workday', '2027-02-20 workday',
    ]);
    expect(days2027.every((d) => d.from === 'entered')).toBe(true);
    expect(national2026.map((d) => `${d.date} ${d.kind} ${d.from}`)).toEqual([
      '2026-09-20 workday official', ...['25', '26', '27'].map((d) => `2026-09-${d} holiday official`), ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d} holiday official`), '2026-10-10 workday official',
    ]);
    expect([national2026[1]!.name, national2026[4]!.name]).toEqual(['中秋', '国庆节']);
  });
});

describe('holiday arrangement form', () => {
  it('reads periods and single days and writes them back as the same lines', () => {
    // when
    const days = parseArrangement(SPRING_2027);
    // then
    expect(days).toHaveLength(9);
    expect(days[0]).toEqual({ date: '2027-02-06', kind: 'holiday', name: '春节' });
    expect(formatArrangement(days)).toEqual({ holidays: SPRING_2027.holidays, workdays: SPRING_2027.workdays });
  });

  it('names every bad line in Chinese', () => {
    // given
    const bad = { year: 2027, holidays: '2027-02-06..2027-02-12 春节\n2027-13-01 元旦\n2028-01-01 元旦\n二月六日 春节', workdays: '2027-02-07 调休' };
    // when
    let problems: string[] = [];
    try {
      parseArrangement(bad);
    } catch (err) {
      problems = (err as ArrangementError).problems;
    }
    // then
    expect(problems).toEqual([
      expect.stringContaining('放假安排第2行日期无效'),
      '放假安排第3行不在2027年内。',
      expect.stringContaining('放假安排第4行格式应为'),
      '2027-02-07重复出现。',
    ]);
    expect(() => parseArrangement({ year: 2027, holidays: '', workdays: '' })).toThrow('请至少填写一个放假时段。');
  });
});
