// `npm run web`: the web app alone, against the engine and the domain store named in the environment.
import { clockFromConfig } from '../camunda/engine-clock';
import { loadConfigOrExit } from '../config';
import { openStore } from '../db/connect';
import { installData, installNotice } from '../db/install';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed';
import { configureLogging } from '../logging';
import { startWeb } from '../web/server';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  configureLogging(config.LOG_LEVEL);
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const clock = clockFromConfig(config);
  await clock.sync();
  const installed = await installData(store.db, {
    production: config.NODE_ENV === 'production', adminLogin: config.ADMIN_LOGIN, adminPassword: config.ADMIN_PASSWORD, at: clock().toISOString(),
  });
  if (installed === 'demo-loaded') console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：${DEMO_ACCOUNTS.map((a) => a.login).join('、')}`);
  const notice = installNotice(installed, config.ADMIN_LOGIN);
  if (notice) console.log(notice);
  const web = await startWeb({ config, db: store.db, clock });
  console.log(`峄城区安全生产巡查 — 请在浏览器中打开 ${web.url}`);
  const stop = async () => {
    await web.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
