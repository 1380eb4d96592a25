// The real worker runtime as its own process (what `npm run workers` runs), configured through the environment, so
// a fault test can SIGKILL it in the middle of a job.
import { loadConfig } from '../../../src/config';
import { configureLogging } from '../../../src/logging';
import { startWorkerProcess } from '../../../workers/runtime/bootstrap';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  configureLogging(config.LOG_LEVEL, false);
  const running = await startWorkerProcess(config);
  process.stdout.write('workers ready\n');
  process.on('SIGTERM', () => void running.stop().then(() => process.exit(0)));
}

main().catch((err: unknown) => {
  process.stderr.write(`worker child failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
