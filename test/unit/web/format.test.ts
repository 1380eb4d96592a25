import { cellText } from '../../../src/web/export/table';
import { formatDate, formatTime, sortableTime } from '../../../src/web/views/format';

describe('dates as people read them', () => {
  it('shows dates and date-times in Chinese, in China Standard Time', () => {
    // given an instant late in the UTC day, which is already the next day in Shanghai
    const late = '2027-02-28T16:30:00Z';
    // when / then
    expect(formatDate('2027-03-01')).toBe('2027年3月1日');
    expect(formatDate(late)).toBe('2027年3月1日');
    expect(formatTime(late)).toBe('2027年3月1日 00:30');
    expect(formatTime('2027-03-01T15:00:00+08:00')).toBe('2027年3月1日 15:00');
    expect(formatTime('2027-03-01')).toBe('2027年3月1日');
    expect(formatTime('2026-12-31T23:59:59.999+08:00')).toBe('2026年12月31日 23:59');
  });

  it('leaves blanks as a dash and text it cannot read as it is', () => {
    expect(formatDate(undefined)).toBe('—');
    expect(formatTime(null)).toBe('—');
    expect(formatTime('尽快')).toBe('尽快');
  });

  it('keeps a sortable form for exports and the Chinese one for register pages', () => {
    expect(sortableTime('2027-03-01T07:00:00Z')).toBe('2027-03-01 15:00');
    expect(cellText({ kind: 'datetime' }, '2027-03-01T07:00:00Z')).toBe('2027年3月1日 15:00');
    expect(cellText({ kind: 'datetime' }, '2027-03-01')).toBe('2027年3月1日');
    expect(cellText({ kind: 'datetime' }, null)).toBe('');
    expect(cellText({}, '2027-03-01')).toBe('2027-03-01');
  });
});
