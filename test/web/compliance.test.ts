import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../support/eventually';
import { taskDiagram } from './support/fixtures';
import { asCsvText, csvRows, download, readSheet } from './support/xlsx';
import { type Harness, LOGINS, NOW, signIn, startHarness, startWebEnv, UNIT_A, UNIT_B, type WebEnv } from './support/harness';

/** A diagram whose one user task cites `doc` and falls due at the variable `due`. */
function citedTask(id: string, name: string, taskName: string, due: string, doc: string): string {
  return taskDiagram({ id, name, taskName, dueDate: `=${due}`, candidateGroups: 'office', formId: null })
    .replace(/(<bpmn:userTask id="report"[^>]*>)/, `$1<bpmn:documentation>${doc}</bpmn:documentation>`);
}

const TRAINING = citedTask('training', '巡查轮次', '组织集中培训', 'trainingDue', '三（三）1：在每一轮巡查工作开始前，组织巡查人员集中培训');
const REVIEW = citedTask('review', '整改审核', '区安委会审核整改情况', 'reviewDue', '三（三）5：区安委会审核（10个工作日）');
const at = (iso: string) => Date.parse(iso);

/** A report awaited until `rectificationDue`; when the interrupting timer fires, the office chases and it is awaited again. */
const AWAITED = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs-rect" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="rect" name="整改报送" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:exclusiveGateway id="join"><bpmn:incoming>f1</bpmn:incoming><bpmn:incoming>f5</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:receiveTask id="await" name="等待整改报告" messageRef="m1"><bpmn:documentation>三（三）5：被巡查单位报送整改和查处情况</bpmn:documentation><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:receiveTask>
    <bpmn:endEvent id="end"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:boundaryEvent id="overdue" name="逾期未报" attachedToRef="await"><bpmn:documentation>三（三）5：逾期未报送整改情况</bpmn:documentation><bpmn:outgoing>f4</bpmn:outgoing>
      <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">=rectificationDue</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:boundaryEvent>
    <bpmn:userTask id="chase" name="督办"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="office" /></bpmn:extensionElements><bpmn:incoming>f4</bpmn:incoming><bpmn:outgoing>f5</bpmn:outgoing></bpmn:userTask>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="join" />
    <bpmn:sequenceFlow id="f2" sourceRef="join" targetRef="await" />
    <bpmn:sequenceFlow id="f3" sourceRef="await" targetRef="end" />
    <bpmn:sequenceFlow id="f4" sourceRef="overdue" targetRef="chase" />
    <bpmn:sequenceFlow id="f5" sourceRef="chase" targetRef="join" />
  </bpmn:process>
  <bpmn:message id="m1" name="report-submitted"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseId" /></bpmn:extensionElements></bpmn:message>
</bpmn:definitions>`;

describe('条款落实情况', () => {
  let env: WebEnv;
  let h: Harness;
  let processesDir: string;
  /** Training instances: A on time (坛山街道), B late (吴林街道), C open past due (坛山街道), D not yet due (吴林街道). */
  const key: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };

  beforeAll(async () => {
    env = await startWebEnv();
  });
  afterAll(() => env.close());
  beforeEach(async () => {
    await env.purge();
    processesDir = mkdtempSync(join(tmpdir(), 'compliance-processes-'));
    writeFileSync(join(processesDir, 'training.bpmn'), TRAINING);
    writeFileSync(join(processesDir, 'review.bpmn'), REVIEW);
    writeFileSync(join(processesDir, 'rect.bpmn'), AWAITED);
    h = await startHarness(env, { processesDir });
    await h.engine.deploy([{ name: 'training.bpmn', content: Buffer.from(TRAINING) }, { name: 'review.bpmn', content: Buffer.from(REVIEW) }]);
    h.engine.clock.pin(at('2026-10-01T09:00:00+08:00'));
    const start = async (unitCode: string, trainingDue: string) =>
      (await h.engine.createProcessInstance({ bpmnProcessId: 'training', variables: { unitCode, trainingDue } })).processInstanceKey;
    key.A = await start(UNIT_A, '2026-10-10T09:00:00+08:00');
    key.B = await start(UNIT_B, '2026-10-10T09:00:00+08:00');
    key.C = await start(UNIT_A, '2026-11-20T09:00:00+08:00');
    key.D = await start(UNIT_B, '2026-12-10T09:00:00+08:00');
    const taskOf = async (instance: string) => (await h.camunda.searchUserTasks({ filter: { processInstanceKey: instance }, page: { limit: 1 } })).items[0]!.userTaskKey;
    h.engine.clock.pin(at('2026-10-05T09:00:00+08:00'));
    await h.engine.completeUserTask(await taskOf(key.A), {});
    h.engine.clock.pin(at('2026-10-15T09:00:00+08:00'));
    await h.engine.completeUserTask(await taskOf(key.B), {});
    h.engine.clock.pin(NOW.getTime());
  });
  afterEach(() => h.close());

  it('counts each obligation on time, late, open and overdue by the injected clock, per clause, month and unit', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.committee);
    // when
    const table = (await agent.get('/monitoring/compliance/table.csv').expect(200)).text;
    const months = (await agent.get('/monitoring/compliance/months.csv').expect(200)).text;
    const units = (await agent.get('/monitoring/compliance/units.csv').expect(200)).text;
    // then: 应办, 按期完成, 逾期完成, 未到期, 逾期未办
    expect(table).toMatch(/三（三）1,[^\n]*,巡查轮次,组织集中培训,用户任务,每一轮巡查开始前,条款规定,4,1,1,1,1,,/);
    expect(months).toContain('2026-10,2,1,1,0,0');
    expect(months).toContain('2026-11,1,0,0,0,1');
    expect(months).toContain('2026-12,1,0,0,1,0');
    // the two-year coverage from the domain store counts too: nothing is inspected yet in the demo data
    const coverage = /巡查覆盖台账,每两年全部巡查一遍,台账,每两年全部巡查一遍,条款规定,(\d+),0,0,(\d+),0/.exec(table);
    expect(coverage).not.toBeNull();
    expect(coverage![1]).toBe(coverage![2]);
    const unitA = /坛山街道,(\d+),(\d+),(\d+),(\d+),(\d+)/.exec(units)!;
    // A on time, C overdue, plus its coverage (open)
    expect(unitA.slice(1).map(Number)).toEqual([3, 1, 0, 1, 1]);
  });

  it('reads the diagrams as they are at the time of the request', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.office);
    const before = (await agent.get('/monitoring/compliance/table.csv').expect(200)).text;
    // when: someone edits a diagram's citation while the system runs
    writeFileSync(join(processesDir, 'review.bpmn'), REVIEW.replace('三（三）5：区安委会审核（10个工作日）', '三（三）4：区安委会审定整改报告'));
    const after = (await agent.get('/monitoring/compliance/table.csv').expect(200)).text;
    // then
    expect(before).toMatch(/三（三）5,[^\n]*,整改审核,区安委会审核整改情况/);
    expect(after).toMatch(/三（三）4,[^\n]*,整改审核,区安委会审核整改情况/);
  });

  it('marks a deadline the regulation does not set as practice and never shows it as clause text', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const table = (await agent.get('/monitoring/compliance/table.csv').expect(200)).text;
    // then
    const review = table.split('\n').find((l) => l.includes('区安委会审核整改情况'))!;
    expect(review).toContain('三（三）5,收到巡查组反馈意见后认真整改，2个月内将整改和查处情况报送区安委会审核,整改审核');
    expect(review).toContain(',实践：由上级流程设定,实践,0,0,0,0,0');
    expect(review).not.toContain('10个工作日');
  });

  it('shows the charts, the table and a drill-down to the instances', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.committee);
    // when
    const page = (await agent.get('/monitoring/compliance').expect(200)).text;
    const overdue = (await agent.get('/monitoring/compliance/items?row=training%2Freport&status=overdue').expect(200)).text;
    const unitB = (await agent.get(`/monitoring/compliance/items.csv?row=training%2Freport&unit=${UNIT_B}`).expect(200)).text;
    // then
    expect(page).toContain('/assets/compliance-charts.js');
    expect(page).toContain('id="chart-by-clause"');
    expect(page).toContain('"clauses":["一（二）","三（三）1","三（三）5"]');
    expect(page).toContain(`href="/monitoring/compliance/items?row=training%2Freport&amp;status=overdue"`);
    expect(overdue).toContain(`/monitoring/instances/${key.C}`);
    expect(overdue).toContain('共 1 项');
    expect(overdue).not.toContain(key.D);
    expect(unitB).toContain(`逾期完成,${key.B}`);
    expect(unitB).toContain(`未到期,${key.D}`);
    expect(unitB.trim().split('\n')).toHaveLength(3);
  });

  it('counts an awaited report missed when its deadline timer fired first, even when it arrives after the chase', async () => {
    // given: E reported in time, F after its deadline and a chase, G missed and still awaited, H awaited before its deadline
    await h.engine.deploy([{ name: 'rect.bpmn', content: Buffer.from(AWAITED) }]);
    h.engine.clock.pin(at('2026-10-01T09:00:00+08:00'));
    const cases = { E: ['2026-10-20', UNIT_A], F: ['2026-10-20', UNIT_B], G: ['2026-11-10', UNIT_A], H: ['2026-12-10', UNIT_B] } as const;
    const rect: Record<string, string> = {};
    for (const [caseId, [due, unitCode]] of Object.entries(cases)) {
      rect[caseId] = (await h.engine.createProcessInstance({ bpmnProcessId: 'rect', variables: { caseId, unitCode, rectificationDue: `${due}T23:59:59+08:00` } })).processInstanceKey;
    }
    const report = (caseId: string) => h.camunda.correlateMessage({ name: 'report-submitted', correlationKey: caseId, variables: {} });
    const chaseOf = (caseId: string) => eventually(async () => (await h.camunda.searchUserTasks({ filter: { processInstanceKey: rect[caseId], elementId: 'chase' }, page: { limit: 1 } })).items[0]);
    h.engine.clock.pin(at('2026-10-10T09:00:00+08:00'));
    await report('E');
    h.engine.clock.pin(at('2026-10-21T09:00:00+08:00'));
    await h.engine.completeUserTask((await chaseOf('F')).userTaskKey, { rectificationDue: '2026-11-30T23:59:59+08:00' });
    h.engine.clock.pin(at('2026-10-25T09:00:00+08:00'));
    await report('F');
    h.engine.clock.pin(at('2026-11-11T09:00:00+08:00'));
    await chaseOf('G');
    h.engine.clock.pin(NOW.getTime());
    await eventually(async () => (await h.camunda.getProcessInstance(rect.F!)).state === 'COMPLETED');
    const { agent } = await signIn(h.app, LOGINS.committee);
    // when
    const table = (await agent.get('/monitoring/compliance/table.csv').expect(200)).text;
    const items = (await agent.get('/monitoring/compliance/items.csv?row=rect%2Fawait').expect(200)).text;
    // then: 应办, 按期完成, 逾期完成, 未到期, 逾期未办; the timer fired twice
    expect(table).toMatch(/整改报送,等待整改报告,等待报送,实践：由上级流程设定,实践,4,1,1,1,1,,/);
    expect(table).toMatch(/整改报送,逾期未报,期限计时器,实践：由上级流程设定,实践,,,,,,2,0/);
    expect(items).toContain(`逾期完成,${rect.F}`);
    expect(items).toContain(`逾期未办,${rect.G}`);
    expect(items).toContain(`按期完成,${rect.E}`);
    expect(items).toContain(`未到期,${rect.H}`);
  });

  it('exports the clause table as XLSX with Chinese headers and the same figures as the CSV', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const xlsx = await download(agent, '/monitoring/compliance/table.xlsx');
    const csv = csvRows((await agent.get('/monitoring/compliance/table.csv').expect(200)).text);
    // then
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('条款落实情况.xlsx')}`);
    const { sheet, rows } = await readSheet(xlsx.body);
    expect(sheet.name).toBe('条款落实情况');
    expect(rows[0]).toEqual(['条款', '义务', '流程', '环节', '类型', '期限', '依据', '应办', '按期完成', '逾期完成', '未到期', '逾期未办', '计时到期', '计时等待']);
    const training = rows.find((r) => r[3] === '组织集中培训')!;
    expect([0, 7, 8, 9, 10, 11].map((c) => training[c])).toEqual(['三（三）1', 4, 1, 1, 1, 1]);
    expect(rows.map((r) => r.map(asCsvText))).toEqual(csv);
  });

  it('is for those who see the dashboard only', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.unitA);
    // when / then
    await agent.get('/monitoring/compliance').expect(403);
    await agent.get('/monitoring/compliance/table.csv').expect(403);
  });
});
