/// <reference lib="dom" />
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { readJson } from './zh';

interface Overlays {
  taken?: string[];
  active: string[];
  completed: string[];
  incidents: string[];
}

interface Canvas {
  addMarker(id: string, marker: string): void;
  zoom(level: string): void;
}

interface Registry {
  get(id: string): unknown;
}

async function show(container: HTMLElement, xml: string, markers: Array<[string, string]>): Promise<void> {
  const viewer = new NavigatedViewer({ container });
  try {
    await viewer.importXML(xml);
  } catch {
    container.textContent = '无法显示流程图。';
    return;
  }
  const canvas = viewer.get('canvas') as Canvas;
  const registry = viewer.get('elementRegistry') as Registry;
  canvas.zoom('fit-viewport');
  for (const [id, marker] of markers) if (registry.get(id)) canvas.addMarker(id, marker);
  container.dataset.ready = 'true';
}

/** Shows the instance or definition diagram with markers, or two versions side by side for comparison. */
function main(): void {
  const single = document.getElementById('diagram');
  const xml = readJson<string>('diagram-xml');
  if (single && xml) {
    const o = readJson<Overlays>('diagram-overlays') ?? { active: [], completed: [], incidents: [] };
    void show(single, xml, [
      ...(o.taken ?? []).map((id): [string, string] => [id, 'taken']),
      ...o.completed.map((id): [string, string] => [id, 'done']),
      ...o.active.map((id): [string, string] => [id, 'active']),
      ...o.incidents.map((id): [string, string] => [id, 'incident']),
    ]);
  }
  const changes = readJson<Array<{ id: string; change: string }>>('compare-changes') ?? [];
  for (const el of document.querySelectorAll<HTMLElement>('.diagram.compare')) {
    const x = readJson<string>(el.dataset.xml ?? '');
    if (x) void show(el, x, changes.map((c): [string, string] => [c.id, `change-${c.change}`]));
  }
}

main();
