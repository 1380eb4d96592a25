import { type IncomingMessage, type ServerResponse } from 'node:http';
import { sql } from 'kysely';
import { type Camunda8 } from '@camunda8/sdk';
import { type Db } from '../db/connect';

/** A dependency the process cannot do its work without; resolves when it answers. */
export type HealthCheck = () => Promise<unknown>;

const CHECK_TIMEOUT_MS = 3000;

/** The domain store answers a query. */
export const storeCheck = (db: Db): HealthCheck => () => sql`select 1`.execute(db);

/** The engine's REST API answers (the workers cannot work without it). */
export const engineCheck = (camunda: Camunda8): HealthCheck => () => camunda.getOrchestrationClusterApiClientLoose().getTopology();

function withTimeout(check: HealthCheck): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([check(), timeout]).finally(() => clearTimeout(timer));
}

export interface HealthReport {
  status: 'UP' | 'DOWN';
  components: Record<string, { status: 'UP' | 'DOWN'; error?: string }>;
}

/** Runs every check; UP only when all answer. */
export async function healthReport(checks: Record<string, HealthCheck>, stopping = false): Promise<HealthReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await withTimeout(check);
        return [name, { status: 'UP' as const }] as const;
      } catch (err) {
        return [name, { status: 'DOWN' as const, error: err instanceof Error ? err.message : String(err) }] as const;
      }
    }),
  );
  const components = Object.fromEntries(entries);
  const up = !stopping && entries.every(([, c]) => c.status === 'UP');
  return { status: up ? 'UP' : 'DOWN', components };
}

/**
 * `GET /health`: 200 with {status: 'UP'} when every check answers, 503 otherwise (and while shutting down, so a
 * load balancer stops sending work). Works as a plain node:http handler and as express middleware.
 */
export function healthHandler(checks: Record<string, HealthCheck>, isStopping: () => boolean = () => false) {
  return (_req: IncomingMessage, res: ServerResponse): void => {
    void healthReport(checks, isStopping()).then((report) => {
      res.writeHead(report.status === 'UP' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(report));
    });
  };
}
