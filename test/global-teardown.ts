// Stops what test/global-setup.ts started.
import { SHARED_CLUSTER_ENV } from './support/postgres';

export default async function globalTeardown(): Promise<void> {
  const cluster = globalThis.sharedPostgresCluster;
  globalThis.sharedPostgresCluster = undefined;
  delete process.env[SHARED_CLUSTER_ENV];
  await cluster?.stop();
}
