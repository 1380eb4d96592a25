import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type NextFunction, type Request, type Response } from 'express';
import { HttpError } from '../http';

export const CSRF_COOKIE = 'yc_csrf';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Double-submit CSRF protection: a random token in an HttpOnly, SameSite=Strict cookie that every page embeds
 * in its forms (`_csrf`) and in a meta tag for fetch (`x-csrf-token`). Unsafe requests must echo it.
 */
export function csrfProtection(secureCookies: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    let token = req.cookies?.[CSRF_COOKIE] as string | undefined;
    if (!token || !/^[a-f0-9]{64}$/.test(token)) {
      token = issueCsrf(res, secureCookies);
      if (!SAFE.has(req.method)) return next(new HttpError(403, '页面已过期，请刷新后重试。'));
    }
    res.locals.csrf = token;
    if (SAFE.has(req.method)) return next();
    // multipart forms (uploads) are parsed after this check, so they carry the token in the query string
    const fromQuery = req.is('multipart/form-data') ? req.query._csrf : undefined;
    const sent = (req.get('x-csrf-token') ?? (req.body as Record<string, unknown> | undefined)?._csrf ?? fromQuery) as unknown;
    if (typeof sent !== 'string' || !same(sent, token)) return next(new HttpError(403, '页面已过期，请刷新后重试。'));
    next();
  };
}

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
