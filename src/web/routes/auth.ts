import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { issueCsrf } from '../auth/csrf';
import { SESSION_COOKIE, setSessionCookie } from '../auth/session';
import { type WebDeps } from '../deps';
import { pageContext, sendPage, str } from '../http';
import { loginPage } from '../views/login';

/** Only same-site paths are accepted as the page to return to after login. */
function safeNext(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/tasks';
}

export function authRoutes(deps: WebDeps): Router {
  const router = Router();
  const { config, store } = deps;

  const limiter = rateLimit({
    windowMs: config.loginLimit.windowMs,
    limit: config.loginLimit.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      void store.audit({ actor: null, action: 'login', outcome: 'denied', detail: { reason: 'rate-limited' }, ip: req.ip });
      sendPage(res, loginPage(pageContext(req, res), { error: '登录尝试过于频繁，请稍后再试。' }), 429);
    },
  });

  router.get('/login', (req, res) => {
    if (res.locals.user) return res.redirect(303, safeNext(str(req.query.next)));
    sendPage(res, loginPage(pageContext(req, res), { next: str(req.query.next) }));
  });

  router.post('/login', limiter, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const username = str(body.username) ?? '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(str(body.next));
    const user = username && password ? await store.authenticate(username, password) : null;
    if (!user) {
      await store.audit({ actor: username || null, action: 'login', outcome: 'denied', ip: req.ip });
      return sendPage(res, loginPage(pageContext(req, res), { error: '用户名或密码错误。', username, next }), 401);
    }
    // a session's lifetime is technical time (wall clock): moving the engine's clock must not sign everyone out
    const session = await store.createSession(user.accountId, new Date(Date.now() + config.sessionTtlMs));
    setSessionCookie(res, session.id, config.sessionTtlMs, config.secureCookies);
    issueCsrf(res, config.secureCookies); // a fresh token per session
    await store.audit({ actor: user.username, action: 'login', outcome: 'ok', ip: req.ip });
    res.redirect(303, next);
  });

  router.post('/logout', async (req, res) => {
    if (res.locals.sessionId) await store.deleteSession(res.locals.sessionId);
    if (res.locals.user) await store.audit({ actor: res.locals.user.username, action: 'logout', outcome: 'ok', ip: req.ip });
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, '/board');
  });

  return router;
}
