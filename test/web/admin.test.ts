import request from 'supertest';
import { lockAccount } from '../../src/db/account-admin';
import { auditTrail } from '../../src/db/audit';
import { recordPlan, recordTeams } from '../../src/db/registers/inspections';
import { DEMO_PASSWORD } from '../../src/db/seed';
import { csrfOf, type Harness, LOGINS, NOW, signIn, startHarness, startWebEnv, type WebEnv } from './support/harness';

const FIRST = 'Erste-Pass-2026';
const OWN = 'Mein-Eigenes-2027';

const PAGES = ['/admin/accounts', '/admin/roles', '/admin/units', '/admin/units/new', '/admin/departments', '/admin/people', '/admin/people/new', '/admin/experts', '/admin/teams', '/admin/audit'];

/** Signs in with a password; gives the agent, the answer and the CSRF token of the page it leads to. */
async function logIn(app: Harness['app'], username: string, password: string, client = '203.0.113.20') {
  const agent = request.agent(app);
  const csrf = csrfOf((await agent.get('/login').expect(200)).text);
  // the harness trusts the loopback proxy, so each test client names its own address
  const res = await agent.post('/login').set('x-forwarded-for', client).type('form').send({ _csrf: csrf, username, password });
  return { agent, res };
}

describe('系统管理 (administration pages)', () => {
  let env: WebEnv;
  let h: Harness;
  beforeAll(async () => {
    env = await startWebEnv();
  }, 60_000);
  afterAll(() => env.close());
  beforeEach(async () => {
    h = await startHarness(env, { loginLimit: { windowMs: 60_000, limit: 3 } });
  });
  afterEach(() => h.close());

  const accountId = async (login: string) => (await h.store.db.selectFrom('accounts').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id;

  it('shows every page to the administrator and refuses everyone else with 403, reads and changes alike', async () => {
    // given
    const admin = await signIn(h.app, LOGINS.admin);
    const office = await signIn(h.app, LOGINS.office);
    const unit = await signIn(h.app, LOGINS.unitA);
    // when
    const adminStatuses = await Promise.all(PAGES.map(async (p) => (await admin.agent.get(p)).status));
    const officeStatuses = await Promise.all(PAGES.map(async (p) => (await office.agent.get(p)).status));
    const unitStatuses = await Promise.all(PAGES.map(async (p) => (await unit.agent.get(p)).status));
    const id = await accountId(LOGINS.unitA);
    const changes = await Promise.all([`/admin/accounts/${id}/disable`, `/admin/accounts/${id}/reset-password`, '/admin/units', '/admin/people'].map(async (p) =>
      (await office.agent.post(p).type('form').send({ _csrf: office.csrf, name: 'x' })).status));
    // then
    expect(adminStatuses).toEqual(PAGES.map(() => 200));
    expect(officeStatuses).toEqual(PAGES.map(() => 403));
    expect(unitStatuses).toEqual(PAGES.map(() => 403));
    expect(changes).toEqual([403, 403, 403, 403]);
    expect((await admin.agent.get('/tasks')).text).toContain('href="/admin/accounts">系统管理');
    expect((await office.agent.get('/tasks')).text).not.toContain('系统管理');
    expect((await h.store.db.selectFrom('accounts').select('disabled').where('id', '=', id).executeTakeFirstOrThrow()).disabled).toBe(0);
  });

  it('refuses a new account with the problems in Chinese and keeps what was entered', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.admin);
    // when
    const weak = await agent.post('/admin/accounts').type('form').send({ _csrf: csrf, login: 'chen.ming', displayName: '陈明', roles: 'unit', password: 'chen.ming' });
    const noName = await agent.post('/admin/accounts').type('form').send({ _csrf: csrf, login: 'bad login', displayName: '', password: FIRST });
    const weakPolicy = await agent.post('/admin/accounts').type('form').send({ _csrf: csrf, login: 'chen.ming', displayName: '陈明', roles: ['office'], password: 'chen.ming' });
    // then
    expect(weak.status).toBe(422);
    expect(weak.text).toContain('“被巡查单位”“承办部门”角色须选择所属单位。');
    expect(weak.text).toContain('value="chen.ming"');
    expect(noName.status).toBe(422);
    expect(noName.text).toContain('用户名须为2至64个字母、数字、点、横线或下划线。');
    expect(noName.text).toContain('请填写姓名。');
    expect(noName.text).toContain('请至少选择一个角色。');
    expect(weakPolicy.status).toBe(422);
    expect(weakPolicy.text).toContain('密码至少10个字符。');
    expect(weakPolicy.text).toContain('密码应至少包含小写字母、大写字母、数字、其他符号中的3类。');
    expect(weakPolicy.text).toContain('密码不能包含用户名。');
    expect(weakPolicy.text).toMatch(/value="office" checked/);
    expect(await h.store.db.selectFrom('accounts').select('id').where('login', '=', 'chen.ming').executeTakeFirst()).toBeUndefined();
  });

  it('creates an account with roles and unit by name; its first login leads to 修改密码 and nothing else until changed', async () => {
    // given
    const admin = await signIn(h.app, LOGINS.admin);
    const created = await admin.agent.post('/admin/accounts').type('form')
      .send({ _csrf: admin.csrf, login: 'chen.ming', displayName: '陈明', personId: '', unitCode: '370404001', roles: ['unit'], password: FIRST });
    const listed = (await admin.agent.get('/admin/accounts')).text;
    // when
    const { agent, res } = await logIn(h.app, 'chen.ming', FIRST);
    const tasks = await agent.get('/tasks');
    const page = await agent.get(tasks.headers.location as string).expect(200);
    const csrf = csrfOf(page.text);
    const post = await agent.post('/inbox/x/read').type('form').send({ _csrf: csrf });
    const mismatch = await agent.post('/account/password').type('form').send({ _csrf: csrf, current: FIRST, password: OWN, confirm: `${OWN}x`, next: '/tasks' });
    const weak = await agent.post('/account/password').type('form').send({ _csrf: csrf, current: FIRST, password: 'short', confirm: 'short', next: '/tasks' });
    const changed = await agent.post('/account/password').type('form').send({ _csrf: csrf, current: FIRST, password: OWN, confirm: OWN, next: '/tasks' });
    const after = await agent.get('/tasks');
    // then
    expect(created.status).toBe(303);
    expect(listed).toMatch(/<a href="\/admin\/accounts\/[^"]+">chen\.ming<\/a><\/td><td>陈明<\/td><td>坛山街道<\/td><td>被巡查单位<\/td><td><span class="badge active">待修改密码/);
    expect(res.headers.location).toBe('/account/password?next=%2Ftasks');
    expect(tasks.status).toBe(303);
    expect(tasks.headers.location).toBe('/account/password?next=%2Ftasks');
    expect(page.text).toContain('您的密码由系统管理员设置，请先设置您自己的新密码后再继续使用系统。');
    expect(post.status).toBe(403);
    expect(post.text).toContain('请先修改由系统管理员设置的密码。');
    expect(mismatch.status).toBe(422);
    expect(mismatch.text).toContain('两次输入的新密码不一致。');
    expect(weak.text).toContain('密码至少10个字符。');
    expect(changed.status).toBe(303);
    expect(changed.headers.location).toBe('/tasks');
    expect(after.status).toBe(200);
    const trail = await auditTrail(h.store.db, { entity: 'accounts', entityId: await accountId('chen.ming') });
    expect(trail.map((e) => [e.actor, e.action])).toEqual([['admin', 'grant-role'], ['admin', 'create'], ['chen.ming', 'change-password']]);
  });

  it('resets a password: shown once, the old sessions end, the next login must change it', async () => {
    // given
    const admin = await signIn(h.app, LOGINS.admin);
    const office = await signIn(h.app, LOGINS.office);
    const id = await accountId(LOGINS.office);
    // when
    const reset = await admin.agent.post(`/admin/accounts/${id}/reset-password`).type('form').send({ _csrf: admin.csrf });
    const temporary = /临时密码：<code>([^<]+)<\/code>/.exec(reset.text)?.[1] ?? '';
    const oldSession = await office.agent.get('/tasks');
    const old = await logIn(h.app, LOGINS.office, DEMO_PASSWORD);
    const fresh = await logIn(h.app, LOGINS.office, temporary);
    // then
    expect(reset.status).toBe(200);
    expect(reset.headers['cache-control']).toBe('no-store');
    expect(temporary).toMatch(/^.{16,}$/);
    expect(oldSession.headers.location).toBe('/login?next=%2Ftasks');
    expect(old.res.status).toBe(401);
    expect(fresh.res.headers.location).toBe('/account/password?next=%2Ftasks');
    const trail = await auditTrail(h.store.db, { entity: 'accounts', entityId: id });
    expect(trail.at(-1)).toMatchObject({ actor: 'admin', action: 'reset-password', at: NOW.toISOString() });
    expect(JSON.stringify(trail)).not.toContain(temporary);
  });

  it('disables an account: its sessions end and its owner is told at login; enabling lets them in again', async () => {
    // given
    const admin = await signIn(h.app, LOGINS.admin);
    const team = await signIn(h.app, LOGINS.team);
    const id = await accountId(LOGINS.team);
    // when
    await admin.agent.post(`/admin/accounts/${id}/disable`).type('form').send({ _csrf: admin.csrf }).expect(303);
    const session = await team.agent.get('/tasks');
    const right = await logIn(h.app, LOGINS.team, DEMO_PASSWORD);
    const wrong = await logIn(h.app, LOGINS.team, 'Wrong-pass-2026');
    await admin.agent.post(`/admin/accounts/${id}/enable`).type('form').send({ _csrf: admin.csrf }).expect(303);
    const again = await logIn(h.app, LOGINS.team, DEMO_PASSWORD);
    // then
    expect(session.status).toBe(303);
    expect(right.res.status).toBe(403);
    expect(right.res.text).toContain('该账号已停用，请联系系统管理员。');
    expect(wrong.res.status).toBe(401);
    expect(wrong.res.text).not.toContain('停用');
    expect(again.res.status).toBe(303);
  });

  it('locks an account after repeated failures (the login limiter), until the administrator unlocks it; the audit page shows both', async () => {
    // given
    const admin = await signIn(h.app, LOGINS.admin);
    const attempt = async (password: string, client = '203.0.113.66') => (await logIn(h.app, LOGINS.committee, password, client)).res;
    // when
    const failures = [];
    for (let i = 0; i < 4; i++) failures.push((await attempt('Wrong-pass-2026')).status);
    const list = await admin.agent.get('/admin/accounts');
    const id = await accountId(LOGINS.committee);
    await admin.agent.post(`/admin/accounts/${id}/unlock`).type('form').send({ _csrf: admin.csrf }).expect(303);
    const unlocked = await attempt(DEMO_PASSWORD, '203.0.113.7');
    const audit = await admin.agent.get('/admin/audit?entity=accounts');
    // then
    expect(failures).toEqual([401, 401, 401, 429]);
    expect(list.text).toMatch(/anweihui<\/a>.*?<span class="badge yellow">已锁定<\/span>/s);
    expect(unlocked.status).toBe(303);
    expect(audit.text).toMatch(/<td>admin<\/td><td>解锁<\/td><td>账号 <code>[^<]+<\/code><\/td>/);
    expect(audit.text).toMatch(/<td>system<\/td><td>锁定<\/td>/);
  });

  it('tells a locked account at login only to who gives the right password', async () => {
    // given the account locked (as the limiter does after repeated failures)
    await lockAccount(h.store.db, { name: 'system', at: NOW.toISOString() }, LOGINS.owner);
    // when
    const right = (await logIn(h.app, LOGINS.owner, DEMO_PASSWORD)).res;
    const wrong = (await logIn(h.app, LOGINS.owner, 'Wrong-pass-2026')).res;
    // then
    expect(right.status).toBe(403);
    expect(right.text).toContain('该账号因多次登录失败已锁定，请联系系统管理员解锁。');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('用户名或密码错误。');
    expect(wrong.text).not.toContain('锁定');
  });

  it('keeps units, departments, people and experts, with Chinese refusals and pickers by name', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.admin);
    // when
    const bad = await agent.post('/admin/units').type('form').send({ _csrf: csrf, code: 'YC-E-99', name: '', kind: 'enterprise', email: 'nope' });
    const unit = await agent.post('/admin/units').type('form').send({ _csrf: csrf, code: 'YC-E-99', name: '峄城区某新材料有限公司', kind: 'enterprise', parentCode: '370404100', industry: '化工' });
    const badPerson = await agent.post('/admin/people').type('form').send({ _csrf: csrf, name: '黄志远', unitCode: 'nowhere', post: '', safetyYears: '-1' });
    const person = await agent.post('/admin/people').type('form').send({ _csrf: csrf, name: '黄志远', unitCode: 'YC-E-99', post: '安全生产专家（化工）', rank: '专家', expert: '1', safetyYears: '11' });
    const experts = await agent.get('/admin/experts');
    const departments = await agent.get('/admin/departments');
    const newUnit = await agent.get('/admin/units/new');
    // then
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('请填写单位名称。');
    expect(bad.text).toContain('企业须选择所在镇街。');
    expect(bad.text).toContain('电子邮箱格式有误。');
    expect(unit.status).toBe(303);
    expect(badPerson.status).toBe(422);
    expect(badPerson.text).toContain('请选择所在单位。');
    expect(badPerson.text).toContain('请填写职务。');
    expect(badPerson.text).toContain('安全生产监管工作年限应为0至60之间的整数。');
    expect(person.status).toBe(303);
    expect(experts.text).toMatch(/>黄志远<\/a><\/td><td>峄城区某新材料有限公司<\/td>/);
    expect(departments.text).toContain('区应急管理局');
    expect(departments.text).not.toContain('坛山街道');
    expect(newUnit.text).toContain('<option value="370404100">古邵镇</option>');
    const trail = await auditTrail(h.store.db, { entity: 'units', entityId: 'YC-E-99' });
    expect(trail.map((e) => [e.actor, e.action])).toEqual([['admin', 'create']]);
  });

  it('changes a team under the team rules: refused with the rules in Chinese, saved as an audited adjustment', async () => {
    // given an approved plan with two teams
    const by = { name: 'system', at: NOW.toISOString() };
    const { planId } = await recordPlan(h.store.db, by, { year: 2027, cycleStart: '2025-11-12', units: [], rounds: [{ no: 1, start: '2027-03-01', end: '2027-03-19', units: [] }] });
    const members = (from: number) => [1, 2, 3, 4].map((i) => `p-member-${from + i}`);
    const ids = await recordTeams(h.store.db, by, planId, [
      { name: '第一巡查组', leaderId: 'p-leader-1', deputyId: 'p-deputy-1', memberIds: members(0), expertIds: ['p-expert-1'] },
      { name: '第二巡查组', leaderId: 'p-leader-2', deputyId: 'p-deputy-2', memberIds: members(4), expertIds: ['p-expert-2'] },
    ]);
    const { agent, csrf } = await signIn(h.app, LOGINS.admin);
    const first = ids['第一巡查组']!;
    // when
    const list = await agent.get('/admin/teams');
    const refused = await agent.post(`/admin/teams/${first}`).type('form').send({ _csrf: csrf, leaderId: 'p-leader-1', deputyId: 'p-member-1', memberIds: members(1), expertIds: [] });
    const saved = await agent.post(`/admin/teams/${first}`).type('form').send({ _csrf: csrf, leaderId: 'p-leader-1', deputyId: 'p-deputy-1', memberIds: [...members(0).slice(1), 'p-member-9'], expertIds: ['p-expert-1'] });
    // then
    expect(list.text).toContain('第1轮 2027-03-01至2027-03-19');
    expect(list.text).toContain('王建国（组长）、刘洪涛（副组长）');
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('巡查组“第一巡查组”的副组长赵文静应为科级干部，现为科员。');
    expect(refused.text).toContain('巡查组“第一巡查组”至少应有1名安全生产专家。');
    expect(refused.text).toMatch(/<option value="p-member-1" selected>赵文静 · 区卫生健康局 · 科员<\/option>/);
    expect(saved.status).toBe(303);
    const audit = await agent.get('/admin/audit?entity=teams');
    expect(audit.text).toContain('第一巡查组 · 巡查组“第一巡查组”：新增蒋秀兰，减少赵文静');
  });

  it('lets any user change their own password from the header: the current one checked, other sessions ended', async () => {
    // given the office signed in on two devices
    const here = await signIn(h.app, LOGINS.office);
    const there = await signIn(h.app, LOGINS.office);
    // when
    const page = await here.agent.get('/account/password');
    const wrong = await here.agent.post('/account/password').type('form').send({ _csrf: here.csrf, current: 'Wrong-pass-2026', password: OWN, confirm: OWN });
    const changed = await here.agent.post('/account/password').type('form').send({ _csrf: here.csrf, current: DEMO_PASSWORD, password: OWN, confirm: OWN });
    // then
    expect((await here.agent.get('/tasks')).text).toContain('<a href="/account/password">修改密码</a>');
    expect(page.text).not.toContain('您的密码由系统管理员设置');
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('当前密码不正确。');
    expect(changed.headers.location).toBe('/account/password?saved=1');
    expect((await here.agent.get('/account/password?saved=1')).text).toContain('密码已修改，其他设备上的登录已退出。');
    expect((await there.agent.get('/tasks')).status).toBe(303);
    expect((await logIn(h.app, LOGINS.office, OWN)).res.status).toBe(303);
  });

  it('keeps at least one enabled administrator: neither disabled nor stripped of the role', async () => {
    // given the demo district's only administrator
    const { agent, csrf } = await signIn(h.app, LOGINS.admin);
    const id = await accountId(LOGINS.admin);
    // when
    const disable = await agent.post(`/admin/accounts/${id}/disable`).type('form').send({ _csrf: csrf });
    const demote = await agent.post(`/admin/accounts/${id}`).type('form').send({ _csrf: csrf, displayName: '梁思远', roles: ['office'] });
    // then
    expect([disable.status, demote.status]).toEqual([422, 422]);
    expect(disable.text).toContain('至少须保留一个启用的系统管理员账号。');
    expect(demote.text).toContain('至少须保留一个启用的系统管理员账号。');
    expect((await agent.get('/admin/accounts')).status).toBe(200);
  });

  it('refuses an administration change without the session’s CSRF token', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    const id = await accountId(LOGINS.office);
    // when
    const res = await agent.post(`/admin/accounts/${id}/disable`).type('form').send({ _csrf: 'a'.repeat(64) });
    // then
    expect(res.status).toBe(403);
    expect((await h.store.db.selectFrom('accounts').select('disabled').where('id', '=', id).executeTakeFirstOrThrow()).disabled).toBe(0);
  });
});
