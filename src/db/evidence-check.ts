import { accountsWithRole } from './accounts';
import { audit } from './audit';
import { type Db } from './connect';
import { type ContentStore } from './content-store';
import { type ChainReport, verifyEvidenceChain } from './evidence';
import { deliverToInbox } from './notifications';

/**
 * One check of the evidence archive: the whole hash chain and every file, audited; a broken chain is reported to
 * the 区安委办 in their inbox, once a day at most (the idempotency key names the day).
 */
export async function checkEvidenceChain(db: Db, archive: ContentStore, at: Date): Promise<ChainReport> {
  const report = await verifyEvidenceChain(db, archive);
  const by = { name: 'system:evidence-check', at: at.toISOString() };
  await audit(db, by, 'verify', 'evidence', '', { ok: report.ok, checked: report.checked, ...(report.broken ? { broken: report.broken } : {}) });
  if (!report.ok && report.broken) {
    const day = by.at.slice(0, 10);
    const body = `证据存档校验发现问题：第 ${report.broken.seq} 条记录（${report.broken.id}）${report.broken.reason}。此前 ${report.checked} 条记录完好。请立即核查存档，并保留现场。`;
    for (const account of await accountsWithRole(db, 'office')) {
      await deliverToInbox(db, {
        idempotencyKey: `evidence-chain-broken:${day}:${account.id}`, accountId: account.id, template: 'evidence-chain-broken',
        subject: '证据存档校验未通过', body, email: null,
      }, by.at);
    }
  }
  return report;
}
