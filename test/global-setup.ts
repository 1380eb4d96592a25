// Shared services for the whole run, started before any test file so that no test pays for them inside its own
// timeout: one PostgreSQL cluster (each suite creates its own databases in it). Each project that uses it names
// this file; the first one starts the cluster, the others find it.
import { postgresAvailable, SHARED_CLUSTER_ENV, startPostgres, type PostgresCluster } from './support/postgres';

declare global {
  var sharedPostgresCluster: PostgresCluster | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env[SHARED_CLUSTER_ENV] || !postgresAvailable()) return;
  const cluster = await startPostgres();
  globalThis.sharedPostgresCluster = cluster;
  // test processes are started after the global set-up and inherit the environment
  process.env[SHARED_CLUSTER_ENV] = JSON.stringify({ port: cluster.port, dir: cluster.dir });
}
