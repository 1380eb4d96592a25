import type { Request, RequestHandler, Response } from 'express';
import type { Engine } from '../../engine/api';
import { componentLogger } from '../../logging';
import { toProblem } from '../shared/errors';

const log = componentLogger('rest');

/** Camunda's cluster endpoints read no records: they answer at once, also while the engine is down. */
const STATELESS_GETS = new Set(['/topology', '/status', '/license']);
/** Camunda's `/v2` names every read sent as a POST `…/search` or `…/statistics/…`; any other POST is a command. */
const READ_POST = /\/search$|\/statistics\//;

/**
 * Whether the request answers from the read models or other state a command may have changed (its path relative
 * to `/v2`). Commands need no wait: the engine answers them only once their batch is durable.
 */
export function readsState(req: Request): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return !STATELESS_GETS.has(req.path);
  return req.method === 'POST' && READ_POST.test(req.path);
}

/**
 * Holds the answer of every read (found, not found or refused alike) until the batches written before it went
 * out are durable, so that no answer shows what a crash could still undo; when the engine goes down meanwhile the
 * read is answered with the engine's refusal instead. When nothing waits for a flush the answer goes out in the
 * same turn of the event loop.
 */
export function durableReads(engine: Engine): RequestHandler {
  return (req, res, next) => {
    if (readsState(req)) answerWhenDurable(engine, req, res);
    next();
  };
}

type End = (this: Response, ...args: unknown[]) => Response;

function answerWhenDurable(engine: Engine, req: Request, res: Response): void {
  const end = res.end as unknown as End;
  const held: End = function (this: Response, ...args) {
    engine.durable().then(
      () => end.apply(res, args),
      (err: unknown) => refuse(res, end, toProblem(err, req.originalUrl)),
    );
    return res;
  };
  res.end = held as unknown as Response['end'];
}

function refuse(res: Response, end: End, body: ReturnType<typeof toProblem>): void {
  log.warn({ status: body.status, detail: body.detail }, 'read answered with a refusal: what it read is not durable');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.statusCode = body.status;
  res.setHeader('Content-Type', 'application/problem+json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  end.call(res, text);
}
