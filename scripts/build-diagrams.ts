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

async function main(): Promise<void> {
  mkdirSync(join(root, 'processes'), { recursive: true });
  mkdirSync(join(root, 'forms'), { recursive: true });
  const forms = new Map<string, FormSpec>();
  for (const model of allModels) {
    const laidOut = await layoutProcess(toBpmnXml(model));
    writeFileSync(join(root, 'processes', `${model.id}.bpmn`), polishLayout(laidOut));
    for (const form of userForms(model.nodes)) {
      const seen = forms.get(form.id);
      if (seen && seen !== form) throw new Error(`form id ${form.id} is used by two different specs`);
      forms.set(form.id, form);
    }
    console.log(`processes/${model.id}.bpmn`);
  }
  for (const form of forms.values()) {
    writeFileSync(join(root, 'forms', `${form.id}.form`), `${JSON.stringify(formJson(form), null, 2)}\n`);
  }
  console.log(`${forms.size} forms`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
