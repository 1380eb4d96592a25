// `npm run build [outDir]`: the server side (src/, workers/) compiled file by file to CommonJS in dist/, as production runs
// it (`node dist/src/main/web.js`), without a TypeScript loader. The browser sources (src/web/client) are copied as
// they are: the web app bundles them with esbuild at start-up.
import { cp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

const CLIENT = join('src', 'web', 'client');
// inside the project, so that the compiled files find node_modules
const OUT = process.argv[2] ?? 'dist';

async function sources(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .filter((file) => !file.startsWith(CLIENT));
}

await rm(OUT, { recursive: true, force: true });
await build({
  entryPoints: [...(await sources('src')), ...(await sources('workers'))],
  outdir: OUT,
  outbase: '.',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
await cp(CLIENT, join(OUT, CLIENT), { recursive: true });
console.log(`built ${OUT}/`);
