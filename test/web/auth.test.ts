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

  it('limits failed login attempts per client: the fourth failure within the window gets 429', async () => {
    // given
    const agent = request.agent(h.app);
    const csrf = csrfOf((await agent.get('/login')).text);
    const attempt = (username: string) => agent.post('/login').type('form').send({ _csrf: csrf, username, password: 'wrong' });
    // when: three failures for three different accounts, then a fourth
    const statuses = [(await attempt(LOGINS.office)).status, (await attempt(LOGINS.admin)).status, (await attempt(LOGINS.committee)).status, (await attempt(LOGINS.owner)).status];
    // then
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('does not count successful logins: an office behind one address signs in as often as it needs', async () => {
    // given
    const login = async () => {
      const agent = request.agent(h.app);
      const csrf = csrfOf((await agent.get('/login')).text);
      return (await agent.post('/login').type('form').send({ _csrf: csrf, username: LOGINS.office, password: DEMO_PASSWORD })).status;
    };
    // when
    const statuses = [await login(), await login(), await login(), await login(), await login()];
    // then
    expect(statuses).toEqual([303, 303, 303, 303, 303]);
  });

  it('limits failures per account across addresses named by a trusted proxy, and per address only for that address', async () => {
    // given the app behind a proxy on the loopback interface, which names each client in X-Forwarded-For
    const behindProxy = await startHarness(env, { loginLimit: { windowMs: 60_000, limit: 3 }, trustProxy: 'loopback' });
    const attempt = async (client: string, username: string, password = 'wrong') => {
      const agent = request.agent(behindProxy.app);
      const csrf = csrfOf((await agent.get('/login').set('x-forwarded-for', client)).text);
      return (await agent.post('/login').set('x-forwarded-for', client).type('form').send({ _csrf: csrf, username, password })).status;
    };
    try {
      // when: one account is guessed from four addresses; another address fails three times on other accounts
      const guessed = [await attempt('203.0.113.1', LOGINS.office), await attempt('203.0.113.2', LOGINS.office), await attempt('203.0.113.3', LOGINS.office), await attempt('203.0.113.4', LOGINS.office)];
      const busy = [await attempt('203.0.113.9', LOGINS.admin), await attempt('203.0.113.9', LOGINS.committee), await attempt('203.0.113.9', LOGINS.owner)];
      const neighbour = await attempt('203.0.113.10', LOGINS.admin, DEMO_PASSWORD);
      const lockedOutAddress = await attempt('203.0.113.9', LOGINS.admin, DEMO_PASSWORD);
      // then
      expect(guessed).toEqual([401, 401, 401, 429]);
      expect(busy).toEqual([401, 401, 401]);
      expect(neighbour).toBe(303);
      expect(lockedOutAddress).toBe(429);
    } finally {
      await behindProxy.close();
    }
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    // given the default set-up trusts nothing but loopback; this one trusts no proxy at all
    const direct = await startHarness(env, { loginLimit: { windowMs: 60_000, limit: 3 }, trustProxy: false });
    const attempt = async (client: string, username: string) => {
      const agent = request.agent(direct.app);
      const csrf = csrfOf((await agent.get('/login')).text);
      return (await agent.post('/login').set('x-forwarded-for', client).type('form').send({ _csrf: csrf, username, password: 'wrong' })).status;
    };
    try {
      // when: four failures claiming four addresses
      const statuses = [await attempt('203.0.113.1', LOGINS.office), await attempt('203.0.113.2', LOGINS.admin), await attempt('203.0.113.3', LOGINS.committee), await attempt('203.0.113.4', LOGINS.owner)];
      // then they count as one client
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await direct.close();
    }
  });

  it('binds the CSRF token to the session: a planted token pair and another session’s token are refused', async () => {
    // given the victim's session, and an attacker with a session and an anonymous token pair of their own
    const victim = request.agent(h.app);
    const loginToken = csrfOf((await victim.get('/login')).text);
    const login = await victim.post('/login').type('form').send({ _csrf: loginToken, username: LOGINS.office, password: DEMO_PASSWORD });
    const victimSid = /yc_sid=([^;]+)/.exec(String(login.headers['set-cookie']))![1]!;
    const victimCsrf = csrfOf((await victim.get('/inbox')).text);
    const attacker = await signIn(h.app, LOGINS.unitA);
    const plantedToken = csrfOf((await request.agent(h.app).get('/login')).text);
    // when
    const withPlantedPair = await request(h.app).post('/logout').set('cookie', `yc_sid=${victimSid}; yc_csrf=${plantedToken}`).type('form').send({ _csrf: plantedToken });
    const withOtherSessionsToken = await victim.post('/logout').type('form').send({ _csrf: attacker.csrf });
    const own = await victim.post('/logout').type('form').send({ _csrf: victimCsrf });
    // then
    expect(withPlantedPair.status).toBe(403);
    expect(withOtherSessionsToken.status).toBe(403);
    expect(own.status).toBe(303);
  });

  it('answers 404 for asset paths that escape or cannot be decoded, without an error in the log', async () => {
    // when
    const escaping = await request(h.app).get('/assets/..%2F..%2Fpackage.json');
    const encoded = await request(h.app).get('/assets/%2e%2e/%2e%2e/etc/passwd');
    const undecodable = await request(h.app).get('/assets/%E0%A4%A');
    // then
    expect([escaping.status, encoded.status, undecodable.status]).toEqual([404, 404, 404]);
    expect(escaping.text).not.toMatch(/at .+\.js:\d+/);
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
