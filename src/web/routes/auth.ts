import { type Request, type Response, Router } from 'express';
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

/** The login name an attempt is for, as the account limiter counts it. */
function accountOf(req: Request): string {
  return (str((req.body as Record<string, unknown> | undefined)?.username) ?? '').toLowerCase().slice(0, 64);
}

/** Disabled and locked are told only to who gave the right password, so they reveal nothing to a guesser. */
const REFUSALS = {
  wrong: { status: 401, error: '用户名或密码错误。' },
  disabled: { status: 403, error: '该账号已停用，请联系系统管理员。' },
  locked: { status: 403, error: '该账号因多次登录失败已锁定，请联系系统管理员解锁。' },
} as const;

export function authRoutes(deps: WebDeps): Router {
  const router = Router();
  const { config, store } = deps;

  // Failed attempts count, per client address and per account; a successful login takes its attempt back, so an
  // office behind one NAT address is not locked out by its own staff signing in. Too many failures for one account
  // lock it until an administrator unlocks it; the unlock starts its count afresh (the key names the lock epoch). The
  // account's count comes first, so failures from one address also lock the account they aim at.
  const refuse = (req: Request, res: Response, reason: string) => {
    void store.audit({ actor: null, action: 'login', outcome: 'denied', detail: { reason }, ip: req.ip });
    sendPage(res, loginPage(pageContext(req, res), { error: '登录尝试过于频繁，请稍后再试。' }), 429);
  };
  const failures = (key: 'address' | 'account') => rateLimit({
    windowMs: config.loginLimit.windowMs,
    limit: config.loginLimit.limit,
    standardHeaders: key === 'address' ? 'draft-8' : false,
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    // whether X-Forwarded-For counts is WEB_TRUST_PROXY's decision (README), not a misconfiguration to report
    validate: { xForwardedForHeader: false },
    ...(key === 'account'
      ? {
        keyGenerator: async (req: Request) => `account:${accountOf(req)}:${await store.admin.lockEpoch(accountOf(req))}`,
        skip: (req: Request) => !accountOf(req),
      }
      : {}),
    handler: async (req, res) => {
      if (key === 'account') await store.admin.lockAfterFailures(accountOf(req), req.ip);
      refuse(req, res, `rate-limited-${key}`);
    },
  });
  const perAddress = failures('address');
  const perAccount = failures('account');

  router.get('/login', (req, res) => {
    if (res.locals.user) return res.redirect(303, safeNext(str(req.query.next)));
    sendPage(res, loginPage(pageContext(req, res), { next: str(req.query.next) }));
  });

  router.post('/login', perAccount, perAddress, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const username = str(body.username) ?? '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(str(body.next));
    const outcome = username && password ? await store.admin.signIn(username, password) : { refused: 'wrong' as const };
    if (!('user' in outcome)) {
      const { status, error } = REFUSALS[outcome.refused];
      await store.audit({ actor: username || null, action: 'login', outcome: 'denied', detail: { reason: outcome.refused }, ip: req.ip });
      return sendPage(res, loginPage(pageContext(req, res), { error, username, next }), status);
    }
    const { user } = outcome;
    // a session's lifetime is technical time (wall clock): moving the engine's clock must not sign everyone out
    const session = await store.createSession(user.accountId, new Date(Date.now() + config.sessionTtlMs));
    setSessionCookie(res, session.id, config.sessionTtlMs, config.secureCookies);
    issueCsrf(res, config.secureCookies); // the anonymous token is not reused; signed in, the session's token applies
    await store.audit({ actor: user.username, action: 'login', outcome: 'ok', ip: req.ip });
    res.redirect(303, user.mustChangePassword ? `/account/password?next=${encodeURIComponent(next)}` : next);
  });

  router.post('/logout', async (req, res) => {
    if (res.locals.sessionId) await store.deleteSession(res.locals.sessionId);
    if (res.locals.user) await store.audit({ actor: res.locals.user.username, action: 'logout', outcome: 'ok', ip: req.ip });
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, '/board');
  });

  return router;
}
