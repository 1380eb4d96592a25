/**
 * Runs a suite against both dialects of the domain store: SQLite in memory and PostgreSQL in a throw-away
 * cluster (one per test file, one fresh database per call of `open`).
 *
 *   describe.each(dialects)('%s', (dialect) => {
 *     const stores = useStores(dialect);
 *     it('…', async () => { const store = await stores.open(); … });
 *   });
 */
import { randomBytes } from 'node:crypto';
import { openStore, type Store, type Dialect } from '../../src/db/connect';
import { sharedPostgres, type PostgresCluster } from './postgres';

export const dialects: Dialect[] = ['sqlite', 'postgres'];

let cluster: Promise<PostgresCluster> | undefined;
let counter = 0;
// The cluster is shared by every test file of the run (test/global-setup.ts); each file loads this module afresh.
const RUN = randomBytes(4).toString('hex');

export function useStores(dialect: Dialect): { open(): Promise<Store> } {
  const opened: Store[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    opened.length = 0;
    if (cluster && dialect === 'postgres') {
      const c = await cluster;
      cluster = undefined;
      await c.stop();
    }
  }, 60_000);
  return {
    async open() {
      let store: Store;
      if (dialect === 'sqlite') {
        store = await openStore({ databaseUrl: 'sqlite::memory:' });
      } else {
        cluster ??= sharedPostgres();
        const url = await (await cluster).createDatabase(`t${process.pid}_${RUN}_${++counter}`);
        store = await openStore({ databaseUrl: url });
      }
      opened.push(store);
      return store;
    },
  };
}

/**
 * The message a promise rejects with ('' when it resolves). better-sqlite3 creates its errors in the realm of
 * the first test file of a jest process, so `rejects.toThrow` does not recognise them in later files.
 */
export async function rejectionOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(() => '', (err: unknown) => String((err as { message?: unknown })?.message ?? err));
}
