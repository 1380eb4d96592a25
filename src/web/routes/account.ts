import { type NextFunction, type Request, type Response, Router } from 'express';
import { PasswordPolicyError } from '../../db/account-admin';
import { type WebDeps } from '../deps';
import { HttpError, pageContext, requireUser, sendPage, str, wantsJson } from '../http';
import { passwordPage } from '../views/password';

/** Only same-site paths are accepted as the page to return to. */
const safeNext = (value: string | undefined) => (value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/tasks');

const PASSWORD_PAGE = '/account/password';

/**
 * A user whose password an administrator set (a new account, a reset) may do nothing but change it (and log out):
 * pages lead to 修改密码, anything else is refused.
 */
export function passwordChangeGate() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!res.locals.user?.mustChangePassword || req.path === PASSWORD_PAGE || req.path === '/logout') return next();
    if (req.method === 'GET' && !wantsJson(req)) return res.redirect(303, `${PASSWORD_PAGE}?next=${encodeURIComponent(req.originalUrl)}`);
    next(new HttpError(403, '请先修改由系统管理员设置的密码。'));
  };
}

/** 修改密码 for every signed-in user. */
export function accountRoutes(deps: WebDeps): Router {
  const router = Router();
  const { store } = deps;

  router.get(PASSWORD_PAGE, (req, res) => {
    const user = requireUser(res);
    sendPage(res, passwordPage(pageContext(req, res), { forced: !!user.mustChangePassword, next: str(req.query.next), saved: str(req.query.saved) === '1' }));
  });

  router.post(PASSWORD_PAGE, async (req, res) => {
    const user = requireUser(res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const text = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
    const next = str(body.next);
    const refuse = (problems: string[]) =>
      sendPage(res, passwordPage(pageContext(req, res), { forced: !!user.mustChangePassword, next, problems }), 422);
    if (text('password') !== text('confirm')) return refuse(['两次输入的新密码不一致。']);
    try {
      await store.admin.changeOwnPassword(user.username, user.accountId, text('current'), text('password'), res.locals.sessionId!);
    } catch (err) {
      if (err instanceof PasswordPolicyError) return refuse(err.problems);
      throw err;
    }
    res.redirect(303, user.mustChangePassword ? safeNext(next) : `${PASSWORD_PAGE}?saved=1`);
  });

  return router;
}
