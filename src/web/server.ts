import { type AddressInfo } from 'node:net';
import { type Server } from 'node:http';
import express from 'express';
import { join } from 'node:path';
import { createCamunda } from '../camunda/client';
import { clockFromConfig, type SystemClock } from '../camunda/engine-clock';
import { type Config } from '../config';
import { type Db } from '../db/connect';
import { healthHandler, storeCheck } from '../health';
import { componentLogger } from '../logging';
import { createWebApp } from './app';
import { buildAssets } from './assets/build';
import { type CamundaPort, fromCamundaClient } from './camunda/port';
import { defaultWebConfig } from './deps';
import { domainStore } from './store/domain-store';
import { passwordPolicyFor } from '../db/install';
import { watchEvidence } from './evidence-watch';

export interface RunningWeb {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** A Camunda REST /v2 client configured explicitly from our config (never from the SDK's copy of process.env). */
export function camundaFromConfig(config: Config): CamundaPort {
  const c8 = createCamunda(config);
  return fromCamundaClient(c8.getOrchestrationClusterApiClient());
}

export interface StartWebOptions {
  config: Config;
  db: Db;
  /** Defaults to config WEB_HOST / WEB_PORT; tests pass port 0. */
  host?: string;
  port?: number;
  camunda?: CamundaPort;
  assetsDir?: string;
  formsDir?: string;
  /** The engine's time; default: read from the engine's management API (src/camunda/engine-clock). */
  clock?: SystemClock;
}

/** Builds the browser bundles if needed, then serves the web app. For entry points and tests. */
export async function startWeb(options: StartWebOptions): Promise<RunningWeb> {
  const log = componentLogger('web');
  const { config } = options;
  // under DATA_DIR: writable in the container (the app directory is not) and ignored by git
  const assetsDir = options.assetsDir ?? join(config.DATA_DIR, 'web-assets');
  const built = await buildAssets(assetsDir);
  if (built.built) log.info({ ms: built.ms, assetsDir }, 'browser bundles built');
  const now = options.clock ?? clockFromConfig(config);
  const store = domainStore(options.db, { archiveDir: join(config.DATA_DIR, 'archive'), firstCycleStart: config.INSPECTION_CYCLE_START, now, passwordPolicy: passwordPolicyFor(config.NODE_ENV === 'production') });
  const stopEvidenceWatch = watchEvidence(() => store.checkEvidence(), log);
  const app = createWebApp({
    camunda: options.camunda ?? camundaFromConfig(config),
    store,
    now,
    logger: log,
    config: {
      ...defaultWebConfig(assetsDir),
      formsDir: options.formsDir ?? join(process.cwd(), 'forms'),
      secureCookies: (config.PUBLIC_URL ?? '').startsWith('https://'),
      trustProxy: config.WEB_TRUST_PROXY,
      uploadTempDir: join(config.DATA_DIR, 'archive', 'incoming'),
    },
  });
  // /health sits outside the app: no session, no CSRF cookie, no log line per probe.
  let stopping = false;
  const root = express();
  root.disable('x-powered-by');
  root.get('/health', healthHandler({ store: storeCheck(options.db) }, () => stopping));
  root.use(app);
  const host = options.host ?? config.WEB_HOST;
  const server = await new Promise<Server>((resolve, reject) => {
    const s = root.listen(options.port ?? config.WEB_PORT, host, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = config.PUBLIC_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  log.info({ url }, 'web app listening');
  return {
    url,
    server,
    // Stop accepting, let requests in progress finish (idle keep-alive sockets close at once), cut the rest after
    // a grace period: a SIGTERM never drops a staff member's submission half-way.
    close: () => new Promise<void>((resolve) => {
      stopping = true;
      stopEvidenceWatch();
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 3000).unref();
    }),
  };
}
