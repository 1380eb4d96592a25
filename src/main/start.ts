// `npm start`: the whole system in one process — the embedded engine with its wire APIs, the diagrams and forms
// deployed, the domain store (demo data on the first run), every job worker and the web app.
import { join } from 'node:path';
import { createCamunda } from '../camunda/client';
import { directClock } from '../camunda/engine-clock';
import { deployNewResources, rejectionText, resourceFiles, withRetry } from '../camunda/deploy';
import { type Config, loadConfigOrExit } from '../config';
import { openStore } from '../db/connect';
import { installData, installNotice } from '../db/install';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed';
import { type GatewayAuth } from '../gateway';
import { componentLogger, configureLogging } from '../logging';
import { startWeb } from '../web/server';
import { startWorkerProcess } from '../../workers/runtime/bootstrap';
import { startEmbeddedEngine } from './embedded-engine';

/** The app connects to its own engine: addresses from the bound ports, credentials from the engine's. */
function connectionTo(config: Config, host: string, grpcPort: number, restPort: number, managementPort: number, auth: GatewayAuth): Config {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const hostPart = reachable.includes(':') ? `[${reachable}]` : reachable;
  return {
    ...config,
    ZEEBE_GRPC_ADDRESS: `grpc://${hostPart}:${grpcPort}`,
    ZEEBE_REST_ADDRESS: `http://${hostPart}:${restPort}`,
    CAMUNDA_MANAGEMENT_ADDRESS: `http://${hostPart}:${managementPort}`,
    ...(auth.kind === 'basic'
      ? { CAMUNDA_AUTH_STRATEGY: 'BASIC', CAMUNDA_BASIC_AUTH_USERNAME: auth.username, CAMUNDA_BASIC_AUTH_PASSWORD: auth.password }
      : auth.kind === 'bearer'
        ? { CAMUNDA_AUTH_STRATEGY: 'BEARER', CAMUNDA_OAUTH_TOKEN: auth.token }
        : { CAMUNDA_AUTH_STRATEGY: 'NONE' }),
  };
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  configureLogging(config.LOG_LEVEL);
  const log = componentLogger('start');
  const embedded = await startEmbeddedEngine(config);
  const { gateways, auth } = embedded;
  const appConfig = connectionTo(config, gateways.host, gateways.grpcPort, gateways.restPort, gateways.managementPort, auth);
  const camunda = createCamunda(appConfig);

  try {
    const files = resourceFiles([join(process.cwd(), 'processes'), join(process.cwd(), 'forms')]);
    const deployment = await withRetry(() => deployNewResources(camunda, files), {
      attempts: config.DEPLOY_ATTEMPTS,
      firstDelayMs: 1000,
      maxDelayMs: 30_000,
      onRetry: (err, attempt, delayMs) => log.warn({ err: (err as Error).message, attempt, delayMs }, 'deployment failed, trying again'),
    });
    log.info({ deploymentKey: deployment.deploymentKey, resources: deployment.lines.length - deployment.held.length, held: deployment.held.length }, 'processes and forms deployed');
  } catch (err) {
    // The engine keeps the versions it has; the web app and the workers start with them.
    process.stderr.write(`the diagrams or forms were not deployed (the engine keeps its versions):\n${rejectionText(err)}\n`);
  }

  // one process: the web app and the workers read the engine's own clock
  const clock = directClock(() => embedded.engine.clock.now());
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  // the demo district, except in production: there one administrator (ADMIN_PASSWORD or `npm run admin`)
  const installed = await installData(store.db, {
    production: config.NODE_ENV === 'production', adminLogin: config.ADMIN_LOGIN, adminPassword: config.ADMIN_PASSWORD, at: clock().toISOString(),
  });
  const firstRun = installed === 'demo-loaded';
  const workers = await startWorkerProcess(appConfig, { store, camunda, clock });
  const web = await startWeb({ config: appConfig, db: store.db, clock });

  if (firstRun) {
    // A running annual plan, so the office's task list has its first task: 起草年度巡查工作方案.
    await camunda
      .getOrchestrationClusterApiClientLoose()
      .createProcessInstance({ processDefinitionId: 'annual-plan', variables: {} })
      .catch((err: unknown) => log.error({ err: rejectionText(err) }, 'the annual plan could not be started'));
    console.log(`\n演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.login.padEnd(16)} ${account.displayName}`);
  }
  const notice = installNotice(installed, config.ADMIN_LOGIN);
  if (notice) console.log(`\n${notice}`);
  console.log(`\n峄城区安全生产巡查系统已启动 — 请在浏览器中打开 ${web.url}`);
  console.log(`引擎：gRPC ${appConfig.ZEEBE_GRPC_ADDRESS}，REST ${appConfig.ZEEBE_REST_ADDRESS}/v2，管理端口 ${gateways.managementPort}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: web app, workers, gateways, engine');
    web
      .close()
      .then(() => workers.stop())
      .then(() => camunda.closeAllClients?.())
      .then(() => store.close())
      .then(() => embedded.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'did not stop cleanly');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`start failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
