import { createAccount } from '../../src/db/accounts';
import { type Store } from '../../src/db/connect';
import { seedDemoData } from '../../src/db/seed';
import notify from '../../workers/notify';
import { createMailer } from '../../workers/runtime/mailer';
import { type JobInfo } from '../../workers/runtime/types';
import { dialects, useStores } from '../support/stores';
import { completed, harness, job, startSmtp } from '../support/workers';

const LIUYUAN = '370404103'; // 榴园镇, head 胡月明 (p-head-370404103)
const by = { name: 'test', at: '2026-09-16T10:00:00+08:00' };

/** The demo data plus the town's 安全生产联络员, a second account of the unit that is not its head. */
async function withLiaison(store: Store): Promise<void> {
  await seedDemoData(store.db);
  await store.db.insertInto('people').values({
    id: 'p-liaison-liuyuan', name: '孔令军', unit_code: LIUYUAN, post: '安全生产联络员', rank: '科员', expert: 0, safety_years: 2,
    email: 'p-liaison-liuyuan@yicheng.local', phone: null, created_at: by.at,
  }).execute();
  await createAccount(store.db, by, { login: 'lianluoyuan-liuyuan', password: 'x'.repeat(12), displayName: '孔令军',
    personId: 'p-liaison-liuyuan', unitCode: LIUYUAN, roles: [{ role: 'unit', unitCode: LIUYUAN }] });
}

/** The logins whose inbox got the job's message. */
async function inboxLogins(store: Store, j: JobInfo): Promise<string[]> {
  const rows = await store.db.selectFrom('notifications').innerJoin('accounts', 'accounts.id', 'notifications.account_id')
    .select('accounts.login').where('idempotency_key', 'like', `yc-notify:${j.elementInstanceKey}:%`).orderBy('accounts.login').execute();
  return rows.map((r) => r.login);
}

describe.each(dialects)('yc-notify unit-head on %s', (dialect) => {
  const stores = useStores(dialect);

  it('reaches only the unit\'s 主要负责人, while unit reaches every account of the unit', async () => {
    // given
    const store = await stores.open();
    await withLiaison(store);
    const smtp = await startSmtp();
    const h = await harness(store, { mailer: createMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'ajb@yicheng.local' }) });
    const headJob = job('yc-notify', { unitCode: LIUYUAN }, { template: 'feedback', to: 'unit-head' });
    const unitJob = job('yc-notify', { unitCode: LIUYUAN }, { template: 'feedback', to: 'unit' });
    // when
    const toHead = await h.run(notify, headJob);
    const toUnit = await h.run(notify, unitJob);
    // then
    expect(completed(toHead)).toEqual({ notified: 1 });
    expect(completed(toUnit)).toEqual({ notified: 2 });
    expect(await inboxLogins(store, headJob)).toEqual([`danwei-${LIUYUAN}`]);
    expect(await inboxLogins(store, unitJob)).toEqual([`danwei-${LIUYUAN}`, 'lianluoyuan-liuyuan']);
    expect(smtp.mails.map((m) => m.to).flat().sort()).toEqual([
      'p-head-370404103@yicheng.local', 'p-head-370404103@yicheng.local', 'p-liaison-liuyuan@yicheng.local',
    ]);
    await smtp.stop();
    await h.cleanup();
  }, 60_000);

  it('mails a head who has no account, and falls back to the unit\'s accounts where no head is recorded', async () => {
    // given the head of 榴园镇 without an account, and a unit whose head is not recorded
    const store = await stores.open();
    await withLiaison(store);
    await store.db.updateTable('accounts').set({ disabled: 1 }).where('login', '=', `danwei-${LIUYUAN}`).execute();
    await store.db.updateTable('units').set({ head_person_id: null }).where('code', '=', '370404104').execute();
    const smtp = await startSmtp();
    const h = await harness(store, { mailer: createMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'ajb@yicheng.local' }) });
    // when
    const headWithoutAccount = await h.run(notify, job('yc-notify', { unitCode: LIUYUAN }, { template: 'feedback', to: 'unit-head' }));
    const noHeadRecorded = await h.run(notify, job('yc-notify', { unitCode: '370404104' }, { template: 'feedback', to: 'unit-head' }));
    // then
    expect(completed(headWithoutAccount)).toEqual({ notified: 1 });
    expect(completed(noHeadRecorded)).toEqual({ notified: 1 });
    expect(smtp.mails.map((m) => m.to).flat().sort()).toEqual(['p-head-370404103@yicheng.local', 'p-head-370404104@yicheng.local']);
    const outbox = await store.db.selectFrom('notifications').select('account_id').where('account_id', 'like', 'person:%').execute();
    expect(outbox).toEqual([{ account_id: 'person:p-head-370404103' }]);
    await smtp.stop();
    await h.cleanup();
  }, 60_000);

  it('records the 主要负责人 of every 镇街, the zone and every member unit in the demo data', async () => {
    // given
    const store = await stores.open();
    // when
    await seedDemoData(store.db);
    // then
    const units = await store.db.selectFrom('units').leftJoin('people', 'people.id', 'units.head_person_id')
      .select(['units.code', 'units.kind', 'people.unit_code as headUnit']).where('units.kind', '!=', 'enterprise').execute();
    expect(units.length).toBeGreaterThan(8);
    expect(units.filter((u) => u.headUnit !== u.code)).toEqual([]);
  }, 60_000);
});
