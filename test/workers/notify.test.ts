import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { findAccountByLogin } from '../../src/db/accounts';
import { inbox } from '../../src/db/notifications';
import { seedDemoData } from '../../src/db/seed';
import notify from '../../workers/notify';
import { TEMPLATE_NAMES, TEMPLATES, render } from '../../workers/notify/templates';
import record from '../../workers/record';
import { createMailer } from '../../workers/runtime/mailer';
import { createSmsWebhook } from '../../workers/runtime/sms';
import { dialects, useStores } from '../support/stores';
import { completed, harness, job, startSmtp } from '../support/workers';

describe('notification templates', () => {
  it('has a Chinese template for every template name of JOB-TYPES.md', () => {
    // given
    const contract = readFileSync(join(__dirname, '../../workers/JOB-TYPES.md'), 'utf8');
    const section = contract.slice(contract.indexOf('Notification templates:'), contract.indexOf('Messages ('));
    const names = [...section.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]).sort();
    // when / then
    expect(TEMPLATE_NAMES.sort()).toEqual(names);
    for (const name of names) {
      const { subject, body } = render(name, { unitName: '榴园镇', due: '2026年10月8日' });
      expect(subject).toMatch(/[\u4e00-\u9fa5]/);
      expect(body).toContain('峄城区安全生产委员会办公室');
    }
    expect(TEMPLATES.listing.urgent).toBe(true);
  });
});

describe.each(dialects)('yc-notify on %s', (dialect) => {
  const stores = useStores(dialect);

  it('mails every recipient once over SMTP, fills the inbox and texts urgent messages', async () => {
    // given
    const store = await stores.open();
    await seedDemoData(store.db);
    await store.db.updateTable('people').set({ phone: '13800000001' }).where('id', '=', 'p-head-370404103').execute();
    const smtp = await startSmtp();
    const texts: { to: string; text: string }[] = [];
    const sms: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => { texts.push(JSON.parse(body)); res.end('ok'); });
    });
    await new Promise<void>((r) => sms.listen(0, '127.0.0.1', () => r()));
    const smsPort = (sms.address() as { port: number }).port;
    const mailer = createMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: '峄城区安委办 <ajb@yicheng.local>' });
    const h = await harness(store, { mailer, sms: createSmsWebhook(`http://127.0.0.1:${smsPort}/sms`) });
    const inspectionId = completed(await h.run(record, job('yc-record', { unitCode: '370404103' }, { action: 'inspection-opened' }))).inspectionId;
    const talk = job('yc-notify', { inspectionId, talkAt: '2026-10-09T09:00:00+08:00', reason: '重大事故隐患久拖不改' },
      { template: 'talk', to: 'unit, office, copy-offices' });
    // when
    const first = await h.run(notify, talk);
    const again = await h.run(notify, talk);
    // then
    expect(completed(first)).toEqual({ notified: 6 }); // 1 unit head, 2 office staff, 3 copy offices
    expect(again).toEqual(first);
    expect(smtp.mails).toHaveLength(6);
    expect(new Set(smtp.mails.flatMap((m) => m.to))).toEqual(new Set([
      'p-head-370404103@yicheng.local', 'p-office-1@yicheng.local', 'p-office-2@yicheng.local',
      'p-copy-zuzhibu@yicheng.local', 'p-copy-zhengfawei@yicheng.local', 'p-copy-wenmingban@yicheng.local',
    ]));
    expect(smtp.mails[0].subject).toBe('【约谈通知】区安委会约谈榴园镇负责人');
    expect(smtp.mails[0].text).toContain('因重大事故隐患久拖不改，区安委会定于2026年10月9日约谈你单位主要负责人');
    expect(smtp.mails[0].from).toBe('ajb@yicheng.local');
    expect(texts).toEqual([{ to: '13800000001', text: expect.stringContaining('【约谈通知】') }]);
    const head = (await findAccountByLogin(store.db, 'danwei-370404103'))!;
    expect((await inbox(store.db, head.id)).map((m) => m.subject)).toEqual(['【约谈通知】区安委会约谈榴园镇负责人']);
    mailer.close();
    await smtp.stop();
    await new Promise((r) => sms.close(r));
    await h.cleanup();
  }, 60_000);

  it('copies the results to the three offices in their own accounts (inbox and e-mail) and to the committee; an office without an account gets its mailbox', async () => {
    // given the demo district, where 区文明办's account has been switched off
    const store = await stores.open();
    await seedDemoData(store.db);
    await store.db.updateTable('accounts').set({ disabled: 1 }).where('login', '=', 'wenmingban').execute();
    const smtp = await startSmtp();
    const mailer = createMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: '峄城区安委办 <ajb@yicheng.local>' });
    const h = await harness(store, { mailer });
    const inspectionId = completed(await h.run(record, job('yc-record', { unitCode: '370404103' }, { action: 'inspection-opened' }))).inspectionId;
    // when the results are copied
    const outcome = await h.run(notify, job('yc-notify', { inspectionId }, { template: 'results-copy', to: 'copy-offices,committee' }));
    // then 组织部 and 政法委 (综治办) read it in their inboxes, 文明办 gets it in its official mailbox, the committee too
    expect(completed(outcome)).toEqual({ notified: 4 });
    for (const login of ['zuzhibu', 'zhengfawei', 'anweihui']) {
      const account = (await findAccountByLogin(store.db, login))!;
      expect((await inbox(store.db, account.id)).map((m) => m.subject)).toEqual(['【抄送】榴园镇安全生产巡查结果']);
    }
    expect(new Set(smtp.mails.flatMap((m) => m.to))).toEqual(new Set([
      'p-copy-zuzhibu@yicheng.local', 'p-copy-zhengfawei@yicheng.local', 'yc-m-05@yicheng.local', 'p-director@yicheng.local',
    ]));
    expect(smtp.mails.every((m) => m.text.includes('现将对榴园镇的安全生产巡查结果抄送你单位'))).toBe(true);
    mailer.close();
    await smtp.stop();
    await h.cleanup();
  }, 60_000);

  it('notifies the members of proposed teams and their home units (脱钩) from the teams variable', async () => {
    // given
    const store = await stores.open();
    await seedDemoData(store.db);
    const h = await harness(store);
    const teams = [{ name: '第一巡查组', leaderId: 'p-leader-1', deputyId: 'p-deputy-1', memberIds: ['p-member-1', 'p-member-2'], expertIds: ['p-expert-1'], unitCodes: [] }];
    // when
    const out = completed(await h.run(notify, job('yc-notify', { teams }, { template: 'team-notice', to: 'team-members,member-home-units' })));
    const leaders = completed(await h.run(notify, job('yc-notify', { teams }, { template: 'training-notice', to: 'team-leader' })));
    // the annual plan as the diagram has it: each unit is told the dates of its own round
    const plan = { year: 2026, units: ['370404103', '370404104'], rounds: [{ no: 1, start: '2026-03-02', end: '2026-03-20', units: ['370404103'] },
      { no: 2, start: '2026-05-11', end: '2026-05-29', units: ['370404104'] }] };
    const advance = completed(await h.run(notify, job('yc-notify', { unitCodes: ['370404103', '370404104'], year: 2026, plan }, { template: 'advance-notice', to: 'unit,unit-head' })));
    const heads = await Promise.all(['danwei-370404103', 'danwei-370404104'].map(async (l) => inbox(store.db, (await findAccountByLogin(store.db, l))!.id)));
    expect(advance).toEqual({ notified: 2 });
    expect(heads.map((m) => m[0].subject)).toEqual(['【提前告知】榴园镇将接受区安全生产巡查', '【提前告知】峨山镇将接受区安全生产巡查']);
    expect(heads.map((m) => /将于(.*?)对你单位/.exec(m[0].body)?.[1])).toEqual(['2026年3月2日至2026年3月20日', '2026年5月11日至2026年5月29日']);
    // then: 5 people, and the home units 区委办公室, 区应急管理局 (deputy and expert), 卫健局, 教体局
    expect(out).toEqual({ notified: 9 });
    expect(leaders).toEqual({ notified: 2 });
    const member = (await findAccountByLogin(store.db, 'zuyuan-member-1'))!;
    expect((await inbox(store.db, member.id))[0].subject).toBe('【巡查组通知】第一巡查组人员组成及脱钩安排');
    await h.cleanup();
  }, 60_000);

  it('tells the unit the dates of its round on entry (no 近日)', async () => {
    // given an inspection opened in a round of the approved plan
    const store = await stores.open();
    await seedDemoData(store.db);
    const h = await harness(store);
    const plan = completed<{ planId: string; roundIds: string[] }>(await h.run(record, job('yc-record', { plan: { year: 2026, cycleStart: '2025-01-01', units: ['370404103'],
      rounds: [{ no: 1, start: '2026-10-12', end: '2026-10-30', units: ['370404103'] }] } }, { action: 'plan-approved' })));
    const { inspectionId } = completed<{ inspectionId: string }>(await h.run(record, job('yc-record', { unitCode: '370404103', roundId: plan.roundIds[0] }, { action: 'inspection-opened' })));
    // when
    await h.run(notify, job('yc-notify', { inspectionId }, { template: 'entry-notice', to: 'unit' }));
    // then
    const [message] = await inbox(store.db, (await findAccountByLogin(store.db, 'danwei-370404103'))!.id);
    expect(message.body).toContain('将于2026年10月12日至2026年10月30日进驻你单位');
    await h.cleanup();
  }, 60_000);

  it('keeps messages in the inbox when no SMTP server is set, and fails for a retry when the server is down', async () => {
    // given
    const store = await stores.open();
    await seedDemoData(store.db);
    const inboxOnly = await harness(store);
    const down = await harness(store, { mailer: createMailer({ host: '127.0.0.1', port: 1, secure: false, from: 'x@y' }) });
    // when
    const kept = await inboxOnly.run(notify, job('yc-notify', { coverageGaps: ['370404104'] }, { template: 'coverage-warning', to: 'office' }));
    const failed = await down.run(notify, job('yc-notify', { coverageGaps: ['370404104'] }, { template: 'coverage-warning', to: 'office' }));
    const badGroup = await inboxOnly.run(notify, job('yc-notify', {}, { template: 'coverage-warning', to: 'office,everyone' }));
    // then
    expect(completed(kept)).toEqual({ notified: 2 });
    const office = (await findAccountByLogin(store.db, 'anweiban'))!;
    expect((await inbox(store.db, office.id))[0].body).toContain('以下单位在本周期内尚未巡查：峨山镇');
    expect(failed).toMatchObject({ outcome: 'fail', retries: 2 });
    expect(badGroup).toMatchObject({ outcome: 'fail', retries: 0 });
    await inboxOnly.cleanup();
    await down.cleanup();
  }, 60_000);
});
