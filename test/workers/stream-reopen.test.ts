import { once } from 'node:events';
import { join } from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { createEngine, type Engine } from '../../src/engine';
import { readModels, startGateways, type Gateways } from '../../src/engine/gateway';
import { openStore, type Store } from '../../src/db/connect';
import { seedDemoData } from '../../src/db/seed';
import { startWorkers, type WorkerRuntime } from '../../workers';
import { harness, type Harness } from '../support/workers';

/** The SDK does not reopen a job stream the gateway broke; the runtime notices the outage and reopens them. */
describe('gRPC job streams across a gateway restart', () => {
  let engine: Engine;
  let gateways: Gateways;
  let c8: Camunda8;
  let store: Store;
  let h: Harness;
  let runtime: WorkerRuntime;

  beforeAll(async () => {
    engine = await createEngine({ dataDir: '', durability: 'memory', clockControlled: true, projections: [readModels()] });
    gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0 });
    c8 = new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${gateways.grpcPort}`, ZEEBE_REST_ADDRESS: `http://127.0.0.1:${gateways.restPort}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_LOG_LEVEL: 'none', ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
    } as never);
    await c8.getZeebeGrpcApiClient().topology();
    store = await openStore({ databaseUrl: 'sqlite::memory:' });
    await seedDemoData(store.db);
    h = await harness(store);
    runtime = await startWorkers({ camunda: c8, transport: 'grpc-stream', deps: h.deps, healthCheckMs: 200 });
    await c8.getZeebeGrpcApiClient().deployResource({ processFilename: join(__dirname, 'fixtures/worker-e2e.bpmn') });
  }, 60_000);

  afterAll(async () => {
    await runtime.stop();
    await c8.closeAllClients();
    await gateways.close();
    await engine.close();
    await h.cleanup();
    await store.close();
  }, 30_000);

  it('reopens the streams when the gateway is back and handles the next jobs', async () => {
    // given the gateway goes away and comes back on the same port
    const port = gateways.grpcPort;
    const down = once(runtime.events, 'down');
    await gateways.close();
    await down;
    const reopened = once(runtime.events, 'reopened');
    gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: port, restPort: 0, managementPort: 0 });
    await reopened;
    // when
    const result = await c8.getZeebeGrpcApiClient().createProcessInstanceWithResult({
      bpmnProcessId: 'worker-e2e', requestTimeout: 8_000,
      variables: { unitCode: '370404101', onsiteEnd: '2026-03-20T17:00:00+08:00', departmentCode: 'YC-M-07',
        problems: [{ category: 'C5', severity: '一般', description: '燃气调压站未设置防护栏' }], receiptAccepted: true },
    });
    // then: finished well before the SDK's 10 s sidecar poll would have picked the jobs up
    expect(result.variables).toMatchObject({ reportDue: '2026-04-07T23:59:59+08:00', handoverNo: '峄安委办〔2026〕1号' });
  }, 30_000);
});
