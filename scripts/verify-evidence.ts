// `npm run verify-evidence`: re-hashes the evidence archive's chain and files; exit status 1 when it is broken.
import { join } from 'node:path';
import { loadConfigOrExit } from '../src/config';
import { openStore } from '../src/db/connect';
import { createContentStore } from '../src/db/content-store';
import { checkEvidenceChain } from '../src/db/evidence-check';

async function main(): Promise<number> {
  const config = loadConfigOrExit();
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const report = await checkEvidenceChain(store.db, createContentStore(join(config.DATA_DIR, 'archive')), new Date());
    if (report.ok) {
      console.log(`证据存档完好：共校验 ${report.checked} 条记录及其文件。`);
      return 0;
    }
    console.error(`证据存档校验未通过：第 ${report.broken!.seq} 条记录（${report.broken!.id}）${report.broken!.reason}；此前 ${report.checked} 条完好。已通知区安委办。`);
    return 1;
  } finally {
    await store.close();
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err);
  process.exit(2);
});
