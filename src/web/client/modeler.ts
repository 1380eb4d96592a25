/// <reference lib="dom" />
import Modeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-modeler.css';
import { MODELER_TEXTS } from './modeler-zh';
import { type CheckAnswer, wireWorkspaceActions } from './workspace-actions';
import { readJson, translateWith } from './zh';

interface Answer extends CheckAnswer {
  redirect?: string;
  process?: { processDefinitionId: string; processDefinitionVersion: number };
}

/** Camunda's embeddable modeler with the Camunda 8 properties panel; lint and deploy go through the server. */
async function main(): Promise<void> {
  const canvas = document.getElementById('canvas');
  const xml = readJson<string>('diagram-xml');
  if (!canvas || !xml) return;
  const status = document.getElementById('modeler-status')!;
  const modeler = new Modeler({ container: canvas, propertiesPanel: { parent: '#properties' }, additionalModules: [translateWith(MODELER_TEXTS)] });
  try {
    await modeler.importXML(xml);
    (modeler.get('canvas') as { zoom(l: string): void }).zoom('fit-viewport');
    canvas.dataset.ready = 'true';
  } catch (err) {
    status.textContent = `无法打开流程图：${(err as Error).message}`;
  }

  wireWorkspaceActions<Answer>({
    lintUrl: '/processes/lint',
    deployUrl: '/processes/deploy',
    xml: async () => (await modeler.saveXML({ format: true })).xml ?? '',
    showRule: true,
    deployed: ({ process, redirect }) => {
      if (!process) return undefined;
      if (redirect) window.setTimeout(() => window.location.assign(redirect), 800);
      return `已部署 ${process.processDefinitionId} 版本 ${process.processDefinitionVersion}。`;
    },
  });
}

void main();
