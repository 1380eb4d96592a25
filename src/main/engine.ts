// `npm run engine`: the embedded engine alone, with its three wire APIs (gRPC, REST /v2, management).
import { loadConfigOrExit } from '../config';
import { configureLogging, componentLogger } from '../logging';
import { startEmbeddedEngine } from './embedded-engine';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  configureLogging(config.LOG_LEVEL);
  const log = componentLogger('engine');
  const embedded = await startEmbeddedEngine(config);
  const { gateways, auth } = embedded;
  log.info(
    {
      grpc: `grpc://${gateways.host}:${gateways.grpcPort}`,
      rest: `http://${gateways.host}:${gateways.restPort}/v2`,
      management: `http://${gateways.host}:${gateways.managementPort}/actuator/health`,
      durability: config.ENGINE_DURABILITY,
      clockControlled: config.ENGINE_CLOCK_CONTROLLED,
      auth: auth.kind,
    },
    `engine listening: gRPC ${gateways.host}:${gateways.grpcPort}, REST http://${gateways.host}:${gateways.restPort}/v2, management :${gateways.managementPort}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'draining: closing gateways, then the engine');
    embedded.close().then(
      () => {
        log.info('engine stopped');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'engine did not close cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`engine failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
