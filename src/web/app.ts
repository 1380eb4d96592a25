import express, { type NextFunction, type Request, type Response } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { csrfProtection } from './auth/csrf';
import { processIds } from './camunda/process-ids';
import { sessionLoader } from './auth/session';
import { type WebDeps } from './deps';
import { HttpError, pageContext, sendPage, wantsJson } from './http';
import { assessmentRoutes } from './routes/assessment';
import { accountRoutes, passwordChangeGate } from './routes/account';
import { adminRoutes } from './routes/admin';
import { attachmentRoutes } from './routes/attachments';
import { authRoutes } from './routes/auth';
import { calendarRoutes } from './routes/calendar';
import { recusalRoutes } from './routes/recusals';
import { complianceRoutes } from './routes/compliance';
import { decisionRoutes } from './routes/decisions';
import { eventRoutes } from './routes/events';
import { evidenceCheckRoutes } from './routes/evidence-check';
import { instanceModificationRoutes } from './routes/instance-modification';
import { monitoringRoutes } from './routes/monitoring';
import { planAssistantRoutes } from './routes/plan-assistant';
import { processRoutes } from './routes/processes';
import { boardRoutes, inboxRoutes, registerRoutes } from './routes/records';
import { taskRoutes } from './routes/tasks';
import { messagePage } from './views/layout';

/**
 * The web app: staff task list, registers and inbox, monitoring for administrators, the process owners'
 * workspace and the public notice board. Everything it needs is injected, so tests run it on port 0.
 */
export function createWebApp(deps: WebDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // pages differ per person and moment, so a hash of every page body (Express's default ETag) buys no 304s
  app.set('etag', false);
  // which proxies may name the client in X-Forwarded-For (WEB_TRUST_PROXY); the login limiter counts per client
  app.set('trust proxy', deps.config.trustProxy);

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // bpmn-js and form-js position elements with style attributes
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          // only behind HTTPS; on plain http (localhost) it would send sub-requests to a TLS port that is not there
          upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
        },
      },
    }),
  );
  app.use('/assets', express.static(deps.config.assetsDir, { fallthrough: false, maxAge: '1h', index: false }), assetNotFound);
  // "now" is the engine's time: bring the reading up to date before anything reads it
  app.use((_req: Request, _res: Response, next: NextFunction) => {
    if (!deps.now.sync) return next();
    deps.now.sync().then(() => next(), next);
  });
  app.use(cookieParser());
  app.use(express.urlencoded({ extended: false, limit: '200kb' }));
  app.use(express.json({ limit: '2mb' }));
  app.use(sessionLoader(deps));
  app.use(csrfProtection(deps.config.secureCookies));

  app.get('/', (_req, res) => res.redirect(303, res.locals.user ? '/tasks' : '/board'));
  app.use(authRoutes(deps));
  app.use(boardRoutes(deps));

  // Everything below needs a signed-in user.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (res.locals.user) return next();
    if (req.method === 'GET' && !wantsJson(req)) return res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
    next(new HttpError(401, '请先登录。'));
  });
  app.use(passwordChangeGate());
  app.use(accountRoutes(deps));
  app.use(taskRoutes(deps));
  app.use(planAssistantRoutes(deps));
  app.use(attachmentRoutes(deps));
  app.use(eventRoutes(deps));
  app.use(registerRoutes(deps));
  app.use(assessmentRoutes(deps));
  app.use(inboxRoutes(deps));
  const deployedProcesses = processIds(deps.camunda, { ttlMs: deps.config.processListTtlMs, now: deps.wallClock ?? (() => new Date()) });
  app.use(complianceRoutes(deps));
  app.use(monitoringRoutes(deps, deployedProcesses));
  app.use(instanceModificationRoutes(deps));
  app.use(decisionRoutes(deps));
  app.use(processRoutes(deps, deployedProcesses));
  app.use(calendarRoutes(deps));
  app.use(recusalRoutes(deps));
  app.use(evidenceCheckRoutes(deps));
  app.use(adminRoutes(deps));

  app.use((_req, _res, next) => next(new HttpError(404, '未找到您要的内容。')));
  app.use(errorHandler(deps));
  return app;
}

/** Whatever the static handler refuses (unknown file, `..%2F`, a malformed escape) is simply not there. */
function assetNotFound(_err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  next(new HttpError(404, '未找到您要的内容。'));
}

/** Maps errors to pages or JSON; Camunda's problem responses keep their status (404, 409), anything else is 500. */
function errorHandler(deps: WebDeps) {
  const log = deps.logger;
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { status, message, fieldErrors } = describe(err);
    if (status >= 500) log.error({ err, path: req.path }, 'request failed');
    if (status === 403 && res.locals.user) {
      void deps.store.audit({ actor: res.locals.user.username, action: `${req.method} ${req.path}`, outcome: 'denied', ip: req.ip });
    }
    if (res.headersSent) return;
    if (wantsJson(req)) return res.status(status).json({ error: message, fieldErrors });
    if (!res.locals.csrf) res.locals.csrf = '';
    sendPage(res, messagePage(pageContext(req, res), titles[status] ?? '出错了', message), status);
  };
}

const titles: Record<number, string> = { 503: '服务暂不可用', 400: '请求有误', 401: '请先登录', 403: '无权访问', 404: '未找到', 409: '操作冲突', 422: '填写有误', 429: '请求过于频繁' };

function describe(err: unknown): { status: number; message: string; fieldErrors?: Record<string, string> } {
  if (err instanceof HttpError) return { status: err.status, message: err.message, fieldErrors: err.fieldErrors };
  const e = err as { status?: number; statusCode?: number; type?: string; detail?: string; body?: { status?: number; detail?: string } };
  if (e?.type === 'entity.too.large') return { status: 413, message: '提交的内容过大。' };
  if (e?.type === 'entity.parse.failed') return { status: 400, message: '提交的数据格式有误。' };
  const status = e?.status ?? e?.statusCode ?? e?.body?.status;
  // unreachable, or reachable but down (Camunda answers 503 while the engine cannot process)
  const unreachable = status === undefined && /fetch failed|ECONNREFUSED|network/i.test(String((err as Error)?.message ?? '') + String((err as { cause?: Error })?.cause?.message ?? ''));
  if (unreachable || status === 503) {
    return { status: 503, message: '暂时无法连接流程引擎，请稍后重试。' };
  }
  if (status === 404) return { status: 404, message: '流程引擎中未找到该对象，可能已完成或被删除。' };
  if (status === 409) return { status: 409, message: `操作与当前状态冲突：${e.detail ?? e.body?.detail ?? '请刷新后重试。'}` };
  if (status === 400) return { status: 400, message: `流程引擎拒绝了请求：${e.detail ?? e.body?.detail ?? ''}` };
  return { status: 500, message: '服务器内部错误，请稍后重试或联系系统管理员。' };
}
