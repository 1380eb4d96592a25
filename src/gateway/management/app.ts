import express, { type Express, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Engine } from '../../engine/api';
import { componentLogger } from '../../logging';
import { isAuthorized, type GatewayAuth } from '../shared/auth';
import { problem, toProblem } from '../shared/errors';
import { describeIssues } from '../rest/http';

const log = componentLogger('management');

/**
 * The management port (`:9600`): health for probes, and the clock and purge endpoints that Camunda's process-test
 * tools call. Health is open (probes carry no credentials); everything else needs the gateway credentials.
 */
export function createManagementApp(engine: Engine, auth: GatewayAuth, clockControlled: boolean): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: 64 * 1024 }));
  let changeId = 0;

  const send = (res: express.Response, status: number, title: string, detail: string) =>
    res.status(status).type('application/problem+json').send(JSON.stringify(problem(status, title, detail)));

  app.get(['/actuator/health', '/actuator/health/liveness', '/actuator/health/readiness'], (_req, res) => {
    const health = engine.health();
    res.status(health.status === 'UP' ? 200 : 503).json(health.status === 'UP' ? { status: 'UP' } : { status: 'DOWN', details: { reason: health.details ?? 'unknown' } });
  });

  const authenticate: RequestHandler = (req, res, next) =>
    isAuthorized(auth, req.headers.authorization) ? next() : send(res, 401, 'UNAUTHORIZED', 'Expected valid credentials in the Authorization header');
  const controlled: RequestHandler = (_req, res, next) =>
    clockControlled ? next() : send(res, 403, 'FORBIDDEN', 'Only available when the engine runs with ENGINE_CLOCK_CONTROLLED=true');
  const body = <T extends z.ZodType>(schema: T, value: unknown): z.infer<T> | string => {
    const result = schema.safeParse(value ?? {});
    return result.success ? result.data : describeIssues(result.error.issues, 'body');
  };
  const clockState = () => {
    const now = engine.clock.now();
    return { epochMilli: now, instant: new Date(now).toISOString() };
  };

  app.get('/actuator/clock', authenticate, (_req, res) => {
    res.json(clockState());
  });
  app.post('/actuator/clock', authenticate, controlled, (req, res) => {
    const parsed = body(z.object({ epochMilli: z.number().int().min(0) }), req.body);
    if (typeof parsed === 'string') return send(res, 400, 'INVALID_ARGUMENT', parsed);
    engine.clock.pin(parsed.epochMilli);
    res.json(clockState());
  });
  app.post('/actuator/clock/add', authenticate, controlled, (req, res) => {
    const parsed = body(z.object({ offsetMilli: z.number().int() }), req.body);
    if (typeof parsed === 'string') return send(res, 400, 'INVALID_ARGUMENT', parsed);
    engine.clock.add(parsed.offsetMilli);
    res.json(clockState());
  });
  app.delete('/actuator/clock', authenticate, controlled, (_req, res) => {
    engine.clock.reset();
    res.json(clockState());
  });

  app.post('/actuator/cluster/purge', authenticate, controlled, async (_req, res) => {
    await engine.purge();
    changeId += 1;
    log.info({ changeId }, 'engine data purged');
    res.status(202).json({ changeId, currentTopology: [], plannedChanges: [], expectedTopology: [] });
  });
  app.get('/actuator/cluster', authenticate, (_req, res) => {
    res.json({
      version: changeId,
      brokers: [{ id: 0, state: 'ACTIVE', partitions: [{ id: 1, state: 'ACTIVE', priority: 1 }] }],
      lastChange: changeId > 0 ? { id: changeId, status: 'COMPLETED' } : undefined,
    });
  });

  app.use((req, res) => send(res, 404, 'NOT_FOUND', `No endpoint ${req.method} ${req.originalUrl}`));
  app.use(((err, _req, res, _next) => {
    const p = toProblem(err);
    if (p.status >= 500) log.error({ err }, 'management request failed');
    res.status((err as { status?: number }).status ?? p.status).type('application/problem+json').send(JSON.stringify(p));
  }) as express.ErrorRequestHandler);
  return app;
}
