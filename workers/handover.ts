import { z } from 'zod';
import { once } from '../src/db/effects';
import { getUnit } from '../src/db/organisation';
import { getProblem, updateProblem } from '../src/db/registers/inspections';
import { closeOpenHandovers, createHandover, getHandover, updateHandover } from '../src/db/registers/supervision';
import { issueOfficialDocument } from './documents/issue';
import { defineWorker, InputError } from './runtime/types';

/**
 * yc-handover (移交): `send` records the handover and issues the 问题移交函; `receipt` records what the department
 * entered in its 签收 task: accepted or returned (`handoverRefused`, which the diagram branches on: the office then
 * names another department) with the reason and the signer; `result` records its 办理结果, 处理措施 and evidence
 * and closes it.
 */
export const headers = z.object({ action: z.enum(['send', 'receipt', 'result']) });
const text = z.string().nullish().transform((v) => v ?? undefined);
export const input = z.object({
  problemId: text,
  departmentCode: text,
  resultDue: text,
  handoverId: text,
  /** The department's receipt task (form handover-receipt, mapped by the diagram). */
  receiptAccepted: z.boolean().optional(),
  refusalReason: text,
  receiptSigner: text,
  /** The department's result task (form handover-result, mapped by the diagram). */
  resultText: z.string().min(1).nullish().transform((v) => v ?? undefined),
  resultMeasures: text,
  resultEvidence: z.array(z.string()).nullish().transform((v) => v ?? []),
  /** The 问题移交函 a preceding yc-document task issued; without it, `send` issues the letter itself. */
  handoverLetterDocumentId: text,
  handoverLetterDocumentNo: text,
});

export default defineWorker({
  type: 'yc-handover',
  description: '问题移交：移交函、签收、处理结果',
  input,
  headers,
  async handle({ input: v, headers: h, deps, effectKey, actor }) {
    const key = `${effectKey}:${h.action}`;
    if (h.action === 'send') {
      return once(deps.db, key, actor.at, async (db) => {
        if (!v.problemId || !v.departmentCode) throw new InputError('problemId and departmentCode are required to send a handover');
        const problem = await getProblem(db, v.problemId);
        if (!problem) throw new InputError(`no problem ${v.problemId}`);
        if (!(await getUnit(db, v.departmentCode))) throw new InputError(`no department ${v.departmentCode}`);
        // a reassignment (改派) ends the earlier department's handover of the problem that is still open
        await closeOpenHandovers(db, actor, v.problemId, 'reassigned');
        const handoverId = await createHandover(db, actor, { problemId: v.problemId, departmentCode: v.departmentCode, resultDue: v.resultDue ?? null });
        const doc = v.handoverLetterDocumentId && v.handoverLetterDocumentNo
          ? { id: v.handoverLetterDocumentId, doc_no: v.handoverLetterDocumentNo }
          : await issueOfficialDocument(db, deps.archive, actor, 'handover-letter', { handoverId });
        await updateHandover(db, actor, handoverId, 'letter', { document_id: doc.id, handover_no: doc.doc_no });
        await updateProblem(db, actor, v.problemId, 'handover', { status: 'handed-over', route: 'handover', department_code: v.departmentCode });
        return { handoverId, handoverNo: doc.doc_no };
      });
    }
    if (!v.handoverId) throw new InputError('handoverId is required');
    // No receipt recorded means nobody decided: never taken as accepted.
    if (h.action === 'receipt' && v.receiptAccepted === undefined) throw new InputError('receiptAccepted (签收或退回) is required to record the receipt');
    if (h.action === 'result' && !v.resultText) throw new InputError('resultText (处理结果) is required to record the handover result');
    const handover = await getHandover(deps.db, v.handoverId);
    if (!handover) throw new InputError(`no handover ${v.handoverId}`);
    if (h.action === 'receipt') {
      const accepted = v.receiptAccepted!;
      const reason = accepted ? null : v.refusalReason ?? null;
      if (!accepted && !reason) throw new InputError('refusalReason is required when the department returns the handover');
      const signer = v.receiptSigner ?? null;
      await once(deps.db, key, actor.at, async (db) => {
        if (!accepted) {
          await updateHandover(db, actor, handover.id, 'refuse', { status: 'refused', refusal_reason: reason, receipt_signer: signer, received_at: actor.at });
          return;
        }
        await updateHandover(db, actor, handover.id, 'receive', { status: 'received', received_at: actor.at, receipt_signer: signer });
      });
      return { handoverId: handover.id, handoverNo: handover.handover_no, handoverRefused: !accepted, refusalReason: reason };
    }
    return once(deps.db, key, actor.at, async (db) => {
      await updateHandover(db, actor, handover.id, 'result', {
        status: 'done', result_at: actor.at, result_text: v.resultText!, result_measures: v.resultMeasures ?? null,
        result_evidence: JSON.stringify(v.resultEvidence),
      });
      await updateProblem(db, actor, handover.problem_id, 'handover-result', { status: 'resolved' });
      return { handoverId: handover.id, handoverNo: handover.handover_no };
    });
  },
});
