import { join } from 'node:path';
import { type Camunda8 } from '@camunda8/sdk';
import { createCamunda } from '../../src/camunda/client';
import { clockFromConfig, type SystemClock } from '../../src/camunda/engine-clock';
import { type Config } from '../../src/config';
import { openStore, type Store } from '../../src/db/connect';
import { createContentStore } from '../../src/db/content-store';
import { componentLogger, rootLogger } from '../../src/logging';
import { startWorkers, type WorkerRuntime } from '../index';
import { committeeTasks, watchCommitteeDecisions } from './decisions-watch';
import { createMailer } from './mailer';
import { createSmsWebhook } from './sms';

export interface WorkerProcess {
  runtime: WorkerRuntime;
  store: Store;
  stop(): Promise<void>;
}

/**
 * Wires the workers from the configuration: the domain store, the archive under DATA_DIR, SMTP, the optional
 * SMS webhook, the Camunda client (from the configuration's SDK settings) and the engine's clock. Used by `npm run workers`
 * and `npm start`; pass a store to share one already open.
 */
export async function startWorkerProcess(config: Config, options: { store?: Store; camunda?: Camunda8; clock?: SystemClock } = {}): Promise<WorkerProcess> {
  const log = componentLogger('workers');
  const store = options.store ?? await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const mailer = createMailer({ host: config.SMTP_HOST, port: config.SMTP_PORT, secure: config.SMTP_SECURE, user: config.SMTP_USER,
    password: config.SMTP_PASSWORD, from: config.MAIL_FROM });
  if (!mailer.enabled) log.info('SMTP_HOST not set: notifications stay in the in-app inbox');
  const camunda = options.camunda ?? createCamunda(config);
  const deps = {
    db: store.db, mailer, sms: config.SMS_WEBHOOK_URL ? createSmsWebhook(config.SMS_WEBHOOK_URL) : undefined,
    archive: createContentStore(join(config.DATA_DIR, 'archive')), clock: options.clock ?? clockFromConfig(config), logger: rootLogger(),
    settings: { firstCycleStart: config.INSPECTION_CYCLE_START, publicUrl: config.PUBLIC_URL, assessmentCutoff: config.ASSESSMENT_CUTOFF },
  };
  const runtime = await startWorkers({ camunda, transport: config.WORKER_TRANSPORT, deps });
  const stopDecisionsWatch = watchCommitteeDecisions(committeeTasks(camunda), deps);
  return {
    runtime, store,
    async stop() {
      stopDecisionsWatch();
      await runtime.stop();
      mailer.close();
      if (!options.camunda) await camunda.closeAllClients?.();
      if (!options.store) await store.close();
    },
  };
}
