import { monthOf, statusOf, sum, tally } from '../../../src/domain/compliance/figures';

const NOW = new Date('2026-11-28T12:00:00+08:00');

describe('compliance figures', () => {
  it('counts done by the deadline as on time, done after it as late, open past it as overdue, open before it as open', () => {
    // given
    const due = '2026-11-20T09:00:00+08:00';
    // then
    expect(statusOf({ dueAt: due, doneAt: '2026-11-20T09:00:00+08:00' }, NOW)).toBe('onTime');
    expect(statusOf({ dueAt: due, doneAt: '2026-11-20T09:00:01+08:00' }, NOW)).toBe('late');
    expect(statusOf({ dueAt: due }, NOW)).toBe('overdue');
    expect(statusOf({ dueAt: due }, new Date('2026-11-20T08:59:59+08:00'))).toBe('open');
  });

  it('groups by the month the deadline falls in, China Standard Time', () => {
    // given: 31 October 20:00 UTC is 1 November in Beijing
    const occurrences = [
      { row: 'a', title: '甲', dueAt: '2026-10-31T20:00:00Z', doneAt: '2026-10-30T00:00:00Z' },
      { row: 'a', title: '乙', dueAt: '2026-10-31T15:00:00Z' },
    ];
    // when
    const byMonth = tally(occurrences, NOW, (o) => monthOf(o.dueAt));
    // then
    expect([...byMonth]).toEqual([
      ['2026-10', { due: 1, onTime: 0, late: 0, open: 0, overdue: 1 }],
      ['2026-11', { due: 1, onTime: 1, late: 0, open: 0, overdue: 0 }],
    ]);
    expect(sum(byMonth.values())).toEqual({ due: 2, onTime: 1, late: 0, open: 0, overdue: 1 });
  });
});
