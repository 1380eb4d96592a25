// `npm run backup [-- <folder>]`: the embedded engine's data, the domain store (SQLite or PostgreSQL) and the
// archive into a new folder (default BACKUP_DIR/<date-time>), each file with its SHA-256 in manifest.json. Safe
// while the system runs: SQLite's online backup and pg_dump both copy one consistent moment.
import { join, resolve } from 'node:path';
import { backup } from '../backup';
import { loadConfigOrExit } from '../config';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outDir = resolve(process.argv[2] ?? join(config.BACKUP_DIR, stamp));
  const manifest = await backup(
    { engineDataDir: config.ENGINE_DATA_DIR, dataDir: config.DATA_DIR, databaseUrl: config.DATABASE_URL, pgBinDir: config.PG_BIN_DIR },
    outDir,
  );
  console.log(`backup written to ${outDir}`);
  console.log(`  engine data: ${manifest.engine ? 'yes' : 'no (no embedded engine here)'}`);
  console.log(`  domain store: ${manifest.domainStore}`);
  console.log(`  files: ${Object.keys(manifest.files).length}`);
}

main().catch((err: unknown) => {
  console.error(`backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
