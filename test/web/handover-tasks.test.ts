import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Actor } from '../../src/db/audit';
import { openInspection, registerProblems } from '../../src/db/registers/inspections';
import { taskDiagram } from './support/fixtures';
import { freshWebEachTest, type Harness, LOGINS, NOW, signIn, UNIT_A } from './support/harness';

/**
 * A department signs a handover and reports its result in its own tasks (problem-handover: 签收移交问题, 报送办理结果):
 * the task page shows the handed-over problem in full with its 移交函, the department files evidence only it (and
 * the office) sees, and what it enters is kept in the 办理记录 under its own name.
 */
const FORMS_DIR = join(__dirname, '..', '..', 'forms');
const GROUPS = '=["department", "department:" + departmentCode]';

/** The visible text of the subject panel. */
const subjectOf = (page: string) => (/<section class="card" id="subject"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('a department’s handover tasks', () => {
  let h: Harness;
  let inspectionId: string;
  let problemId: string;
  freshWebEachTest(async (harness) => {
    h = harness;
    const by: Actor = { name: 'system', at: NOW.toISOString() };
    inspectionId = await openInspection(h.store.db, by, { unitCode: UNIT_A });
    [problemId] = (await registerProblems(h.store.db, by, inspectionId, [{ category: 'C5', severity: '较大', description: '燃气管道被违章建筑占压' }])) as [string];
  });

  /** Starts a one-task process with the real form, offered to the department as the diagram offers it. */
  async function taskOf(formId: string): Promise<string> {
    await h.engine.deploy([
      { name: `${formId}.form`, content: readFileSync(join(FORMS_DIR, `${formId}.form`)) },
      { name: `dept-${formId}.bpmn`, content: Buffer.from(taskDiagram({ id: `dept-${formId}`, name: '问题移交', taskName: formId, candidateGroups: GROUPS, formId })) },
    ]);
    const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId: `dept-${formId}`, variables: {
      inspectionId, problemId, unitName: '坛山街道', departmentCode: h.departmentCode, handoverId: 'H-1', handoverNo: '峄安委办〔2026〕7号',
      handoverLetterDocumentId: 'D-7', receiptDue: '2026-12-03T23:59:59+08:00', resultDue: '2026-12-28T23:59:59+08:00',
      problem: { id: problemId, category: 'C5', severity: '较大', description: '燃气管道被违章建筑占压', enterpriseName: '峄城燃气公司', legalBasis: '《城镇燃气管理条例》第三十三条' },
      problemText: '燃气管道被违章建筑占压', problemCategory: 'C5',
    } });
    return (await h.camunda.searchUserTasks({ filter: { processInstanceKey }, page: { limit: 1 } })).items[0]!.userTaskKey;
  }

  it('shows the department the problem in full with its 移交函 and deadlines, and keeps its receipt under its name', async () => {
    // given
    const task = await taskOf('handover-receipt');
    const { agent, csrf } = await signIn(h.app, h.departmentLogin);
    // when
    const page = await agent.get(`/tasks/${task}`).expect(200);
    const refused = await agent.post(`/tasks/${task}/complete`).set('x-csrf-token', csrf).set('accept', 'application/json')
      .send({ variables: { receiptDecision: 'refuse', receiptSigner: '李明' } });
    const done = await agent.post(`/tasks/${task}/complete`).set('x-csrf-token', csrf).set('accept', 'application/json')
      .send({ variables: { receiptDecision: 'refuse', refusalReason: '燃气管道占压属住建部门监管', receiptSigner: '李明' } });
    // then
    const subject = subjectOf(page.text);
    expect(subject).toContain('移交的问题');
    for (const shown of ['坛山街道', '事故预防：双重预防机制、标准化、打非治违、专项整治', '较大', '峄城燃气公司', '峄安委办〔2026〕7号', '2026年12月3日 23:59', '2026年12月28日 23:59', '燃气管道被违章建筑占压', '《城镇燃气管理条例》第三十三条']) {
      expect({ shown, in: subject.includes(shown) }).toEqual({ shown, in: true });
    }
    expect(page.text).toContain('href="/documents/D-7"');
    expect(refused.status).toBe(422);
    expect(done.status).toBe(200);
    const entry = await h.store.db.selectFrom('task_entries').select(['form_id', 'audience', 'fields']).where('task_key', '=', task).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ form_id: 'handover-receipt', audience: h.departmentCode });
    expect(entry.fields).toContain('燃气管道占压属住建部门监管');
    expect(entry.fields).toContain('李明');
  });

  it('lets the department file evidence with its result that it sees and the inspected unit does not', async () => {
    // given
    const task = await taskOf('handover-result');
    const dept = await signIn(h.app, h.departmentLogin);
    // when the department uploads its decision and chooses it as evidence of its result
    await dept.agent.post(`/tasks/${task}/attachments?_csrf=${dept.csrf}`).attach('files', Buffer.from('PDF-DATA'), { filename: '行政处罚决定书.pdf', contentType: 'application/pdf' }).expect(303);
    const { id } = await h.store.db.selectFrom('evidence').select(['id']).executeTakeFirstOrThrow();
    const page = await dept.agent.get(`/tasks/${task}`).expect(200);
    const done = await dept.agent.post(`/tasks/${task}/complete`).set('x-csrf-token', dept.csrf).set('accept', 'application/json')
      .send({ variables: { resultText: '已立案调查，责令拆除占压建筑', resultMeasures: '下达责令限期整改指令书', resultEvidence: [id] } });
    // then
    expect(page.text).toContain('行政处罚决定书.pdf');
    expect(done.status).toBe(200);
    expect((await dept.agent.get(`/evidence/${id}`)).status).toBe(200);
    expect((await (await signIn(h.app, LOGINS.unitA)).agent.get(`/evidence/${id}`)).status).toBe(404);
    expect((await (await signIn(h.app, LOGINS.office)).agent.get(`/evidence/${id}`)).status).toBe(200);
    const entry = await h.store.db.selectFrom('task_entries').select(['fields']).where('task_key', '=', task).executeTakeFirstOrThrow();
    expect(entry.fields).toContain('下达责令限期整改指令书');
    expect(entry.fields).toContain('行政处罚决定书.pdf');
  });
});
