import { issueDocument, documentRegister } from '../../src/db/documents';
import { formatDocNo, numberingGaps } from '../../src/domain/numbering';
import { dialects, rejectionOf, useStores } from '../support/stores';

const by = { name: 'worker:yc-document', at: '2026-10-09T02:00:00.000Z' };
const doc = (title: string, fail = false) => ({
  docType: 'inspection-notice', issuer: '峄安委', year: 2026, title, subject: `test:${title}`, formatNo: formatDocNo,
  async store(docNo: string) {
    if (fail) throw new Error('disk full');
    return { path: `documents/${docNo}.docx`, sha256: 'a'.repeat(64), size: 1 };
  },
});

describe.each(dialects)('document numbering on %s', (dialect) => {
  const stores = useStores(dialect);

  it('numbers concurrent documents per issuer and year without gaps or repeats, and a failed render takes no number', async () => {
    // given
    const { db } = await stores.open();
    // when eight documents are issued at once, one of which fails to render
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => issueDocument(db, by, doc(`通知${i}`, i === 3))));
    const next = await issueDocument(db, { ...by, at: '2027-01-04T02:00:00.000Z' }, { ...doc('新年第一号'), year: 2027 });
    // then
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual(['Error: disk full']);
    const register = await documentRegister(db, { year: 2026 });
    expect(register.map((r) => r.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(numberingGaps(register.map((r) => r.seq))).toEqual([]);
    expect(new Set(register.map((r) => r.doc_no)).size).toBe(7);
    expect(next.doc_no).toBe('峄安委〔2027〕1号');
  }, 60_000);

  it('keeps a numbered document as issued: the store refuses to change or delete it', async () => {
    // given
    const { db } = await stores.open();
    const issued = await issueDocument(db, by, doc('巡查通知'));
    // when
    const changed = await rejectionOf(db.updateTable('documents').set({ title: '改过的标题' }).where('id', '=', issued.id).execute());
    const renumbered = await rejectionOf(db.updateTable('documents').set({ seq: 9, doc_no: '峄安委〔2026〕9号' }).where('id', '=', issued.id).execute());
    const deleted = await rejectionOf(db.deleteFrom('documents').where('id', '=', issued.id).execute());
    // then
    expect([changed, renumbered, deleted]).toEqual([expect.stringMatching(/append-only/), expect.stringMatching(/append-only/), expect.stringMatching(/append-only/)]);
    expect(await documentRegister(db)).toEqual([issued]);
  }, 60_000);
});
