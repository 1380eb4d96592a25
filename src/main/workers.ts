import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { createCamunda } from '../camunda/client';
import { loadConfigOrExit } from '../config';
import { engineCheck, healthHandler, storeCheck } from '../health';
import { configureLogging, componentLogger } from '../logging';
import { startWorkerProcess } from '../../workers/runtime/bootstrap';

/** `npm run workers`: every job worker against the engine at ZEEBE_GRPC_ADDRESS / ZEEBE_REST_ADDRESS. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  configureLogging(config.LOG_LEVEL);
  const log = componentLogger('workers');
  const camunda = createCamunda(config);
  const proc = await startWorkerProcess(config, { camunda });
  let stopping = false;
  const health = createServer(healthHandler({ store: storeCheck(proc.store.db), engine: engineCheck(camunda) }, () => stopping));
  await new Promise<void>((resolve, reject) => {
    health.once('error', reject);
    health.listen(config.WORKERS_HEALTH_PORT, config.WORKERS_HEALTH_HOST, () => resolve());
  });
  const { port } = health.address() as AddressInfo;
  log.info({ transport: config.WORKER_TRANSPORT, health: `http://${config.WORKERS_HEALTH_HOST}:${port}/health` }, 'workers started');
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping workers');
    health.close();
    await proc.stop().catch((err: unknown) => log.error({ err }, 'error while stopping'));
    await camunda.closeAllClients?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  componentLogger('workers').fatal({ err }, 'workers could not start');
  process.exit(1);
});
