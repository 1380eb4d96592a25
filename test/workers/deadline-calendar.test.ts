import { replaceCalendarYear } from '../../src/db/calendar';
import { inbox } from '../../src/db/notifications';
import { seedDemoData } from '../../src/db/seed';
import { parseArrangement } from '../../src/domain/holiday-arrangement';
import deadline from '../../workers/deadline';
import { CALENDAR_GAP_TEMPLATE } from '../../workers/notify/calendar-gap';
import { dialects, useStores } from '../support/stores';
import { harness, job } from '../support/workers';

const NOW = '2027-01-25T02:00:00.000Z';
const headers = { rule: 'calendar-days', amount: '15', from: 'feedbackAt', result: 'reportDue' };
const vars = { feedbackAt: '2027-01-25T10:00:00+08:00' };

describe.each(dialects)('yc-deadline and the entered holiday arrangement on %s', (dialect) => {
  const stores = useStores(dialect);

  it('counts weekends only for 2027 and tells the office once, then applies the arrangement entered meanwhile', async () => {
    // given the demo organisation (one 区安委办 account) and no 2027 arrangement
    const store = await stores.open();
    await seedDemoData(store.db, NOW);
    const h = await harness(store, { now: NOW });
    const office = await store.db.selectFrom('accounts').select('id').where('login', '=', 'anweiban').executeTakeFirstOrThrow();
    try {
      // when two deadlines are computed before the arrangement is entered
      const first = await h.run(deadline, job('yc-deadline', vars, headers));
      const second = await h.run(deadline, job('yc-deadline', vars, { ...headers, amount: '20' }));
      const notices = (await inbox(store.db, office.id)).filter((n) => n.template === CALENDAR_GAP_TEMPLATE);
      // and the office enters the 2027 Spring Festival
      await replaceCalendarYear(store.db, { name: 'anweiban', at: NOW }, 2027, parseArrangement({
        year: 2027, holidays: '2027-02-06..2027-02-12 春节', workdays: '2027-02-14 春节调休上班',
      }), '国办发明电〔2026〕7号');
      const after = await h.run(deadline, job('yc-deadline', vars, headers));
      // then the first answers ignore the festival, one notice went out, and the next job uses the arrangement
      expect(first).toEqual({ outcome: 'complete', variables: { reportDue: '2027-02-09T23:59:59+08:00' } });
      expect(second).toEqual({ outcome: 'complete', variables: { reportDue: '2027-02-15T23:59:59+08:00' } });
      expect(notices.map((n) => n.subject)).toEqual(['请录入2027年节假日安排']);
      expect(notices[0]!.body).toContain('/admin/calendar');
      expect(after).toEqual({ outcome: 'complete', variables: { reportDue: '2027-02-14T23:59:59+08:00' } });
      expect((await inbox(store.db, office.id)).filter((n) => n.template === CALENDAR_GAP_TEMPLATE)).toHaveLength(1);
    } finally {
      await h.cleanup();
    }
  }, 60_000);

  it('computes a deadline marked once on the first pass only and keeps it when a loop comes back', async () => {
    // given
    const store = await stores.open();
    await seedDemoData(store.db, NOW);
    const h = await harness(store);
    const once = { ...headers, once: 'true', remindBefore: '3' };
    try {
      // when the element is entered the first time, and again with the deadline the first pass set
      const first = await h.run(deadline, job('yc-deadline', { feedbackAt: '2026-09-16T10:00:00+08:00' }, once));
      const again = await h.run(deadline, job('yc-deadline', { feedbackAt: '2026-09-20T10:00:00+08:00', reportDue: '2026-10-08T23:59:59+08:00' }, once));
      const unmarked = await h.run(deadline, job('yc-deadline', { feedbackAt: '2026-09-16T10:00:00+08:00', reportDue: '2026-01-01T23:59:59+08:00' }, headers));
      // then the first pass computes it, the loop keeps it (no variables), and without the mark it is computed again
      expect(first).toEqual({ outcome: 'complete', variables: { reportDue: '2026-10-08T23:59:59+08:00', reportDueReminder: '2026-09-28T09:00:00+08:00' } });
      expect(again).toEqual({ outcome: 'complete', variables: {} });
      expect(unmarked).toEqual({ outcome: 'complete', variables: { reportDue: '2026-10-08T23:59:59+08:00' } });
    } finally {
      await h.cleanup();
    }
  }, 60_000);

  it('sends no notice for deadlines inside the years chinese-days covers', async () => {
    // given
    const store = await stores.open();
    await seedDemoData(store.db, NOW);
    const h = await harness(store);
    try {
      // when
      const outcome = await h.run(deadline, job('yc-deadline', { feedbackAt: '2026-09-16T10:00:00+08:00' }, headers));
      // then
      expect(outcome).toEqual({ outcome: 'complete', variables: { reportDue: '2026-10-08T23:59:59+08:00' } });
      const notices = await store.db.selectFrom('notifications').select('id').where('template', '=', CALENDAR_GAP_TEMPLATE).execute();
      expect(notices).toEqual([]);
    } finally {
      await h.cleanup();
    }
  }, 60_000);
});
