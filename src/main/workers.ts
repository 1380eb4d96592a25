import { loadConfigOrExit } from '../config';
import { configureLogging, componentLogger } from '../logging';
import { startWorkerProcess } from '../../workers/runtime/bootstrap';

/** `npm run workers`: every job worker against the engine at ZEEBE_GRPC_ADDRESS / ZEEBE_REST_ADDRESS. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  configureLogging(config.LOG_LEVEL);
  const log = componentLogger('workers');
  const proc = await startWorkerProcess(config);
  log.info({ transport: config.WORKER_TRANSPORT }, 'workers started');
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping workers');
    await proc.stop().catch((err: unknown) => log.error({ err }, 'error while stopping'));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  componentLogger('workers').fatal({ err }, 'workers could not start');
  process.exit(1);
});
