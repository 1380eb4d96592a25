/**
 * The embedded engine with its real gateways on free ports, a domain store with the demo data, and the job
 * workers registered through @camunda8/sdk: the set-up of the workers' end-to-end tests.
 */
import { Camunda8 } from '@camunda8/sdk';
import { createEngine, type Engine } from '../../src/engine';
import { readModels, startGateways, type Gateways } from '../../src/gateway';
import { openStore, type Store } from '../../src/db/connect';
import { seedDemoData } from '../../src/db/seed';
import { startWorkers, type Transport, type WorkerRuntime } from '../../workers';
import { harness, type Harness } from './workers';
import { TEST_GRPC_SETTINGS } from './sdk-settings';

export interface WorkerEngine {
  engine: Engine;
  gateways: Gateways;
  c8: Camunda8;
  zbc: ReturnType<Camunda8['getZeebeGrpcApiClient']>;
  store: Store;
  h: Harness;
  runtime: WorkerRuntime;
  /** Restarts the gateways on the same gRPC port (the engine keeps running). */
  restartGateways(): Promise<void>;
  close(): Promise<void>;
}

export async function startWorkerEngine(transport: Transport, options: { now?: string; healthCheckMs?: number } = {}): Promise<WorkerEngine> {
  const engine = await createEngine({ dataDir: '', durability: 'memory', clockControlled: true, projections: [readModels()] });
  let gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0, clockControlled: true });
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${gateways.grpcPort}`, ZEEBE_REST_ADDRESS: `http://127.0.0.1:${gateways.restPort}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_LOG_LEVEL: 'none', zeebeGrpcSettings: TEST_GRPC_SETTINGS,
  } as never);
  const zbc = c8.getZeebeGrpcApiClient();
  await zbc.topology();
  const store = await openStore({ databaseUrl: 'sqlite::memory:' });
  await seedDemoData(store.db);
  const h = await harness(store, { now: options.now });
  const runtime = await startWorkers({ camunda: c8, transport, deps: h.deps, jobTimeoutMs: 10_000, longPollMs: 1_000, healthCheckMs: options.healthCheckMs });
  const env: WorkerEngine = {
    engine, gateways, c8, zbc, store, h, runtime,
    async restartGateways() {
      const port = env.gateways.grpcPort;
      await env.gateways.close();
      await new Promise<void>((resolve) => runtime.events.once('down', () => resolve()));
      gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: port, restPort: 0, managementPort: 0, clockControlled: true });
      env.gateways = gateways;
    },
    async close() {
      await runtime.stop();
      await c8.closeAllClients();
      await env.gateways.close();
      await engine.close();
      await h.cleanup();
      await store.close();
    },
  };
  return env;
}

export { eventually } from './eventually';
