import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, stop } from 'esbuild';

const CLIENT_DIR = join(__dirname, '..', 'client');
const ENTRIES = ['confirm', 'task-form', 'diagram', 'modeler', 'dmn-editor', 'compliance-charts'];
const STAMP = '.build-stamp';

/**
 * Bundles the browser scripts (the question before dangerous forms are sent, form-js viewer, bpmn-js viewer, Camunda modeler, the dmn-js decision table editor, the ECharts charts of 条款落实情况) and their styles with esbuild
 * into `outDir`. Skips the work when the sources and installed packages are unchanged since the last build, so
 * `npm start`, `npm run web` and the tests can all call it at start-up.
 */
export async function buildAssets(outDir: string, options: { force?: boolean } = {}): Promise<{ built: boolean; ms: number }> {
  const started = Date.now();
  const stamp = await sourceStamp();
  const previous = await readFile(join(outDir, STAMP), 'utf8').catch(() => '');
  if (!options.force && previous === stamp) return { built: false, ms: Date.now() - started };
  await mkdir(outDir, { recursive: true });
  buildsInFlight += 1;
  try {
    await bundle(outDir);
  } finally {
    // esbuild's service process (≈ 200 MB resident) would otherwise stay for the life of the server
    buildsInFlight -= 1;
    if (buildsInFlight === 0) await stop();
  }
  await copyFile(join(CLIENT_DIR, 'app.css'), join(outDir, 'app.css'));
  await writeFile(join(outDir, STAMP), stamp);
  return { built: true, ms: Date.now() - started };
}

let buildsInFlight = 0;

async function bundle(outDir: string): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(ENTRIES.map((e) => [e, join(CLIENT_DIR, `${e}.ts`)])),
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'linked',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file' },
    assetNames: 'files/[name]-[hash]',
  });
}

/** A hash over the client sources and the lock file: what the bundles are made from. */
async function sourceStamp(): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(CLIENT_DIR)).sort();
  for (const f of files) hash.update(f).update(await readFile(join(CLIENT_DIR, f)));
  const lock = join(__dirname, '..', '..', '..', 'package-lock.json');
  hash.update(String((await stat(lock).catch(() => undefined))?.mtimeMs ?? ''));
  return hash.digest('hex');
}
