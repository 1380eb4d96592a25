/// <reference lib="dom" />
import Modeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-modeler.css';
import { MODELER_TEXTS } from './modeler-zh';
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
  redirect?: string;
  process?: { processDefinitionId: string; processDefinitionVersion: number };
}

/** Camunda's embeddable modeler with the Camunda 8 properties panel; lint and deploy go through the server. */
async function main(): Promise<void> {
  const canvas = document.getElementById('canvas');
  const xml = readJson<string>('diagram-xml');
  if (!canvas || !xml) return;
  const status = document.getElementById('modeler-status')!;
  const results = document.getElementById('lint-results')!;
  const fileName = document.getElementById('file-name') as HTMLInputElement;
  const modeler = new Modeler({ container: canvas, propertiesPanel: { parent: '#properties' }, additionalModules: [translateWith(MODELER_TEXTS)] });
  try {
    await modeler.importXML(xml);
    (modeler.get('canvas') as { zoom(l: string): void }).zoom('fit-viewport');
    canvas.dataset.ready = 'true';
  } catch (err) {
    status.textContent = `无法打开流程图：${(err as Error).message}`;
  }

  const showIssues = (issues: Issue[]) => {
    results.replaceChildren(
      ...issues.map((i) => {
        const li = document.createElement('li');
        li.className = i.category;
        li.textContent = `${i.category === 'error' ? '错误' : '提示'}：${i.id ? `[${i.id}] ` : ''}${i.message}（${i.rule}）`;
        return li;
      }),
    );
  };

  const currentXml = async () => (await modeler.saveXML({ format: true })).xml ?? '';

  document.getElementById('lint-button')!.addEventListener('click', async () => {
    status.textContent = '正在检查…';
    const { body } = await postJson<Answer>('/processes/lint', { xml: await currentXml() });
    const issues = body.issues ?? [];
    showIssues(issues);
    const errors = issues.filter((i) => i.category === 'error').length;
    status.textContent = errors ? `发现 ${errors} 个错误，需修改后才能部署。` : `检查通过${issues.length ? `（${issues.length} 条提示）` : ''}。`;
  });

  document.getElementById('deploy-button')!.addEventListener('click', async () => {
    status.textContent = '正在检查并部署…';
    const { status: code, body } = await postJson<Answer>('/processes/deploy', { xml: await currentXml(), fileName: fileName.value });
    showIssues(body.issues ?? []);
    if (code === 200 && body.process) {
      status.textContent = `已部署 ${body.process.processDefinitionId} 版本 ${body.process.processDefinitionVersion}。`;
      if (body.redirect) window.setTimeout(() => window.location.assign(body.redirect!), 800);
    } else {
      status.textContent = body.error ?? '部署失败。';
    }
  });
}

void main();
