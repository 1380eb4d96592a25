// Renders every processes/*.bpmn with the bpmn-js viewer in headless Chromium to test-artifacts/diagrams/<id>.png
// (plus one PNG per collapsed sub-process plane), and fails if bpmn-js reports import warnings.
// Usage: npx tsx scripts/render-diagrams.ts [file.bpmn …]   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(__dirname, '..');
const outDir = join(root, 'test-artifacts', 'diagrams');
const viewerJs = join(root, 'node_modules', 'bpmn-js', 'dist', 'bpmn-navigated-viewer.production.min.js');
const cssDir = join(root, 'node_modules', 'bpmn-js', 'dist', 'assets');

const page = (): string => `<!doctype html><html><head><meta charset="utf-8">
<style>${readFileSync(join(cssDir, 'diagram-js.css'), 'utf8')}${readFileSync(join(cssDir, 'bpmn-js.css'), 'utf8')}
${readFileSync(join(cssDir, 'bpmn-font', 'css', 'bpmn.css'), 'utf8').replace(/url\([^)]*\)/g, 'none')}
.bjs-breadcrumbs,.bjs-powered-by{display:none !important}
html,body,#canvas{margin:0;width:100%;height:100%;background:#fff;font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif}</style>
</head><body><div id="canvas"></div></body></html>`;

interface Rendered {
  warnings: string[];
  planes: { id: string; width: number; height: number }[];
}

async function main(): Promise<void> {
  const files = process.argv.slice(2).length
    ? process.argv.slice(2)
    : readdirSync(join(root, 'processes'))
        .filter((f) => f.endsWith('.bpmn'))
        .map((f) => join(root, 'processes', f));
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  let failed = 0;
  try {
    const tab = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
    for (const file of files) {
      await tab.setContent(page());
      await tab.addScriptTag({ path: viewerJs });
      const xml = readFileSync(file, 'utf8');
      const result: Rendered = await tab.evaluate(async (diagram: string) => {
        const w = globalThis as unknown as Record<string, unknown>;
        const Viewer = w.BpmnJS as new (o: object) => {
          importXML(x: string): Promise<{ warnings: { message: string }[] }>;
          get(name: string): unknown;
        };
        const viewer = new Viewer({ container: '#canvas' });
        w.viewer = viewer;
        const { warnings } = await viewer.importXML(diagram);
        const canvas = viewer.get('canvas') as { getRootElements(): { id: string; businessObject: { id: string } }[] };
        const planes = canvas.getRootElements().map((r) => ({ id: r.id, width: 0, height: 0 }));
        return { warnings: warnings.map((x) => x.message), planes };
      }, xml);
      for (const plane of result.planes) {
        const size = await tab.evaluate((rootId: string) => {
          const viewer = (globalThis as unknown as Record<string, { get(n: string): unknown }>).viewer;
          const canvas = viewer.get('canvas') as {
            setRootElement(r: unknown): void;
            findRoot(id: string): unknown;
            viewbox(v?: object): { inner: { x: number; y: number; width: number; height: number } };
            zoom(z: number | string): void;
          };
          canvas.setRootElement(canvas.findRoot(rootId));
          canvas.zoom('fit-viewport');
          const inner = canvas.viewbox().inner;
          return { width: Math.ceil(inner.width) + 60, height: Math.ceil(inner.height) + 60, x: inner.x, y: inner.y };
        }, plane.id);
        await tab.setViewportSize({ width: Math.max(size.width, 400), height: Math.max(size.height, 200) });
        await tab.evaluate(
          ({ x, y, width, height }) => {
            const viewer = (globalThis as unknown as Record<string, { get(n: string): unknown }>).viewer;
            const canvas = viewer.get('canvas') as { viewbox(v: object): void };
            canvas.viewbox({ x: x - 30, y: y - 30, width, height });
          },
          size,
        );
        const name = basename(file, '.bpmn') + (plane.id.endsWith('_plane') ? `--${plane.id.replace(/_plane$/, '')}` : '');
        await tab.screenshot({ path: join(outDir, `${name}.png`), fullPage: false });
        console.log(`${name}.png ${size.width}x${size.height}`);
      }
      if (result.warnings.length) {
        failed += 1;
        console.error(`${basename(file)}: ${result.warnings.join('; ')}`);
      }
    }
  } finally {
    await browser.close();
  }
  if (failed) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
