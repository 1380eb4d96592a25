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

/** A port nobody listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('web app when the engine cannot be reached', () => {
  it('answers the task list with 503 and a Chinese message instead of crashing, and still serves the public board', async () => {
    // given
    const store = await openStore({ databaseUrl: 'sqlite::memory:' });
    await seedDemoData(store.db);
    const c8 = new Camunda8({ ZEEBE_REST_ADDRESS: `http://127.0.0.1:${await closedPort()}`, CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: 1 } as never);
    const app = createWebApp({ camunda: fromCamundaClient(c8.getOrchestrationClusterApiClientLoose()), store: domainStore(store.db, { archiveDir: '/tmp' }), logger: componentLogger('web-test'), config: defaultWebConfig('/tmp') });
    const agent = request.agent(app);
    const csrf = csrfOf((await agent.get('/login')).text);
    await agent.post('/login').type('form').send({ _csrf: csrf, username: 'anweiban', password: DEMO_PASSWORD }).expect(303);
    // when
    const tasks = await agent.get('/tasks');
    const board = await agent.get('/board');
    // then
    expect(tasks.status).toBe(503);
    expect(tasks.text).toContain('暂时无法连接流程引擎');
    expect(board.status).toBe(200);
    await c8.closeAllClients();
    await store.close();
  }, 30_000);
});
