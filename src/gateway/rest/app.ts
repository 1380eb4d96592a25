import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import multer from 'multer';
import type { Engine } from '../../engine/api';
import { componentLogger } from '../../logging';
import { isAuthorized, type GatewayAuth } from '../shared/auth';
import { problem, toProblem, type Problem } from '../shared/errors';
import type { GatewayLimits } from '../shared/limits';
import { PayloadTooLarge } from './bounded-upload';
import { durableReads } from './durable-reads';
import { NotFound } from './http';
import { clusterRoutes, type ClusterInfo } from './routes/cluster';
import { definitionRoutes } from './routes/definitions';
import { deploymentRoutes } from './routes/deployments';
import { documentRoutes } from './routes/documents';
import { incidentAndVariableRoutes } from './routes/incidents-variables';
import { jobRoutes } from './routes/jobs';
import { messageRoutes } from './routes/messages';
import { modificationRoutes } from './routes/modification';
import { processInstanceRoutes } from './routes/process-instances';
import { userTaskRoutes } from './routes/user-tasks';

export interface RestOptions {
  auth: GatewayAuth;
  limits: GatewayLimits;
  cluster: ClusterInfo;
}

const log = componentLogger('rest');

export function sendProblem(res: express.Response, body: Problem): void {
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}

/** Camunda's REST `/v2` over the engine: zod-validated requests, RFC 9457 problems, keys as strings. */
export function createRestApp(engine: Engine, options: RestOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  const authenticate: RequestHandler = (req, res, next) => {
    if (isAuthorized(options.auth, req.headers.authorization)) return next();
    res.setHeader('WWW-Authenticate', options.auth.kind === 'bearer' ? 'Bearer' : 'Basic realm="camunda"');
    sendProblem(res, problem(401, 'UNAUTHORIZED', 'Expected valid credentials in the Authorization header, but none or wrong ones were given', req.originalUrl));
  };

  const v2 = express.Router();
  // reads answer only once what they read is durable (the engine's commands already answer that way)
  v2.use(durableReads(engine));
  v2.use(express.json({ limit: options.limits.maxJsonBodyBytes, type: ['application/json', 'application/*+json'] }));
  v2.use(deploymentRoutes(engine, options.limits));
  v2.use(documentRoutes());
  v2.use(processInstanceRoutes(engine, options.limits));
  v2.use(modificationRoutes(engine));
  v2.use(definitionRoutes(engine));
  v2.use(incidentAndVariableRoutes(engine));
  v2.use(userTaskRoutes(engine));
  v2.use(jobRoutes(engine, options.limits));
  v2.use(messageRoutes(engine));
  v2.use(clusterRoutes(engine, options.cluster));
  v2.use((req, res) => sendProblem(res, problem(404, 'NOT_FOUND', `No endpoint ${req.method} ${req.originalUrl}`, req.originalUrl)));

  app.use('/v2', authenticate, v2);
  app.use((req, res) => sendProblem(res, problem(404, 'NOT_FOUND', `No endpoint ${req.method} ${req.originalUrl}`, req.originalUrl)));
  app.use(errorHandler);
  return app;
}

const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const instance = req.originalUrl;
  const body = toHttpProblem(err, instance, options(err));
  if (body.status >= 500) log.error({ err, path: req.path }, 'request failed');
  else log.debug({ status: body.status, path: req.path, detail: body.detail }, 'request refused');
  if (res.headersSent) return;
  sendProblem(res, body);
};

function options(err: unknown): { type?: string; status?: number } {
  return typeof err === 'object' && err !== null ? (err as { type?: string; status?: number }) : {};
}

function toHttpProblem(err: unknown, instance: string, meta: { type?: string; status?: number }): Problem {
  if (err instanceof NotFound) return problem(404, 'NOT_FOUND', err.message, instance);
  if (err instanceof PayloadTooLarge) return problem(413, 'PAYLOAD_TOO_LARGE', err.message, instance);
  if (err instanceof multer.MulterError) {
    const tooLarge = err.code === 'LIMIT_FILE_SIZE' || err.code === 'LIMIT_FILE_COUNT';
    return problem(tooLarge ? 413 : 400, tooLarge ? 'PAYLOAD_TOO_LARGE' : 'INVALID_ARGUMENT', `Invalid multipart request: ${err.message} (${err.field ?? 'resources'})`, instance);
  }
  if (meta.type === 'entity.too.large') return problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than the engine accepts', instance);
  if (meta.type === 'entity.parse.failed') return problem(400, 'INVALID_ARGUMENT', `The request body is not valid JSON: ${(err as Error).message}`, instance);
  if (meta.type && meta.status && meta.status >= 400 && meta.status < 500) return problem(meta.status, 'INVALID_ARGUMENT', (err as Error).message, instance);
  return toProblem(err, instance);
}
