import { findAccountByLogin } from '../../src/db/accounts';
import { deliverToInbox, inboxPage, markAllRead } from '../../src/db/notifications';
import { openInspection, registerProblems } from '../../src/db/registers/inspections';
import { createHandover } from '../../src/db/registers/supervision';
import { seedDemoData } from '../../src/db/seed';
import { documentFor, documentRegisterFor, problemRegister } from '../../src/db/web-queries';
import { dialects, useStores } from '../support/stores';

const by = { name: 'system', at: '2026-11-28T04:00:00.000Z' };
const unitA = '370404001';
const unitB = '370404002';

describe.each(dialects)('register pages on %s', (dialect) => {
  const stores = useStores(dialect);

  it('pages a register in SQL: a page of rows and the count of all', async () => {
    // given 7 problems of 坛山街道 and 1 of 吴林街道
    const { db } = await stores.open();
    await seedDemoData(db, by.at);
    await registerProblems(db, by, await openInspection(db, by, { unitCode: unitA }), Array.from({ length: 7 }, (_, i) => ({ category: 'C5', severity: '一般', description: `问题${i + 1}` })));
    await registerProblems(db, by, await openInspection(db, by, { unitCode: unitB }), [{ category: 'C3', severity: '较大', description: '吴林街道问题' }]);
    // when
    const second = await problemRegister(db, { all: true }, { limit: 3, offset: 3 });
    const mine = await problemRegister(db, { all: false, unitCodes: [unitA], departmentCodes: [], teamIds: [] }, { limit: 5, offset: 5 });
    // then
    expect(second.total).toBe(8);
    expect(second.rows).toHaveLength(3);
    expect(mine).toMatchObject({ total: 7 });
    expect(mine.rows.map((r) => r.description)).toEqual(['问题6', '问题7']);
  });

  it('shows a unit the documents about it but not letters to departments, and a department what was handed to it', async () => {
    // given a notice about 坛山街道's inspection, a handover letter about its problem, and a document about 吴林街道
    const { db } = await stores.open();
    await seedDemoData(db, by.at);
    const inspection = await openInspection(db, by, { unitCode: unitA });
    const [problem] = await registerProblems(db, by, inspection, [{ category: 'C5', severity: '一般', description: '燃气管道占压' }]);
    const handover = await createHandover(db, by, { problemId: problem!, departmentCode: 'YC-M-07', resultDue: null });
    const other = await openInspection(db, by, { unitCode: unitB });
    const doc = (id: string, docType: string, subject: string, seq: number) => ({ id, doc_type: docType, issuer: '峄安委办', year: 2026, seq, doc_no: `峄安委办〔2026〕${seq}号`,
      title: id, subject, path: `documents/${id}.docx`, sha256: 'x', size: 1, created_at: by.at });
    await db.insertInto('documents').values([doc('通知书', 'inspection-notice', `inspection:${inspection}`, 1), doc('移交函', 'handover-letter', `problem:${problem}`, 2),
      doc('办理函', 'supervision-letter', `handover:${handover}`, 3), doc('他人通知书', 'inspection-notice', `inspection:${other}`, 4)]).execute();
    const titles = async (unitCodes: string[], departmentCodes: string[]) =>
      (await documentRegisterFor(db, { all: false, unitCodes, departmentCodes, teamIds: [] }, { limit: 50, offset: 0 })).rows.map((r) => r.title).sort();
    // when / then
    expect(await titles([unitA], [])).toEqual(['通知书']);
    expect(await titles([], ['YC-M-07'])).toEqual(['办理函', '移交函']);
    expect(await titles([], ['YC-M-06'])).toEqual([]);
    expect((await documentRegisterFor(db, { all: true }, { limit: 2, offset: 0 })).total).toBe(4);
    expect(await documentFor(db, { all: false, unitCodes: [unitA], departmentCodes: [], teamIds: [] }, '移交函')).toBeUndefined();
    expect(await documentFor(db, { all: false, unitCodes: [], departmentCodes: ['YC-M-07'], teamIds: [] }, '移交函')).toMatchObject({ title: '移交函' });
  });

  it('pages and filters an inbox in SQL and marks it all read', async () => {
    // given 5 messages to the office, 2 of them reminders
    const { db } = await stores.open();
    await seedDemoData(db, by.at);
    const office = (await findAccountByLogin(db, 'anweiban'))!.id;
    for (let i = 0; i < 5; i++) {
      await deliverToInbox(db, { idempotencyKey: `k${i}`, accountId: office, template: i < 2 ? 'report-reminder' : 'entry-notice', subject: `消息${i}`, body: '', email: null },
        new Date(Date.parse(by.at) + i * 1000).toISOString());
    }
    // when / then
    expect(await inboxPage(db, office, { limit: 2, offset: 0 })).toMatchObject({ total: 5, items: [{ subject: '消息4' }, { subject: '消息3' }] });
    expect((await inboxPage(db, office, { templates: { only: ['report-reminder'] }, limit: 10, offset: 0 })).items.map((m) => m.subject)).toEqual(['消息1', '消息0']);
    expect((await inboxPage(db, office, { templates: { exclude: ['report-reminder'] }, limit: 10, offset: 0 })).total).toBe(3);
    expect(await markAllRead(db, office, by.at)).toBe(5);
    expect((await inboxPage(db, office, { state: 'unread', limit: 10, offset: 0 })).total).toBe(0);
  });
});
