// A web app asked to stop (SIGTERM in a container) finishes the requests in progress before it closes.
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/db/connect';
import { DEMO_PASSWORD, seedDemoData } from '../../src/db/seed';
import { camundaFromConfig, type RunningWeb, startWeb } from '../../src/web/server';
import { type EmbeddedEngine, startEmbeddedEngine } from '../support/embedded-engine';

/**
 * Forwards HTTP to `port` after `delayMs`, so the web app's calls to the engine are in flight for a while;
 * `onRequest` is called as each call arrives.
 */
function slowProxy(port: number, delayMs: number, onRequest: () => void): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    onRequest();
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      setTimeout(() => {
        const upstream = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.end(Buffer.concat(body));
      }, delayMs);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function signIn(url: string, login: string): Promise<string> {
  const page = await fetch(new URL('login', url));
  const cookies = page.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = /name="csrf-token" content="([a-f0-9]{64})"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(new URL('login', url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.join('; ') },
    body: new URLSearchParams({ _csrf: csrf, username: login, password: DEMO_PASSWORD }).toString(),
  });
  expect(res.status).toBe(303);
  return [...cookies, ...res.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
}

describe('web app shutdown', () => {
  let engine: EmbeddedEngine;
  let proxy: http.Server;
  let store: Store;
  let web: RunningWeb;
  let engineCalled: () => void = () => undefined;

  beforeAll(async () => {
    engine = await startEmbeddedEngine();
    proxy = await slowProxy(engine.gateways.restPort, 400, () => engineCalled());
    const dataDir = mkdtempSync(join(tmpdir(), 'web-shutdown-'));
    const config = { ...engine.config(dataDir), ZEEBE_REST_ADDRESS: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` };
    store = await openStore({ databaseUrl: 'sqlite::memory:' });
    await seedDemoData(store.db);
    web = await startWeb({ config, db: store.db, host: '127.0.0.1', port: 0, camunda: camundaFromConfig(config), assetsDir: join(dataDir, 'assets') });
  }, 30_000); // building the web app's assets takes several seconds on a loaded machine
  afterAll(async () => {
    proxy.close();
    await store.close();
    await engine.close();
  });

  it('answers a task-list request that is waiting for the engine, then closes', async () => {
    // given a signed-in member of the office whose task list is being fetched
    const cookie = await signIn(web.url, 'anweiban');
    const reachedEngine = new Promise<void>((resolve) => {
      engineCalled = resolve;
    });
    const inFlight = fetch(new URL('tasks', web.url), { headers: { cookie } });
    await reachedEngine; // the page is being built and waits on the slow engine
    // when the app is told to stop
    const closed = web.close();
    // then the request still gets its page, and the app closes
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('任务');
    await expect(closed).resolves.toBeUndefined();
  });
});
