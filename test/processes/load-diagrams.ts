// Loads processes/*.bpmn with bpmn-moddle + zeebe-bpmn-moddle, forms/*.form and the contract of workers/JOB-TYPES.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';

export const root = join(__dirname, '..', '..');

// bpmn-moddle has no types; the tests only read plain properties of the parsed elements.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type El = any;

export interface Diagram {
  file: string;
  definitions: El;
  process: El;
  warnings: string[];
}

// bpmn-moddle ships no type declarations; load it by name so the tests do not need one.
const bpmnModdlePackage = 'bpmn-moddle';

/** One diagram parsed from its XML. */
export const parseDiagram = async (file: string, xml: string): Promise<Diagram> => {
  const { BpmnModdle } = (await import(bpmnModdlePackage)) as { BpmnModdle: new (packages: object) => El };
  const { rootElement, warnings } = await new BpmnModdle({ zeebe }).fromXML(xml);
  const processes = rootElement.rootElements.filter((r: El) => r.$type === 'bpmn:Process');
  return { file, definitions: rootElement, process: processes[0], warnings: warnings.map((w: Error) => w.message) };
};

export const loadDiagrams = async (): Promise<Diagram[]> => {
  const files = readdirSync(join(root, 'processes')).filter((f) => f.endsWith('.bpmn'));
  return Promise.all(files.map((file) => parseDiagram(file, readFileSync(join(root, 'processes', file), 'utf8'))));
};

/** Every flow element of a process, including those inside (event) sub-processes. */
export const flowElements = (container: El): El[] =>
  (container.flowElements ?? []).flatMap((e: El) => (e.$type === 'bpmn:SubProcess' ? [e, ...flowElements(e)] : [e]));

export const extension = (el: El, type: string): El | undefined =>
  (el.extensionElements?.values ?? []).find((v: El) => v.$type === type);

export const loadForms = (): Map<string, El> =>
  new Map(
    readdirSync(join(root, 'forms'))
      .filter((f) => f.endsWith('.form'))
      .map((f) => [f.replace(/\.form$/, ''), JSON.parse(readFileSync(join(root, 'forms', f), 'utf8'))]),
  );

/** Keys and paths of a form's components (nested groups and dynamic lists included). */
export const formKeys = (components: El[]): string[] =>
  components.flatMap((c: El) => [
    ...(c.key ? [c.key] : []),
    ...(c.path ? [c.path] : []),
    ...(c.components ? formKeys(c.components) : []),
  ]);

export interface JobContract {
  jobTypes: Set<string>;
  messages: Map<string, string>;
  groups: Set<string>;
  templates: Set<string>;
  headerValues: Map<string, Set<string>>; // "yc-record/action" -> allowed values
  writes: Set<string>; // variables that workers write
}

export const loadJobContract = (): JobContract => {
  const md = readFileSync(join(root, 'workers', 'JOB-TYPES.md'), 'utf8');
  const rows = md.split('\n').filter((l) => /^\| `yc-[a-z-]+` \|/.test(l));
  const jobTypes = new Set(rows.map((r) => /`(yc-[a-z-]+)`/.exec(r)![1]));
  const headerValues = new Map<string, Set<string>>();
  const writes = new Set<string>();
  for (const row of rows) {
    const [typeCell, headerCell, , writesCell] = row.split(' | ');
    for (const m of (writesCell ?? '').matchAll(/`([a-z][A-Za-z]+)`/g)) writes.add(m[1]);
    const type = /`(yc-[a-z-]+)`/.exec(typeCell)![1];
    for (const m of headerCell.matchAll(/`(\w+)` = ((?:`[a-z-]+`(?: \([^)]*\))?(?: \\\| )?)+)/g)) {
      headerValues.set(`${type}/${m[1]}`, new Set([...m[2].matchAll(/`([a-z-]+)`/g)].map((v) => v[1])));
    }
  }
  const section = (title: string): string => md.slice(md.indexOf(title), md.indexOf('\n\n', md.indexOf(title)));
  const templates = new Set([...section('Notification templates').matchAll(/`([a-z-]+)`/g)].map((m) => m[1]));
  const messages = new Map([...section('Messages').matchAll(/`([a-z-]+)` \[`(\w+)`\]/g)].map((m) => [m[1], m[2]]));
  const groups = new Set([...section('Candidate groups').matchAll(/`([a-z-]+)`/g)].map((m) => m[1]));
  return { jobTypes, messages, groups, templates, headerValues, writes };
};
