import request from 'supertest';
import { openStore } from '../../src/db/connect';
import { seedDemoData } from '../../src/db/seed';
import { componentLogger } from '../../src/logging';
import { createWebApp } from '../../src/web/app';
import { fromCamundaClient } from '../../src/web/camunda/port';
import { defaultWebConfig } from '../../src/web/deps';
import { domainStore } from '../../src/web/store/domain-store';
import { Camunda8 } from '@camunda8/sdk';
import { csrfOf } from './support/harness';
import { DEMO_PASSWORD } from '../../src/db/seed';
import { createServer } from 'node:net';
import http from 'node:http';

/** A port nobody listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** A gateway that is up but whose engine is down: every request gets Camunda's 503 problem. */
async function downGateway(): Promise<http.Server> {
  const server = http.createServer((_req, res) => {
    res.writeHead(503, { 'content-type': 'application/problem+json' });
    res.end(JSON.stringify({ type: 'about:blank', title: 'SERVICE_UNAVAILABLE', status: 503, detail: 'The engine is down: failed to flush the engine database to disk' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return server;
}

/** Signs the office in to a web app whose engine is at `restAddress`, and fetches the task list and the public board. */
async function tasksAndBoard(restAddress: string): Promise<{ tasks: request.Response; board: request.Response }> {
  const store = await openStore({ databaseUrl: 'sqlite::memory:' });
  await seedDemoData(store.db);
  const c8 = new Camunda8({ ZEEBE_REST_ADDRESS: restAddress, CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: 1 } as never);
  try {
    const now = () => new Date();
    const app = createWebApp({ camunda: fromCamundaClient(c8.getOrchestrationClusterApiClient()), store: domainStore(store.db, { archiveDir: '/tmp', now }), logger: componentLogger('web-test'), config: defaultWebConfig('/tmp'), now });
    const agent = request.agent(app);
    const csrf = csrfOf((await agent.get('/login')).text);
    await agent.post('/login').type('form').send({ _csrf: csrf, username: 'anweiban', password: DEMO_PASSWORD }).expect(303);
    return { tasks: await agent.get('/tasks'), board: await agent.get('/board') };
  } finally {
    await c8.closeAllClients();
    await store.close();
  }
}

describe('web app when the engine cannot be reached', () => {
  it('answers the task list with 503 and a Chinese message instead of crashing, and still serves the public board', async () => {
    // when
    const { tasks, board } = await tasksAndBoard(`http://127.0.0.1:${await closedPort()}`);
    // then
    expect(tasks.status).toBe(503);
    expect(tasks.text).toContain('暂时无法连接流程引擎');
    expect(board.status).toBe(200);
  }, 30_000);

  it('answers the same way when the gateway is reachable but reports its engine down (503)', async () => {
    // given
    const gateway = await downGateway();
    try {
      // when
      const { tasks, board } = await tasksAndBoard(`http://127.0.0.1:${(gateway.address() as { port: number }).port}`);
      // then
      expect(tasks.status).toBe(503);
      expect(tasks.text).toContain('暂时无法连接流程引擎');
      expect(board.status).toBe(200);
    } finally {
      gateway.closeAllConnections();
      await new Promise((r) => gateway.close(r));
    }
  }, 30_000);
});
