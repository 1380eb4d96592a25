import { type Actor } from '../../src/db/audit';
import { createContentStore } from '../../src/db/content-store';
import { addEvidence } from '../../src/db/evidence';
import { openInspection } from '../../src/db/registers/inspections';
import { taskDiagram } from './support/fixtures';
import { type Harness, LOGINS, NOW, signIn, UNIT_A, UNIT_B, freshWebEachTest } from './support/harness';

/** A form whose selection fields draw on every kind of reference list the web app supplies. */
const PICK_FORM = {
  id: 'reference-pick',
  type: 'default',
  executionPlatform: 'Camunda Cloud',
  executionPlatformVersion: '8.8.0',
  schemaVersion: 19,
  components: [
    { type: 'select', key: 'leaderId', label: '组长', valuesKey: 'inspectorOptions', validate: { required: true } },
    { type: 'taglist', key: 'expertIds', label: '安全生产专家', valuesKey: 'expertOptions' },
    { type: 'taglist', key: 'enterpriseCodes', label: '延伸巡查企业', valuesKey: 'enterpriseOptions' },
    { type: 'taglist', key: 'evidenceRefs', label: '证据', valuesKey: 'evidenceOptions' },
    { type: 'select', key: 'departmentCode', label: '承办部门', valuesKey: 'memberUnitOptions', searchable: true },
  ],
};

/** The JSON the task page hands to form-js. */
function formData(page: string): Record<string, Array<{ label: string; value: string }>> {
  const m = /<script type="application\/json" id="form-data">(.*?)<\/script>/s.exec(page);
  if (!m) throw new Error('page has no form data');
  return JSON.parse(m[1]!) as Record<string, Array<{ label: string; value: string }>>;
}

describe('reference option lists of task forms', () => {
  let h: Harness;
  let task: string;
  let ownEvidence: string;
  let otherEvidence: string;
  freshWebEachTest(async (harness) => {
    h = harness;
    const by: Actor = { name: 'system', at: NOW.toISOString() };
    const [inspectionId, otherInspection] = [await openInspection(h.store.db, by, { unitCode: UNIT_A }), await openInspection(h.store.db, by, { unitCode: UNIT_B })];
    const archive = createContentStore(h.archiveDir);
    const evidence = (about: string, fileName: string) =>
      addEvidence(h.store.db, archive, by, { content: Buffer.from(fileName), kind: 'photo', fileName, mediaType: 'image/jpeg', capturedBy: 'danwei-370404001', capturedAt: NOW.toISOString(), inspectionId: about, audience: 'unit' });
    ownEvidence = (await evidence(inspectionId, '仓库消防通道.jpg')).id;
    otherEvidence = (await evidence(otherInspection, '吴林街道现场.jpg')).id;
    await h.engine.deploy([
      { name: 'reference-pick.form', content: Buffer.from(JSON.stringify(PICK_FORM)) },
      { name: 'reference-pick.bpmn', content: Buffer.from(taskDiagram({ id: 'reference-pick', name: '选项', taskName: '选择人员和证据', candidateGroups: `unit, unit:${UNIT_A}`, formId: 'reference-pick' })) },
    ]);
    const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId: 'reference-pick', variables: { inspectionId, unitCode: UNIT_A } });
    task = (await h.camunda.searchUserTasks({ filter: { processInstanceKey }, page: { limit: 1 } })).items[0]!.userTaskKey;
  });

  const submit = async (variables: Record<string, unknown>) => {
    const { agent, csrf } = await signIn(h.app, LOGINS.unitA);
    return agent.post(`/tasks/${task}/complete`).set('x-csrf-token', csrf).set('accept', 'application/json').send({ variables });
  };

  it('renders people by name, unit and rank, enterprises with their 镇街, and only the evidence of the task’s inspection', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.unitA);
    // when
    const data = formData((await agent.get(`/tasks/${task}`).expect(200)).text);
    // then
    expect(Object.keys(data).sort()).toEqual(['enterpriseOptions', 'evidenceOptions', 'expertOptions', 'inspectorOptions', 'memberUnitOptions']);
    expect(data.inspectorOptions).toContainEqual({ label: '王建国 · 区委办公室 · 科级', value: 'p-leader-1' });
    expect(data.inspectorOptions!.map((o) => o.value)).not.toContain('p-expert-1');
    expect(data.expertOptions!.map((o) => o.value)).toEqual(['p-expert-1', 'p-expert-2', 'p-expert-3', 'p-expert-4']);
    expect(data.enterpriseOptions!.length).toBeGreaterThan(0);
    expect(data.enterpriseOptions!.every((o) => /^YC-E-\d{2}$/.test(o.value) && /（.+(镇|街道)）$/.test(o.label))).toBe(true);
    expect(data.evidenceOptions).toEqual([{ label: '仓库消防通道.jpg（2026年11月28日 12:00）', value: ownEvidence }]);
  });

  it('labels member units 全称（简称）, so that typing 区住建局 or 住建 finds 区住房和城乡建设局', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.unitA);
    // when
    const units = formData((await agent.get(`/tasks/${task}`).expect(200)).text).memberUnitOptions!;
    // then the label carries both names, a unit without a short name keeps its name alone, and the value stays the code
    expect(units).toContainEqual({ label: '区住房和城乡建设局（区住建局）', value: 'YC-M-07' });
    expect(units).toContainEqual({ label: '区委组织部', value: 'YC-M-02' });
    expect(units.filter((o) => o.label.includes('住建')).map((o) => o.value)).toEqual(['YC-M-07']);
    expect(units.filter((o) => o.label.includes('区应急局')).map((o) => o.label)).toEqual(['区应急管理局（区应急局）']);
  });

  it('completes with offered ids and rejects evidence of another inspection and an expert as leader', async () => {
    // given the ids the form offers, and ones it does not
    const good = { leaderId: 'p-leader-1', expertIds: ['p-expert-1'], enterpriseCodes: ['YC-E-01'], evidenceRefs: [ownEvidence] };
    // when
    const rejected = await submit({ ...good, leaderId: 'p-expert-1', evidenceRefs: [ownEvidence, otherEvidence] });
    const accepted = await submit(good);
    // then
    expect(rejected.status).toBe(422);
    expect(rejected.body.fieldErrors).toEqual({ leaderId: '「组长」不是有效选项。', evidenceRefs: '「证据」包含无效选项。' });
    expect(accepted.status).toBe(200);
    expect((await h.camunda.getUserTask(task)).state).toBe('COMPLETED');
  });
});
