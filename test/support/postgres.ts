/**
 * Starts a throw-away PostgreSQL 15 cluster for a test file: initdb in a temporary folder, pg_ctl on a free port,
 * and removes everything on stop(). The server binaries refuse to run as root, so when the tests run as root the
 * cluster runs as the `postgres` system user (the temporary folder is handed over to it).
 *
 *   const pg = await startPostgres();           // in beforeAll
 *   const url = await pg.createDatabase('x');   // a fresh database per suite
 *   await pg.stop();                            // in afterAll
 *
 * Most suites only need databases: `sharedPostgres()` gives them the cluster that jest's global set-up started
 * (test/global-setup.ts) — so no test waits for initdb inside its own timeout — and stop() leaves it running.
 * Tests that stop or restart PostgreSQL start their own cluster with startPostgres().
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, chown } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { Client } from 'pg';

const run = promisify(execFile);
const DEFAULT_BIN = '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  readonly port: number;
  readonly dir: string;
  /** URL of the default `postgres` database. */
  readonly url: string;
  /** Creates a new empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** True when the PostgreSQL server binaries are installed on this machine. */
export function postgresAvailable(bin = process.env.PG_BIN ?? DEFAULT_BIN): boolean {
  return existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function systemUserIds(name: string): Promise<{ uid: number; gid: number }> {
  const { stdout: uid } = await run('id', ['-u', name]);
  const { stdout: gid } = await run('id', ['-g', name]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/** The environment variable through which the global set-up hands its cluster to the test processes. */
export const SHARED_CLUSTER_ENV = 'YC_TEST_POSTGRES';

/** The cluster of jest's global set-up when there is one, else a cluster of this test file's own. */
export async function sharedPostgres(): Promise<PostgresCluster> {
  const shared = process.env[SHARED_CLUSTER_ENV];
  if (!shared) return startPostgres();
  const { port, dir } = JSON.parse(shared) as { port: number; dir: string };
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return { port, dir, url, createDatabase: (name) => createDatabaseIn(url, port, name), stop: async () => undefined };
}

async function createDatabaseIn(url: string, port: number, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid database name: ${name}`);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return `postgres://postgres@127.0.0.1:${port}/${name}`;
}

export async function startPostgres(bin = process.env.PG_BIN ?? DEFAULT_BIN): Promise<PostgresCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'yc-pg-'));
  const data = join(dir, 'data');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const exec = async (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    return asRoot ? run('runuser', ['-u', 'postgres', '--', full, ...args]) : run(full, args);
  };
  if (asRoot) {
    const { uid, gid } = await systemUserIds('postgres');
    await chown(dir, uid, gid);
  }
  await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  await exec('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;

  let stopped = false;
  return {
    port,
    dir,
    url,
    createDatabase: (name: string) => createDatabaseIn(url, port, name),
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
