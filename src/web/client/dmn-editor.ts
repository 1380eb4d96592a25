/// <reference lib="dom" />
import DmnModeler from 'dmn-js/lib/Modeler';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import { DMN_TEXTS } from './dmn-zh';
import { postJson, readJson, translateWith } from './zh';

interface Issue {
  rule: string;
  id: string;
  message: string;
  category: string;
}

interface Answer {
  issues?: Issue[];
  error?: string;
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
  const results = document.getElementById('lint-results')!;
  const fileName = document.getElementById('file-name') as HTMLInputElement;
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

  const showIssues = (issues: Issue[]) => {
    results.replaceChildren(...issues.map((i) => {
      const li = document.createElement('li');
      li.className = i.category;
      li.textContent = `${i.category === 'error' ? '错误' : '提示'}：${i.id ? `[${i.id}] ` : ''}${i.message}`;
      return li;
    }));
  };
  const currentXml = async () => (await modeler.saveXML({ format: true })).xml ?? '';

  document.getElementById('lint-button')!.addEventListener('click', async () => {
    status.textContent = '正在检查…';
    const { body } = await postJson<Answer>('/processes/decisions/lint', { xml: await currentXml() });
    const issues = body.issues ?? [];
    showIssues(issues);
    const errors = issues.filter((i) => i.category === 'error').length;
    status.textContent = errors ? `发现 ${errors} 个错误，需修改后才能部署。` : `检查通过${issues.length ? `（${issues.length} 条提示）` : ''}。`;
  });

  document.getElementById('deploy-button')!.addEventListener('click', async () => {
    status.textContent = '正在检查并部署…';
    const { status: code, body } = await postJson<Answer>('/processes/decisions/deploy', { xml: await currentXml(), fileName: fileName.value });
    showIssues(body.issues ?? []);
    if (code === 200 && body.decision) {
      status.textContent = `已部署决策表 ${body.decision.decisionDefinitionId} 版本 ${body.decision.version}。`;
      document.getElementById('decision-source')!.textContent = `当前生效：版本 ${body.decision.version}`;
    } else {
      status.textContent = body.error ?? '部署失败。';
    }
  });
}

void main();
