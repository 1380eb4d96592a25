// Stops and starts a cluster made by test/support/postgres.ts in place (same data folder, same port).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type PostgresCluster } from '../../support/postgres';

const run = promisify(execFile);
const bin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

async function pgCtl(args: string[]): Promise<void> {
  const full = join(bin, 'pg_ctl');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  await (asRoot ? run('runuser', ['-u', 'postgres', '--', full, ...args]) : run(full, args));
}

export const stopPostgres = (pg: PostgresCluster) => pgCtl(['-D', join(pg.dir, 'data'), '-m', 'fast', '-w', 'stop']);

export const startPostgresAgain = (pg: PostgresCluster) => pgCtl(['-D', join(pg.dir, 'data'), '-o',
  `-p ${pg.port} -k ${pg.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
  '-l', join(pg.dir, 'log'), '-w', '-t', '30', 'start']);
