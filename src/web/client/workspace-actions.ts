/// <reference lib="dom" />
import { postJson } from './zh';

/** A lint finding as the server's check answers it (bpmnlint for diagrams, the table check for decisions). */
export interface Issue {
  rule: string;
  id: string;
  message: string;
  category: string;
}

export interface CheckAnswer {
  issues?: Issue[];
  error?: string;
}

interface Actions<A extends CheckAnswer> {
  lintUrl: string;
  deployUrl: string;
  /** The editor's current XML. */
  xml(): Promise<string>;
  /** Whether a finding names its rule after the message (diagrams do; a decision table's check has no rule names). */
  showRule?: boolean;
  /** The status line after a deployment the server accepted; undefined when the answer says it was not deployed. */
  deployed(answer: A): string | undefined;
}

/**
 * The workspace's 检查 and 部署 buttons, the same for diagrams and decision tables: both go through the server, which
 * checks again before it deploys, and the findings are listed under the editor in Chinese.
 */
export function wireWorkspaceActions<A extends CheckAnswer>(actions: Actions<A>): void {
  const status = document.getElementById('modeler-status')!;
  const results = document.getElementById('lint-results')!;
  const fileName = document.getElementById('file-name') as HTMLInputElement;
  const showIssues = (issues: Issue[]) => {
    results.replaceChildren(...issues.map((i) => {
      const li = document.createElement('li');
      li.className = i.category;
      li.textContent = `${i.category === 'error' ? '错误' : '提示'}：${i.id ? `[${i.id}] ` : ''}${i.message}${actions.showRule ? `（${i.rule}）` : ''}`;
      return li;
    }));
  };

  document.getElementById('lint-button')!.addEventListener('click', async () => {
    status.textContent = '正在检查…';
    const { body } = await postJson<A>(actions.lintUrl, { xml: await actions.xml() });
    const issues = body.issues ?? [];
    showIssues(issues);
    const errors = issues.filter((i) => i.category === 'error').length;
    status.textContent = errors ? `发现 ${errors} 个错误，需修改后才能部署。` : `检查通过${issues.length ? `（${issues.length} 条提示）` : ''}。`;
  });

  document.getElementById('deploy-button')!.addEventListener('click', async () => {
    status.textContent = '正在检查并部署…';
    const { status: code, body } = await postJson<A>(actions.deployUrl, { xml: await actions.xml(), fileName: fileName.value });
    showIssues(body.issues ?? []);
    const done = code === 200 ? actions.deployed(body) : undefined;
    status.textContent = done ?? body.error ?? '部署失败。';
  });
}
