// `npm run restore -- <folder> [--force]`: puts a backup of `npm run backup` back into the configured set-up
// (ENGINE_DATA_DIR, DATA_DIR, DATABASE_URL). Run it with the system stopped; it refuses a set-up that holds data
// unless --force replaces it.
import { resolve } from 'node:path';
import { restore } from '../backup';
import { loadConfigOrExit } from '../config';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const folder = args.find((a) => !a.startsWith('--'));
  if (!folder) {
    console.error('usage: npm run restore -- <backup folder> [--force]');
    process.exit(2);
  }
  const manifest = await restore(
    { engineDataDir: config.ENGINE_DATA_DIR, dataDir: config.DATA_DIR, databaseUrl: config.DATABASE_URL, pgBinDir: config.PG_BIN_DIR },
    resolve(folder),
    { force },
  );
  console.log(`restored the backup of ${manifest.createdAt} (engine data: ${manifest.engine ? 'yes' : 'no'}, domain store: ${manifest.domainStore})`);
}

main().catch((err: unknown) => {
  console.error(`restore failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
