// The embedded engine with its three wire APIs, as `npm run engine` and `npm start` run it.
import { type Config } from '../config';
import { createEngine, type Engine } from '../engine';
import { type GatewayAuth, type Gateways, readModels, resolveAuth, startGateways } from '../gateway';

export interface EmbeddedEngine {
  engine: Engine;
  gateways: Gateways;
  auth: GatewayAuth;
  /** Closes the gateways first (ending long polls and streams), then the engine. */
  close(): Promise<void>;
}

/** Starts engine and gateways from ENGINE_*; exits with status 2 when the binding would be insecure. */
export async function startEmbeddedEngine(config: Config): Promise<EmbeddedEngine> {
  let auth: GatewayAuth;
  try {
    auth = resolveAuth({ host: config.ENGINE_HOST, username: config.ENGINE_USERNAME, password: config.ENGINE_PASSWORD, token: config.ENGINE_TOKEN });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const engine = await createEngine({
    dataDir: config.ENGINE_DATA_DIR,
    durability: config.ENGINE_DURABILITY,
    clockControlled: config.ENGINE_CLOCK_CONTROLLED,
    projections: [readModels()],
  });
  const gateways = await startGateways(engine, {
    host: config.ENGINE_HOST,
    grpcPort: config.ENGINE_GRPC_PORT,
    restPort: config.ENGINE_REST_PORT,
    managementPort: config.ENGINE_MANAGEMENT_PORT,
    auth,
  });
  return {
    engine,
    gateways,
    auth,
    close: async () => {
      await gateways.close();
      await engine.close();
    },
  };
}
