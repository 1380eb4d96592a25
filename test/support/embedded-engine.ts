/**
 * The embedded engine in this process (memory durability, controllable clock, REST read models) with its real
 * gateways on free ports, and the @camunda8/sdk settings that reach them. One per test file: starting it costs
 * far more than a test.
 */
import { Camunda8 } from '@camunda8/sdk';
import { loadConfig, type Config } from '../../src/config';
import { createEngine, type Engine } from '../../src/engine';
import { readModels, startGateways, type Gateways } from '../../src/gateway';
import { TEST_GRPC_SETTINGS } from './sdk-settings';

export interface EmbeddedEngine {
  engine: Engine;
  gateways: Gateways;
  /** Our app configuration pointing at the gateways (auth NONE); `dataDir` becomes DATA_DIR. */
  config(dataDir: string): Config;
  /** A Camunda8 SDK instance pointing at the gateways, closed with the engine. */
  c8: Camunda8;
  close(): Promise<void>;
}

export async function startEmbeddedEngine(): Promise<EmbeddedEngine> {
  const engine = await createEngine({ dataDir: '', durability: 'memory', clockControlled: true, projections: [readModels()] });
  const gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0, clockControlled: true });
  const rest = `http://127.0.0.1:${gateways.restPort}`;
  const grpc = `grpc://127.0.0.1:${gateways.grpcPort}`;
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: grpc, ZEEBE_REST_ADDRESS: rest, CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_LOG_LEVEL: 'none', zeebeGrpcSettings: TEST_GRPC_SETTINGS,
  } as never);
  return {
    engine,
    gateways,
    c8,
    config: (dataDir) => loadConfig({
      ZEEBE_REST_ADDRESS: rest, ZEEBE_GRPC_ADDRESS: grpc, CAMUNDA_MANAGEMENT_ADDRESS: `http://127.0.0.1:${gateways.managementPort}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE', DATA_DIR: dataDir,
    }),
    close: async () => {
      await c8.closeAllClients();
      await gateways.close();
      await engine.close();
    },
  };
}
