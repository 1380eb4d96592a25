import { type Request, type Response } from 'express';
import { type Principal } from './auth/roles';
import { type SafeHtml } from './html';
import { type PageContext } from './views/layout';

/** An error with the status and the Chinese message the user sees. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const forbidden = () => new HttpError(403, '您没有权限访问此页面。');
export const notFound = () => new HttpError(404, '未找到您要的内容。');
export const badRequest = (message: string) => new HttpError(400, message);

declare module 'express-serve-static-core' {
  interface Locals {
    user?: Principal;
    sessionId?: string;
    csrf: string;
    unread?: number;
  }
}

export function pageContext(req: Request, res: Response): PageContext {
  return { user: res.locals.user, csrf: res.locals.csrf, unread: res.locals.unread, path: req.path };
}

export function sendPage(res: Response, page: SafeHtml, status = 200): void {
  res.status(status).type('html').send(page.value);
}

export function requireUser(res: Response): Principal {
  const user = res.locals.user;
  if (!user) throw new HttpError(401, '请先登录。');
  return user;
}

/** True when the client wants JSON (fetch from a browser script) rather than a page. */
export function wantsJson(req: Request): boolean {
  return req.is('application/json') === 'application/json' || req.accepts(['html', 'json']) === 'json';
}

/** A single string from a query or body value, or undefined. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (Array.isArray(value) && typeof value[0] === 'string') return str(value[0]);
  return undefined;
}

/** Keys travel as int64 decimal strings; anything else is a 404, never a crash. */
export function keyParam(value: unknown): string {
  const s = str(value);
  if (!s || !/^-?\d{1,19}$/.test(s)) throw notFound();
  return s;
}
