import { type NextFunction, type Request, type Response } from 'express';
import { type WebDeps } from '../deps';

export const SESSION_COOKIE = 'yc_sid';

/** Loads the signed-in user from the session stored in the domain database (which enforces expiry). */
export function sessionLoader(deps: WebDeps) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const id = req.cookies?.[SESSION_COOKIE] as string | undefined;
    if (!id || id.length > 200) return next();
    const user = await deps.store.sessionUser(id);
    if (!user) {
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      return next();
    }
    res.locals.user = user;
    res.locals.sessionId = id;
    res.locals.unread = await deps.store.unreadCount(user.accountId);
    next();
  };
}

export function setSessionCookie(res: Response, id: string, ttlMs: number, secure: boolean): void {
  res.cookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: ttlMs });
}
