import request from 'supertest';
import { auditTrail } from '../../src/db/audit';
import { DEMO_PASSWORD } from '../../src/db/seed';
import { csrfOf, type Harness, LOGINS, signIn, startHarness, startWebEnv, type WebEnv } from './support/harness';

describe('web authentication', () => {
  let env: WebEnv;
  let h: Harness;
  beforeAll(async () => {
    env = await startWebEnv();
  });
  afterAll(() => env.close());
  beforeEach(async () => {
    h = await startHarness(env, { loginLimit: { windowMs: 60_000, limit: 3 } });
  });
  afterEach(() => h.close());

  it('signs in with a demo account, stores the session in the domain database and audits the login', async () => {
    // given
    const agent = request.agent(h.app);
    const page = await agent.get('/login').expect(200);
    // when
    const res = await agent.post('/login').type('form').send({ _csrf: csrfOf(page.text), username: LOGINS.office, password: DEMO_PASSWORD, next: '/inbox' });
    // then
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/inbox');
    expect(String(res.headers['set-cookie'])).toMatch(/yc_sid=[^;]+; .*HttpOnly/);
    expect(await h.store.db.selectFrom('web_sessions').selectAll().execute()).toHaveLength(1);
    const inbox = await agent.get('/inbox').expect(200);
    expect(inbox.text).toContain('马晓峰');
    const trail = await auditTrail(h.store.db, { actor: LOGINS.office });
    expect(trail.map((t) => [t.action, t.data.outcome])).toContainEqual(['login', 'ok']);
  });

  it('refuses a wrong password with 401 and a Chinese message, and audits the refusal', async () => {
    // given
    const agent = request.agent(h.app);
    const page = await agent.get('/login');
    // when
    const res = await agent.post('/login').type('form').send({ _csrf: csrfOf(page.text), username: LOGINS.office, password: 'wrong' });
    // then
    expect(res.status).toBe(401);
    expect(res.text).toContain('用户名或密码错误');
    const trail = await auditTrail(h.store.db, { actor: LOGINS.office });
    expect(trail.map((t) => [t.action, t.data.outcome])).toContainEqual(['login', 'denied']);
  });

  it('rejects a POST without the CSRF token', async () => {
    // given
    const agent = request.agent(h.app);
    await agent.get('/login');
    // when
    const res = await agent.post('/login').type('form').send({ username: LOGINS.office, password: DEMO_PASSWORD });
    // then
    expect(res.status).toBe(403);
    expect(res.text).toContain('页面已过期');
  });

  it('rejects a POST whose CSRF token does not match the cookie', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    // when
    const res = await agent.post('/logout').type('form').send({ _csrf: 'a'.repeat(64) });
    // then
    expect(res.status).toBe(403);
  });

  it('limits login attempts per client: the fourth attempt within the window gets 429', async () => {
    // given
    const agent = request.agent(h.app);
    const csrf = csrfOf((await agent.get('/login')).text);
    const attempt = () => agent.post('/login').type('form').send({ _csrf: csrf, username: LOGINS.office, password: 'wrong' });
    // when
    const statuses = [(await attempt()).status, (await attempt()).status, (await attempt()).status, (await attempt()).status];
    // then
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('logs out: the session is deleted and pages need login again', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.admin);
    // when
    const res = await agent.post('/logout').type('form').send({ _csrf: csrf });
    // then
    expect(res.status).toBe(303);
    expect(await h.store.db.selectFrom('web_sessions').selectAll().execute()).toHaveLength(0);
    const after = await agent.get('/tasks');
    expect(after.status).toBe(303);
    expect(after.headers.location).toBe('/login?next=%2Ftasks');
  });

  it('sends secure headers with a CSP that allows only the app’s own scripts', async () => {
    // when
    const res = await request(h.app).get('/board').expect(200);
    // then
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('sends visitors from / to the public board and signed-in users to their tasks', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const anonymous = await request(h.app).get('/');
    const signedIn = await agent.get('/');
    // then
    expect(anonymous.headers.location).toBe('/board');
    expect(signedIn.headers.location).toBe('/tasks');
  });

  it('serves the bundled assets without login and 404s for unknown ones', async () => {
    // when
    const css = await request(h.app).get('/assets/app.css');
    const missing = await request(h.app).get('/assets/nothing.js');
    // then
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect(missing.status).toBe(404);
  });

  it('does not follow a login redirect to another site', async () => {
    // given
    const agent = request.agent(h.app);
    const csrf = csrfOf((await agent.get('/login')).text);
    // when
    const res = await agent.post('/login').type('form').send({ _csrf: csrf, username: LOGINS.office, password: DEMO_PASSWORD, next: '//evil.example/' });
    // then
    expect(res.headers.location).toBe('/tasks');
  });
});
