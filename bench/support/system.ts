// The whole system in this process for B5/B7: a durable embedded engine with its gateways, every diagram, decision
// table and form of processes/ and forms/, the domain store with the demo data, the real workers over gRPC
// streams (no SMTP: notifications stay in the inbox) and the web app, all on loopback and free ports.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { loadConfig } from '../../src/config';
import { openStore, type Store } from '../../src/db/connect';
import { createContentStore } from '../../src/db/content-store';
import { DEMO_PASSWORD, seedDemoData } from '../../src/db/seed';
import { createEngine, type Engine, type EngineOptions } from '../../src/engine';
import { readModels, startGateways, type Gateways } from '../../src/gateway';
import { rootLogger } from '../../src/logging';
import { startWeb } from '../../src/web/server';
import { startWorkers, type WorkerRuntime } from '../../workers';
import { createMailer } from '../../workers/runtime/mailer';

const root = path.resolve(__dirname, '../..');

export interface BenchSystem {
  engine: Engine;
  gateways: Gateways;
  store: Store;
  runtime: WorkerRuntime;
  restUrl: string;
  webUrl: string;
  /** Signs in through the login form; returns the session cookie header. */
  login(user: string): Promise<string>;
  close(): Promise<void>;
}

export function projectResources() {
  const from = (dir: string, ext: RegExp) => readdirSync(path.join(root, dir)).filter((f) => ext.test(f))
    .map((f) => ({ name: f, content: readFileSync(path.join(root, dir, f)) }));
  return [...from('processes', /\.(bpmn|dmn)$/), ...from('forms', /\.form$/)];
}

export async function startSystem(durability: EngineOptions['durability'] = 'normal'): Promise<BenchSystem> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yc-bench-system-'));
  const engine = await createEngine({ dataDir: path.join(dir, 'engine'), durability, clockControlled: false, projections: [readModels()] });
  const gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0 });
  await engine.deploy(projectResources());
  const restUrl = `http://127.0.0.1:${gateways.restPort}`;
  const env = { ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${gateways.grpcPort}`, ZEEBE_REST_ADDRESS: restUrl, CAMUNDA_AUTH_STRATEGY: 'NONE' };
  const c8 = new Camunda8({ ...env, CAMUNDA_LOG_LEVEL: 'none', ZEEBE_CLIENT_LOG_LEVEL: 'NONE' } as never);
  const store = await openStore({ databaseUrl: `sqlite:${path.join(dir, 'domain.db')}` });
  await seedDemoData(store.db);
  const mailer = createMailer({ port: 25, secure: false, from: 'x' });
  const runtime = await startWorkers({
    camunda: c8, transport: 'grpc-stream', maxParallelJobs: 32,
    deps: { db: store.db, archive: createContentStore(path.join(dir, 'archive')), clock: () => new Date(), logger: rootLogger(), mailer,
      settings: { firstCycleStart: '2025-01-01', publicUrl: 'http://127.0.0.1:3000' } },
  });
  const web = await startWeb({ config: loadConfig({ ...env, DATA_DIR: dir }), db: store.db, host: '127.0.0.1', port: 0 });
  const webUrl = web.url.replace(/\/$/, '');
  return {
    engine, gateways, store, runtime, restUrl, webUrl,
    async login(user) {
      const page = await fetch(`${webUrl}/login`);
      const cookies = page.headers.getSetCookie().map((c) => c.split(';')[0]);
      const csrf = /name="csrf-token" content="([a-f0-9]{64})"/.exec(await page.text())?.[1];
      if (!csrf) throw new Error('login page has no CSRF token');
      const res = await fetch(`${webUrl}/login`, {
        method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; ') },
        body: new URLSearchParams({ _csrf: csrf, username: user, password: DEMO_PASSWORD }).toString(),
      });
      if (res.status !== 303) throw new Error(`login as ${user} failed: ${res.status}`);
      return [...cookies, ...res.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
    },
    async close() {
      await runtime.stop();
      await web.close();
      await c8.closeAllClients();
      await gateways.close();
      await engine.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
