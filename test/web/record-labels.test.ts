import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Actor } from '../../src/db/audit';
import { openInspection, recordMethods, registerProblems } from '../../src/db/registers/inspections';
import { taskDiagram } from './support/fixtures';
import { type Harness, LOGINS, NOW, signIn, UNIT_A, freshWebEachTest } from './support/harness';

const FORMS = join(__dirname, '..', '..', 'forms');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The forms that show 问题编号 (problemId) or 来信来电编号 (complaintId) read-only. */
const RECORD_FORMS = ['accountability-referral', 'accountability-result', 'complaint-verification', 'disposal-confirmation', 'handover-follow-up', 'handover-reassign', 'listing-decision'];

/** The JSON the task page hands to form-js. */
function formData(page: string): Record<string, unknown> {
  const m = /<script type="application\/json" id="form-data">(.*?)<\/script>/s.exec(page);
  if (!m) throw new Error('page has no form data');
  return JSON.parse(m[1]!) as Record<string, unknown>;
}

describe('register ids on task pages', () => {
  let h: Harness;
  let problemId: string;
  let complaintId: string;
  freshWebEachTest(async (harness) => {
    h = harness;
    const by: Actor = { name: 'system', at: NOW.toISOString() };
    const inspectionId = await openInspection(h.store.db, by, { unitCode: UNIT_A });
    [problemId] = await registerProblems(h.store.db, by, inspectionId, [{ category: 'C3', severity: '一般', description: '燃气管道被违章建筑占压，未采取任何防护措施和警示标志' }]) as [string];
    [complaintId] = await recordMethods(h.store.db, by, inspectionId, [{ method: 3, note: '来信来电（电话）：坛山街道某小区燃气管道被占压，来电人张某，电话13800000000' }]) as [string];
  });

  /** Opens a task of `form` whose process carries the two ids; returns the page. */
  async function taskPage(form: string, variables: Record<string, unknown>): Promise<string> {
    await h.engine.deploy([
      { name: `${form}.form`, content: readFileSync(join(FORMS, `${form}.form`)) },
      { name: `${form}.bpmn`, content: Buffer.from(taskDiagram({ id: `p-${form}`, name: '编号', taskName: '办理', candidateGroups: 'office', formId: form })) },
    ]);
    const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId: `p-${form}`, variables });
    const task = (await h.camunda.searchUserTasks({ filter: { processInstanceKey }, page: { limit: 1 } })).items[0]!.userTaskKey;
    const { agent } = await signIn(h.app, LOGINS.office);
    return (await agent.get(`/tasks/${task}`).expect(200)).text;
  }

  it.each(RECORD_FORMS)('%s shows the problem by 序号 and text and the complaint by date and channel, and no UUID', async (form) => {
    // given a process that carries a registered problem's and complaint's ids
    // when the office opens its task
    const page = await taskPage(form, { problemId, complaintId, unitName: '坛山街道' });
    // then the form shows readable labels, never an id, and nothing about who complained
    const data = formData(page);
    if ('problemId' in data) expect(data.problemId).toBe('第1项：燃气管道被违章建筑占压，未采取任何防护措施和警示…');
    if ('complaintId' in data) expect(data.complaintId).toBe('2026年11月28日受理的来信来电（电话）');
    expect('problemId' in data || 'complaintId' in data).toBe(true);
    expect(page).not.toMatch(UUID);
    expect(page).not.toMatch(/张某|13800000000/);
  });

  it.each(['talk-minutes', 'talk-follow-up', 'talk-follow-up-review'])('%s shows the talked-to unit by name, picked from the unit list', async (form) => {
    // given a talk whose subject the process carries as a unit code
    // when the office opens its task
    const page = await taskPage(form, { talkSubject: 'YC-M-07', talkReason: '燃气安全整改不力' });
    // then the field draws its label from the unit list, which names the unit
    const schema = JSON.parse(/<script type="application\/json" id="form-schema">(.*?)<\/script>/s.exec(page)![1]!) as { components: Array<{ key?: string; components?: unknown[] }> };
    const fields = JSON.stringify(schema);
    expect(fields).toContain('"type":"select","key":"talkSubject","label":"约谈对象单位","valuesKey":"unitOptions","readonly":true');
    const data = formData(page) as { talkSubject: string; unitOptions: Array<{ label: string; value: string }> };
    expect(data.talkSubject).toBe('YC-M-07');
    expect(data.unitOptions).toContainEqual({ label: '区住房和城乡建设局（区住建局）', value: 'YC-M-07' });
  });

  it('shows an id with no registered record as 未登记, not as the id', async () => {
    // given a process whose problem id names no registered problem
    const unknown = '00000000-0000-4000-8000-000000000000';
    // when
    const data = formData(await taskPage('handover-follow-up', { problemId: unknown }));
    // then
    expect(data.problemId).toBe('（未登记）');
  });
});
