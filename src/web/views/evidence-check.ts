import { html, type SafeHtml } from '../html';
import { type EvidenceCheck } from '../store/port';
import { formatTime } from './format';
import { layout, type PageContext } from './layout';

export function evidenceCheckPage(ctx: PageContext, r: EvidenceCheck, at: Date): SafeHtml {
  const body = html`<section class="card" aria-labelledby="chk-title">
  <h2 id="chk-title">证据存档校验</h2>
  <p class="muted">逐条重新计算证据记录的哈希链，并核对每个存档文件的校验值。校验时间：${formatTime(at.toISOString())}</p>
  ${r.ok
    ? html`<p class="notice" role="status">校验通过：${r.checked} 条证据记录及其文件完好，未发现改动。</p>`
    : html`<p class="error" role="alert">校验未通过：第 ${r.broken!.seq} 条记录（${r.broken!.id}）${r.broken!.reason}。此前 ${r.checked} 条记录完好。已通知区安委办，请立即核查。</p>`}
  <p><a href="/admin/evidence">重新校验</a></p>
  <p class="muted">系统每天自动校验一次，发现问题即通知区安委办；也可在服务器上运行 <code>npm run verify-evidence</code>。</p>
</section>`;
  return layout(ctx, { title: '证据存档校验', body });
}
