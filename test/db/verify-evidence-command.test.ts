import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openStore } from '../../src/db/connect';
import { createContentStore } from '../../src/db/content-store';
import { addEvidence } from '../../src/db/evidence';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

/** `npm run verify-evidence` against a data folder, as an operator runs it: its exit status and what it printed. */
async function verifyEvidence(dataDir: string): Promise<{ code: number; out: string }> {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
  try {
    const { stdout } = await run(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'verify-evidence.ts')], { env, cwd: root });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, out: e.stderr };
  }
}

describe('npm run verify-evidence', () => {
  it('reports an intact archive with status 0 and a replaced file with status 1, naming the record', async () => {
    // given a data folder with two archived photos
    const dataDir = mkdtempSync(join(tmpdir(), 'yc-verify-'));
    const store = await openStore({ dataDir });
    const archive = createContentStore(join(dataDir, 'archive'));
    const by = { name: 'zuzhang1', at: '2026-11-28T04:00:00.000Z' };
    const photo = (n: number) => ({ content: Buffer.from(`照片-${n}`), kind: 'photo' as const, fileName: `现场-${n}.jpg`, mediaType: 'image/jpeg', capturedBy: 'zuzhang1', capturedAt: by.at });
    await addEvidence(store.db, archive, by, photo(1));
    const second = await addEvidence(store.db, archive, by, photo(2));
    await store.close();
    try {
      // when
      const intact = await verifyEvidence(dataDir);
      writeFileSync(join(dataDir, 'archive', 'evidence', second.sha256.slice(0, 2), `${second.sha256}.jpg`), 'forged');
      const broken = await verifyEvidence(dataDir);
      // then
      expect(intact).toEqual({ code: 0, out: expect.stringContaining('证据存档完好：共校验 2 条记录') });
      expect(broken.code).toBe(1);
      expect(broken.out).toContain(`第 ${second.seq} 条记录（${second.id}）证据文件缺失或内容被改动`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
