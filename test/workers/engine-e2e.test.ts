import { join } from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { createEngine, type Engine } from '../../src/engine';
import { readModels, startGateways, type Gateways } from '../../src/gateway';
import { openStore, type Store } from '../../src/db/connect';
import { getHandover } from '../../src/db/registers/supervision';
import { seedDemoData } from '../../src/db/seed';
import { startWorkers, type Transport, type WorkerRuntime } from '../../workers';
import { harness, type Harness } from '../support/workers';
import { TEST_GRPC_SETTINGS } from '../support/sdk-settings';

/**
 * The workers through the embedded engine's real gateways with @camunda8/sdk, over each transport: a small
 * diagram records an inspection, computes a deadline, registers a problem, hands it over, and the department's
 * refusal is an outcome (handoverRefused) the diagram's gateway branches on.
 */
describe.each<Transport>((process.env.E2E_TRANSPORTS?.split(',') as Transport[] | undefined) ?? ['grpc-stream', 'grpc-poll', 'rest'])('workers through the engine over %s', (transport) => {
  let engine: Engine;
  let gateways: Gateways;
  let c8: Camunda8;
  let store: Store;
  let h: Harness;
  let runtime: WorkerRuntime;

  beforeAll(async () => {
    engine = await createEngine({ dataDir: '', durability: 'memory', clockControlled: true, projections: [readModels()] });
    gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0, clockControlled: true });
    c8 = new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${gateways.grpcPort}`, ZEEBE_REST_ADDRESS: `http://127.0.0.1:${gateways.restPort}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_LOG_LEVEL: 'none', zeebeGrpcSettings: TEST_GRPC_SETTINGS,
    } as never);
    await c8.getZeebeGrpcApiClient().topology();
    store = await openStore({ databaseUrl: 'sqlite::memory:' });
    await seedDemoData(store.db);
    h = await harness(store);
    runtime = await startWorkers({ camunda: c8, transport, deps: h.deps, jobTimeoutMs: 10_000, longPollMs: 1_000 });
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

  it('runs the jobs, writes the registers and lets the diagram branch on the refusal', async () => {
    // given
    const zbc = c8.getZeebeGrpcApiClient();
    // when
    const result = await zbc.createProcessInstanceWithResult({
      bpmnProcessId: 'worker-e2e', requestTimeout: 20_000,
      variables: {
        unitCode: '370404103', onsiteEnd: '2026-09-16T17:00:00+08:00', departmentCode: 'YC-M-07',
        problems: [{ category: 'C5', severity: '一般', industry: '城镇燃气', description: '燃气管道巡检记录缺失' }],
        receiptAccepted: false, refusalReason: '不属于本局职责',
      },
    });
    // then
    expect(result.variables).toMatchObject({ reportDue: '2026-10-08T23:59:59+08:00', handoverNo: '峄安委办〔2026〕1号', handoverRefused: true, refusalReason: '不属于本局职责' });
    const handover = await getHandover(store.db, String(result.variables.handoverId));
    expect(handover).toMatchObject({ id: result.variables.handoverId, status: 'refused', refusal_reason: '不属于本局职责', department_code: 'YC-M-07' });
    expect(runtime.stats).toMatchObject({ complete: 5, error: 0, fail: 0 });
  }, 30_000);
});
