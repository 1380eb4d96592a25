// Generates processes/*.bpmn (with an automatic layout) and forms/*.form from the models in scripts/diagrams/.
// Usage: npx tsx scripts/build-diagrams.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutProcess } from 'bpmn-auto-layout';
import { toBpmnXml } from './diagrams/bpmn-writer';
import { formJson, type FormSpec } from './diagrams/form-model';
import { type FlowNode } from './diagrams/model';
import { allModels } from './diagrams/processes';
import { polishLayout } from './diagrams/polish-layout';

const root = join(__dirname, '..');

const userForms = (nodes: FlowNode[]): FormSpec[] =>
  nodes.flatMap((n) => (n.kind === 'user' ? [n.form] : n.kind === 'event-sub' ? userForms(n.nodes) : []));

/** Every generated file (path relative to the repository root) with its content. */
export async function generate(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const forms = new Map<string, FormSpec>();
  for (const model of allModels) {
    const laidOut = await layoutProcess(toBpmnXml(model));
    files.set(`processes/${model.id}.bpmn`, polishLayout(laidOut));
    for (const form of userForms(model.nodes)) {
      const seen = forms.get(form.id);
      if (seen && seen !== form) throw new Error(`form id ${form.id} is used by two different specs`);
      forms.set(form.id, form);
    }
  }
  for (const form of forms.values()) files.set(`forms/${form.id}.form`, `${JSON.stringify(formJson(form), null, 2)}\n`);
  return files;
}

async function main(): Promise<void> {
  mkdirSync(join(root, 'processes'), { recursive: true });
  mkdirSync(join(root, 'forms'), { recursive: true });
  const files = await generate();
  for (const [path, content] of files) writeFileSync(join(root, path), content);
  console.log(`${files.size} files written`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
