import { findAccountByLogin } from '../../src/db/accounts';
import { deliverToInbox, markRead, unreadCount } from '../../src/db/notifications';
import { type Harness, LOGINS, NOW, signIn, startHarness, startWebEnv, type WebEnv } from './support/harness';

/** Titles of the messages on an inbox page, in order. */
const titles = (page: string) => [...page.matchAll(/<h2>.*?<span class="tag">(.*?)<\/span> (.*?)<\/h2>/g)].map((m) => `${m[1]}|${m[2]}`);

/**
 * The inbox of a busy office: 65 messages (reminders, notices, a calendar warning), some read. It pages in the
 * database, filters by read state and kind, and marks everything read at once, only the reader's own messages.
 */
describe('inbox paging, filters and mark all read', () => {
  let env: WebEnv;
  let h: Harness;
  let officeId: string;
  let otherId: string;
  beforeAll(async () => {
    env = await startWebEnv();
  });
  afterAll(() => env.close());
  beforeEach(async () => {
    h = await startHarness(env);
    officeId = (await findAccountByLogin(h.store.db, LOGINS.office))!.id;
    otherId = (await findAccountByLogin(h.store.db, LOGINS.committee))!.id;
    const at = (i: number) => new Date(NOW.getTime() - i * 60_000).toISOString();
    for (let i = 0; i < 65; i++) {
      const template = i === 64 ? 'calendar-arrangement-missing' : i % 2 ? 'report-reminder' : 'entry-notice';
      const { id } = await deliverToInbox(h.store.db, { idempotencyKey: `m-${i}`, accountId: officeId, template, subject: `消息${i}`, body: '正文', email: null }, at(i));
      if (i < 10) await markRead(h.store.db, officeId, id, at(0));
    }
    await deliverToInbox(h.store.db, { idempotencyKey: 'other', accountId: otherId, template: 'feedback', subject: '他人的消息', body: '正文', email: null }, at(0));
  });
  afterEach(() => h.close());

  it('pages newest first, 30 to a page', async () => {
    const { agent } = await signIn(h.app, LOGINS.office);
    const first = (await agent.get('/inbox').expect(200)).text;
    const last = (await agent.get('/inbox?offset=60').expect(200)).text;
    expect(first).toContain('共 65 条');
    expect(titles(first)).toHaveLength(30);
    expect(titles(first)[0]).toBe('通知|消息0');
    expect(first).toContain('href="/inbox?offset=30"');
    expect(titles(last)).toEqual(['通知|消息60', '催办与逾期|消息61', '通知|消息62', '催办与逾期|消息63', '其他|消息64']);
    expect(last).toContain('href="/inbox?offset=30"');
    expect(last).not.toContain('下一页');
  });

  it('filters by read state and by kind', async () => {
    const { agent } = await signIn(h.app, LOGINS.office);
    const unread = (await agent.get('/inbox?state=unread').expect(200)).text;
    const read = (await agent.get('/inbox?state=read').expect(200)).text;
    const reminders = (await agent.get('/inbox?kind=reminder&state=unread').expect(200)).text;
    const other = (await agent.get('/inbox?kind=other').expect(200)).text;
    expect(unread).toContain('共 55 条');
    expect(read).toContain('共 10 条');
    expect(reminders).toContain('共 27 条');
    expect(titles(reminders).every((t) => t.startsWith('催办与逾期|'))).toBe(true);
    expect(reminders).toContain('<option value="reminder" selected>催办与逾期</option>');
    expect(titles(other)).toEqual(['其他|消息64']);
  });

  it('marks all of the reader’s messages read, and nobody else’s', async () => {
    const { agent, csrf } = await signIn(h.app, LOGINS.office);
    const res = await agent.post('/inbox/read-all').type('form').send({ _csrf: csrf }).expect(303);
    expect(res.headers.location).toBe('/inbox');
    expect(await unreadCount(h.store.db, officeId)).toBe(0);
    expect(await unreadCount(h.store.db, otherId)).toBe(1);
    expect((await agent.get('/inbox?state=unread').expect(200)).text).toContain('共 0 条');
  });
});
