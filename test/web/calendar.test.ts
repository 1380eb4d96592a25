import { auditTrail } from '../../src/db/audit';
import { workCalendar } from '../../src/db/calendar';
import { type Harness, LOGINS, signIn, startHarness, startWebEnv, type WebEnv } from './support/harness';

const SPRING_2027 = {
  year: '2027', holidays: '2027-02-06..2027-02-12 春节', workdays: '2027-02-14 春节调休上班\n2027-02-20 春节调休上班', source: '国办发明电〔2026〕7号',
};

describe('节假日日历 page', () => {
  let env: WebEnv;
  let h: Harness;
  beforeAll(async () => {
    env = await startWebEnv();
  }, 60_000);
  afterAll(async () => {
    await env.close();
  });
  beforeEach(async () => {
    h = await startHarness(env);
  });
  afterEach(async () => {
    await h.close();
  });

  it('shows the office next year (from November) as not yet entered, and this year\'s built-in holidays', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const next = await agent.get('/admin/calendar').expect(200);
    const current = await agent.get('/admin/calendar?year=2026').expect(200);
    // then
    expect(next.text).toContain('data-coverage="weekends-only"');
    expect(next.text).toContain('2027年放假和调休上班日期');
    expect(next.text).toContain('href="/admin/calendar" aria-current="page">节假日日历');
    expect(current.text).toContain('data-coverage="official"');
    expect(current.text).toMatch(/<td>2026-10-01<\/td><td>星期四<\/td><td>放假<\/td><td>国庆节<\/td><td>内置<\/td>/);
    expect(current.text).toMatch(/<td>2026-10-10<\/td><td>星期六<\/td><td>调休上班<\/td>/);
  });

  it('enters the 2027 arrangement: listed at once, used by the work calendar, audited under the login', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.office);
    // when
    const saved = await agent.post('/admin/calendar').type('form').send({ _csrf: csrf, ...SPRING_2027 });
    const page = await agent.get(saved.headers.location as string).expect(200);
    // then
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe('/admin/calendar?year=2027&saved=1');
    expect(page.text).toContain('data-coverage="entered"');
    expect(page.text).toMatch(/<td>2027-02-08<\/td><td>星期一<\/td><td>放假<\/td><td>春节<\/td><td>录入<\/td>/);
    expect(page.text).toMatch(/<td>2027-02-14<\/td><td>星期日<\/td><td>调休上班<\/td><td>春节调休上班<\/td>/);
    expect(page.text).toContain('国办发明电〔2026〕7号');
    expect(page.text).toContain('2027-02-06..2027-02-12 春节</textarea>');
    const calendar = await workCalendar(h.store.db);
    expect([calendar.coverage(2027), calendar.isWorkingDay('2027-02-08'), calendar.isWorkingDay('2027-02-20')]).toEqual(['entered', false, true]);
    const trail = await auditTrail(h.store.db, { entity: 'calendar_days', entityId: '2027' });
    expect(trail.map((t) => [t.actor, t.action])).toEqual([['anweiban', 'calendar.replace-year']]);
  });

  it('refuses a bad arrangement with the problems in Chinese and keeps what was entered', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.admin);
    await agent.post('/admin/calendar').type('form').send({ _csrf: csrf, ...SPRING_2027 }).expect(303);
    // when
    const res = await agent.post('/admin/calendar').type('form').send({ _csrf: csrf, year: '2027', holidays: '2027-02-30 春节\n2028-01-01 元旦', workdays: '', source: '' });
    // then
    expect(res.status).toBe(422);
    expect(res.text).toContain('放假安排第1行日期无效');
    expect(res.text).toContain('放假安排第2行不在2027年内。');
    expect(res.text).toContain('请填写依据（国务院办公厅通知文号）。');
    expect(res.text).toContain('2027-02-30 春节\n2028-01-01 元旦</textarea>');
    expect((await workCalendar(h.store.db)).isWorkingDay('2027-02-08')).toBe(false);
  });

  it('removes an entered year, and refuses requests without CSRF token or from other roles', async () => {
    // given
    const office = await signIn(h.app, LOGINS.office);
    const team = await signIn(h.app, LOGINS.team);
    await office.agent.post('/admin/calendar').type('form').send({ _csrf: office.csrf, ...SPRING_2027 }).expect(303);
    // when
    const withoutToken = await office.agent.post('/admin/calendar/2027/remove').type('form').send({});
    const byTeam = await team.agent.post('/admin/calendar/2027/remove').type('form').send({ _csrf: team.csrf });
    const teamPage = await team.agent.get('/tasks').expect(200);
    const stillThere = (await workCalendar(h.store.db)).coverage(2027);
    const removed = await office.agent.post('/admin/calendar/2027/remove').type('form').send({ _csrf: office.csrf });
    // then
    expect([withoutToken.status, byTeam.status, stillThere]).toEqual([403, 403, 'entered']);
    expect(teamPage.text).not.toContain('/admin/calendar');
    expect(removed.status).toBe(303);
    expect((await workCalendar(h.store.db)).coverage(2027)).toBe('weekends-only');
    expect((await auditTrail(h.store.db, { entity: 'calendar_days' })).map((t) => t.action)).toEqual(['calendar.replace-year', 'calendar.remove-year']);
  });

  it('answers a year outside 2000–2100 with 400', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.office);
    // when / then
    expect((await agent.get('/admin/calendar?year=99999')).status).toBe(400);
  });
});
