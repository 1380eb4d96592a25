/// <reference lib="dom" />
import DmnModeler from 'dmn-js/lib/Modeler';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import { DMN_TEXTS } from './dmn-zh';
import { type CheckAnswer, wireWorkspaceActions } from './workspace-actions';
import { readJson, translateWith } from './zh';

interface Answer extends CheckAnswer {
  decision?: { decisionDefinitionId: string; version: number };
}

interface View {
  type: string;
  element: { id: string };
}

interface Modeler {
  importXML(xml: string): Promise<unknown>;
  saveXML(options: { format: boolean }): Promise<{ xml?: string }>;
  getViews(): View[];
  open(view: View): Promise<unknown>;
}

/** dmn-js with the decision table opened directly; lint and deploy go through the server, as for diagrams. */
async function main(): Promise<void> {
  const container = document.getElementById('dmn-editor');
  const xml = readJson<string>('decision-xml');
  const decisionId = readJson<string>('decision-id');
  if (!container || !xml) return;
  const status = document.getElementById('modeler-status')!;
  const translate = translateWith(DMN_TEXTS);
  // dmn-js hands each view only its own additionalModules (not those of `common`), so every view gets the texts
  const views = Object.fromEntries(['drd', 'decisionTable', 'literalExpression', 'boxedExpression'].map((v) => [v, { additionalModules: [translate] }]));
  const modeler = new (DmnModeler as unknown as new (o: object) => Modeler)({ container, ...views });
  try {
    await modeler.importXML(xml);
    const table = modeler.getViews().find((v) => v.type === 'decisionTable' && (!decisionId || v.element.id === decisionId))
      ?? modeler.getViews().find((v) => v.type === 'decisionTable');
    if (table) await modeler.open(table);
    container.dataset.ready = 'true';
  } catch (err) {
    status.textContent = `无法打开决策表：${(err as Error).message}`;
  }

  wireWorkspaceActions<Answer>({
    lintUrl: '/processes/decisions/lint',
    deployUrl: '/processes/decisions/deploy',
    xml: async () => (await modeler.saveXML({ format: true })).xml ?? '',
    deployed: ({ decision }) => {
      if (!decision) return undefined;
      document.getElementById('decision-source')!.textContent = `当前生效：版本 ${decision.version}`;
      return `已部署决策表 ${decision.decisionDefinitionId} 版本 ${decision.version}。`;
    },
  });
}

void main();
