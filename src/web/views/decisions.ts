import { type DecisionDefinition } from '../camunda/port';
import { html, jsonScript, type SafeHtml } from '../html';
import { layout, type PageContext } from './layout';

/** The decision tables (DMN) deployed, latest version of each, and those of the repository not deployed yet. */
export function decisionsPage(ctx: PageContext, deployed: DecisionDefinition[], repository: string[]): SafeHtml {
  const latest = new Map<string, DecisionDefinition>();
  for (const d of deployed) if ((latest.get(d.decisionDefinitionId)?.version ?? 0) < d.version) latest.set(d.decisionDefinitionId, d);
  const ids = [...new Set([...latest.keys(), ...repository])].sort();
  const body = html`
<p class="muted">决策表决定流程中的自动判断（如问题分类处置）。在浏览器中编辑后先检查，再部署为新版本；新发起的判断即使用新版本。</p>
<div class="table-wrap"><table class="list">
<thead><tr><th scope="col">决策表</th><th scope="col">标识</th><th scope="col">最新版本</th><th scope="col"><span class="sr-only">操作</span></th></tr></thead>
<tbody>${ids.length ? ids.map((id) => {
    const d = latest.get(id);
    return html`<tr><td>${d?.name ?? id}</td><td><code>${id}</code></td><td>${d ? `v${d.version}` : '未部署'}</td>
      <td><a href="/processes/decisions/${encodeURIComponent(id)}/edit">编辑</a></td></tr>`;
  }) : html`<tr><td colspan="4" class="empty">没有决策表</td></tr>`}</tbody></table></div>`;
  return layout(ctx, { title: '决策表', body });
}

export function decisionEditorPage(ctx: PageContext, title: string, decisionId: string, xml: string, fileName: string, source: string): SafeHtml {
  const body = html`
<div class="toolbar" role="toolbar" aria-label="决策表操作">
  <label>文件名 <input id="file-name" value="${fileName}" pattern="[A-Za-z0-9_.-]+\\.dmn" required></label>
  <button type="button" id="lint-button" class="secondary">检查</button>
  <button type="button" id="deploy-button">检查并部署新版本</button>
</div>
<p class="muted" id="decision-source">${source}</p>
<div id="modeler-status" role="status" aria-live="polite"></div>
<ul id="lint-results" class="lint"></ul>
<div id="dmn-editor" class="dmn-editor"></div>
${jsonScript('decision-xml', xml)}${jsonScript('decision-id', decisionId)}`;
  return layout(ctx, { title, body, scripts: ['dmn-editor.js'], styles: ['dmn-editor.css'] });
}
