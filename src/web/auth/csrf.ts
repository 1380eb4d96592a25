import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type NextFunction, type Request, type Response } from 'express';
import { HttpError } from '../http';

export const CSRF_COOKIE = 'yc_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection. Signed in, the token is derived from the session token (HMAC keyed by it), so it is bound to the
 * session: a token or cookie planted from elsewhere, or one of an earlier session, is refused, and nothing needs
 * storing. Before login (the login form) it is a double-submit token: a random value in an HttpOnly, SameSite=Strict
 * cookie. Pages embed the token in their forms (`_csrf`) and in a meta tag for fetch (`x-csrf-token`); unsafe
 * requests must echo it. Runs after the session loader.
 */
export function csrfProtection(secureCookies: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    const refuse = () => next(new HttpError(403, '页面已过期，请刷新后重试。'));
    let token: string;
    if (res.locals.sessionId) {
      token = sessionCsrf(res.locals.sessionId);
    } else {
      const cookie = req.cookies?.[CSRF_COOKIE] as string | undefined;
      if (!cookie || !/^[a-f0-9]{64}$/.test(cookie)) {
        issueCsrf(res, secureCookies);
        return SAFE.has(req.method) ? next() : refuse();
      }
      token = cookie;
    }
    res.locals.csrf = token;
    if (SAFE.has(req.method)) return next();
    // multipart forms (uploads) are parsed after this check, so they carry the token in the query string
    const fromQuery = req.is('multipart/form-data') ? req.query._csrf : undefined;
    const sent = (req.get('x-csrf-token') ?? (req.body as Record<string, unknown> | undefined)?._csrf ?? fromQuery) as unknown;
    if (typeof sent !== 'string' || !same(sent, token)) return refuse();
    next();
  };
}

/** The token of a signed-in session; only who holds the session token can compute it. */
export function sessionCsrf(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('yc-csrf').digest('hex');
}

/** A fresh anonymous (double-submit) token, e.g. for the login form. */
export function issueCsrf(res: Response, secureCookies: boolean): string {
  const token = randomBytes(32).toString('hex');
  res.cookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secureCookies, path: '/' });
  res.locals.csrf = token;
  return token;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
