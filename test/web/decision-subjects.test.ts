import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Actor } from '../../src/db/audit';
import { createContentStore } from '../../src/db/content-store';
import { addEvidence } from '../../src/db/evidence';
import { openInspection } from '../../src/db/registers/inspections';
import { taskDiagram } from './support/fixtures';
import { freshWebEachTest, type Harness, LOGINS, NOW, signIn, UNIT_A } from './support/harness';

/** Each decision's task page shows what is decided on, in full and by name, as the diagrams hand it to the task. */
const FORMS_DIR = join(__dirname, '..', '..', 'forms');

/** The visible text of the subject panel. */
function subjectOf(page: string): string {
  const m = /<section class="card" id="subject"[\s\S]*?<\/section>/.exec(page);
  return m ? m[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') : '';
}

describe('decision task pages show their subject', () => {
  let h: Harness;
  let inspectionId: string;
  freshWebEachTest(async (harness) => {
    h = harness;
    inspectionId = await openInspection(h.store.db, { name: 'system', at: NOW.toISOString() }, { unitCode: UNIT_A });
  });

  /** Starts a one-task process with the real form, offered to the office, and returns its page as the office sees it. */
  async function pageOf(formId: string, variables: Record<string, unknown>): Promise<{ page: string; subject: string }> {
    await h.engine.deploy([
      { name: `${formId}.form`, content: readFileSync(join(FORMS_DIR, `${formId}.form`)) },
      { name: `subject-${formId}.bpmn`, content: Buffer.from(taskDiagram({ id: `subject-${formId}`, name: formId, taskName: '决定', candidateGroups: 'office', formId })) },
    ]);
    const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId: `subject-${formId}`, variables: { inspectionId, unitCode: UNIT_A, ...variables } });
    const task = (await h.camunda.searchUserTasks({ filter: { processInstanceKey }, page: { limit: 1 } })).items[0]!.userTaskKey;
    const { agent } = await signIn(h.app, LOGINS.office);
    const res = await agent.get(`/tasks/${task}`);
    expect(res.status).toBe(200);
    return { page: res.text, subject: subjectOf(res.text) };
  }

  const teams = [{ name: '第1巡查组', leaderId: 'p-leader-1', deputyId: 'p-deputy-1', memberIds: ['p-member-1', 'p-member-2'], expertIds: ['p-expert-1'], unitCodes: ['370404001', 'YC-M-07'] }];

  it('team approval: every member by name, unit and post with their role, and the units each team inspects', async () => {
    const { page, subject } = await pageOf('team-approval', { year: 2026, teams, teamSummary: '第1巡查组（5人，名单见上）' });
    expect(subject).toContain('审批的巡查组组成');
    expect(subject).toContain('第1巡查组 王建国 · 区委办公室 · 科级 刘洪涛 · 区应急管理局 · 科级 赵文静');
    expect(subject).toContain('赵文静');
    expect(subject).toContain('秦振东');
    expect(subject).toContain('秦振东 · 区应急管理局 · 专家 坛山街道、区住房和城乡建设局');
    expect(page).not.toContain('p-leader-1');
  });

  it('plan approval: the rounds with their dates and units, and the teams when they are known', async () => {
    const plan = { year: 2027, cycleStart: '2027-01-01', planTitle: '2027年度安全生产巡查工作方案', planTheme: '危化品、城镇燃气', units: ['370404001', '370404002'],
      rounds: [{ no: 2, start: '2027-05-10', end: '2027-05-28', units: ['370404002'] }, { no: 1, start: '2027-03-01', end: '2027-03-19', units: ['370404001'] }] };
    const { subject } = await pageOf('annual-plan-approval', { plan, planTitle: plan.planTitle, planYear: '2027', planTheme: plan.planTheme, teams });
    expect(subject).toContain('2027年度安全生产巡查工作方案');
    expect(subject).toContain('危化品、城镇燃气');
    expect(subject).toMatch(/第1轮 2027年3月1日 2027年3月19日 坛山街道 第2轮 2027年5月10日 2027年5月28日 吴林街道/);
    expect(subject).toContain('王建国');
  });

  it('report approval: the 巡查工作报告 itself, its problems, causes and suggestions', async () => {
    const { subject } = await pageOf('inspection-report-approval', { reportSummary: '听取汇报3次，个别谈话12人次。', reportCauses: '属地责任落实不到位。', reportSuggestions: '开展燃气专项整治。',
      problems: [{ category: 'C5', severity: '重大', description: '液化气站未设置泄漏报警装置', enterpriseName: '坛山燃气站', legalBasis: 'GB 50028' }] });
    expect(subject).toContain('听取汇报3次，个别谈话12人次。');
    expect(subject).toContain('发现的问题（1个）');
    expect(subject).toContain('重大）液化气站未设置泄漏报警装置（涉及：坛山燃气站）（依据：GB 50028）');
    expect(subject).toContain('属地责任落实不到位。');
    expect(subject).toContain('开展燃气专项整治。');
  });

  it('rectification review: the unit’s report and investigation with the attachments filed on the inspection', async () => {
    const by: Actor = { name: 'danwei-370404001', at: NOW.toISOString() };
    await addEvidence(h.store.db, createContentStore(h.archiveDir), by, { content: Buffer.from('%PDF-1.4'), kind: 'document', fileName: '整改验收照片.pdf',
      mediaType: 'application/pdf', capturedBy: by.name, capturedAt: by.at, inspectionId, audience: 'unit' });
    const { subject } = await pageOf('rectification-review', { rectificationReport: { report: '已加装泄漏报警装置并联网。', investigation: '对责任人罚款2万元。', submittedAt: '2027-01-05T10:00:00+08:00' } });
    expect(subject).toContain('已加装泄漏报警装置并联网。');
    expect(subject).toContain('对责任人罚款2万元。');
    expect(subject).toContain('2027年1月5日');
    expect(subject).toContain('整改验收照片.pdf');
  });

  it('complaint verification: what was reported and how, never who reported it', async () => {
    const { page, subject } = await pageOf('complaint-verification', { complaintId: 'C-1',
      complaint: { channel: '来电', complainant: '王小二 13800000000', content: '某仓库夜间违规储存液化气' },
      complaintSubject: { channel: '来电', content: '某仓库夜间违规储存液化气', receivedAt: '2026-11-27T20:00:00+08:00' } });
    expect(subject).toContain('某仓库夜间违规储存液化气');
    expect(subject).toContain('来电');
    expect(page).not.toContain('王小二');
    expect(page).not.toContain('13800000000');
  });

  it('acceptance: the unit’s self-assessment', async () => {
    const { subject } = await pageOf('hazard-acceptance', { listingNo: '峄安委挂〔2026〕1号', acceptanceRequest: { selfAssessment: '报警装置已安装调试，喷淋联动正常。', at: '2027-01-10T09:00:00+08:00' } });
    expect(subject).toContain('报警装置已安装调试，喷淋联动正常。');
    expect(subject).toContain('2027年1月10日');
  });

  it('extension review: the reason and the requested date, as the diagram maps them from the unit’s request', async () => {
    // the diagram maps the extension-requested message's `extension` onto these (processes/listed-supervision.bpmn)
    const diagram = readFileSync(join(__dirname, '..', '..', 'processes', 'listed-supervision.bpmn'), 'utf8');
    expect(diagram).toContain('<zeebe:input source="=extension.reason" target="extensionReason" />');
    expect(diagram).toContain('<zeebe:input source="=extension.requestedDue" target="extensionRequestedDue" />');
    const { page, subject } = await pageOf('hazard-extension-review', { extensionReason: '进口设备到货延迟', extensionRequestedDue: '2027-03-31', rectifyDue: '2027-01-29T23:59:59+08:00' });
    expect(subject).toContain('进口设备到货延迟');
    expect(subject).toContain('申请延期至 2027年3月31日');
    expect(subject).toContain('2027年1月29日');
    expect(page).toContain('"extensionRequestedDue":"2027年3月31日"'); // the form's read-only field as well
  });
});
