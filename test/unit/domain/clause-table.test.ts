import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clauseTable } from '../../../src/domain/compliance/clause-table';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

function deadlineTask(id: string, rule: string, amount: number, result: string, doc: string): string {
  return `<bpmn:serviceTask id="${id}"><bpmn:documentation>${doc}</bpmn:documentation><bpmn:extensionElements><zeebe:taskDefinition type="yc-deadline" />
    <zeebe:taskHeaders><zeebe:header key="rule" value="${rule}" /><zeebe:header key="amount" value="${amount}" /><zeebe:header key="result" value="${result}" /></zeebe:taskHeaders></bpmn:extensionElements></bpmn:serviceTask>`;
}

function userTask(id: string, name: string, due: string, doc: string): string {
  return `<bpmn:userTask id="${id}" name="${name}"><bpmn:documentation>${doc}</bpmn:documentation><bpmn:extensionElements><zeebe:userTask /><zeebe:taskSchedule dueDate="=${due}" /></bpmn:extensionElements></bpmn:userTask>`;
}

const diagram = (id: string, name: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions ${NS} id="d-${id}" targetNamespace="http://bpmn.io/schema/bpmn"><bpmn:process id="${id}" name="${name}" isExecutable="true">${body}</bpmn:process></bpmn:definitions>`;

const REPORT = diagram('report', '巡查工作报告', [
  deadlineTask('compute-report-due', 'calendar-days', 15, 'reportDue', '三（三）3：结束后15日内报送'),
  deadlineTask('compute-approval-due', 'working-days', 10, 'approvalDue', '三（三）4：区安委会审定（10个工作日）'),
  userTask('draft', '撰写报告', 'reportDue', '三（三）3：结束后15日内报送'),
  userTask('approve', '审定报告', 'approvalDue', '三（三）4：区安委会审定（10个工作日）'),
  userTask('undated', '无期限任务', 'x', '三（三）4：没有计算期限的任务'),
  '<bpmn:userTask id="no-due" name="无期限"><bpmn:documentation>三（三）4：审定</bpmn:documentation></bpmn:userTask>',
  `<bpmn:boundaryEvent id="overdue" name="逾期未报" attachedToRef="draft"><bpmn:documentation>三（三）3：超过15日未报送</bpmn:documentation><bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">=reportDue</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:boundaryEvent>`,
  `<bpmn:boundaryEvent id="reminder" name="到期前提醒" attachedToRef="draft"><bpmn:documentation>三（三）3：届满前提醒</bpmn:documentation><bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">=reportDue</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:boundaryEvent>`,
].join(''));

const SAMPLING = diagram('sampling', '回头看', [
  // 14 calendar days like the two weeks on site, but not the two weeks: practice
  deadlineTask('compute-sample-due', 'calendar-days', 14, 'sampleDue', '四（二）二：闭环管理；实践：当月15日前完成'),
  userTask('check', '回头看核查', 'sampleDue', '四（二）二：所有问题闭环管理；实践：当月15日前完成'),
  // a month-rule deadline citing "参照" is not the regulation's two months
  deadlineTask('compute-city-due', 'months', 2, 'cityDue', '三（三）5：2个月内报送（参照）'),
  userTask('city', '向市里报送', 'cityDue', '二（一）：配合市安委会巡查'),
].join(''));

describe('clause table', () => {
  it('yields one row per user task with a due date and per deadline timer, not for reminders or undated tasks', async () => {
    // when
    const rows = await clauseTable([{ name: 'report.bpmn', xml: REPORT }, { name: 'README.md', xml: 'not a diagram' }]);
    // then
    expect(rows.map((r) => `${r.processId}/${r.elementId}`)).toEqual(['report/draft', 'report/overdue', 'report/approve', 'report/undated']);
    expect(rows.find((r) => r.elementId === 'overdue')).toEqual(expect.objectContaining({ kind: 'timer', dueVariable: 'reportDue', processName: '巡查工作报告', elementName: '逾期未报' }));
  });

  it("marks the regulation's own deadline with the regulation's wording and a diagram's other deadline as practice", async () => {
    // when
    const rows = await clauseTable([{ name: 'report.bpmn', xml: REPORT }]);
    const draft = rows.find((r) => r.elementId === 'draft')!;
    const approve = rows.find((r) => r.elementId === 'approve')!;
    // then
    expect(draft).toEqual(expect.objectContaining({ clause: '三（三）3', basis: 'regulation', deadlines: [{ text: '巡查结束后15日内', basis: 'regulation' }] }));
    expect(draft.obligation).toBe('巡查结束后15日内向区安委会报送巡查工作报告');
    expect(approve).toEqual(expect.objectContaining({ clause: '三（三）4', basis: 'practice', deadlines: [{ text: '10个工作日', basis: 'practice' }] }));
    // the practice interval is never part of the clause text
    expect(approve.obligation).not.toContain('10个工作日');
    expect(rows.find((r) => r.elementId === 'undated')!.deadlines).toEqual([{ text: '由上级流程设定', basis: 'practice' }]);
  });

  it('takes a like interval of another rule, a 实践 note or a 参照 citation for practice', async () => {
    // when
    const rows = await clauseTable([{ name: 'sampling.bpmn', xml: SAMPLING }]);
    // then
    expect(rows.find((r) => r.elementId === 'check')).toEqual(expect.objectContaining({ clause: '四（二）二', basis: 'practice', practice: ['当月15日前完成'], deadlines: [{ text: '14日', basis: 'practice' }] }));
    expect(rows.find((r) => r.elementId === 'city')).toEqual(expect.objectContaining({ clause: '二（一）', basis: 'practice', deadlines: [{ text: '2个月', basis: 'practice' }] }));
  });

  it('reads the diagrams in processes/: the 15-day report, two months, two weeks and training are regulation, committee reviews practice', async () => {
    // given
    const dir = join(__dirname, '..', '..', '..', 'processes');
    const files = readdirSync(dir).map((name) => ({ name, xml: readFileSync(join(dir, name), 'utf8') }));
    // when
    const rows = await clauseTable(files);
    // then
    const regulation = new Set(rows.filter((r) => r.basis === 'regulation').map((r) => r.clause));
    for (const clause of ['一（二）', '三（三）1', '三（三）3', '三（三）5']) expect(regulation).toContain(clause);
    for (const r of rows.filter((x) => /审核|审定|审批/.test(x.elementName))) {
      expect(r.deadlines.every((d) => d.basis === 'practice')).toBe(true);
    }
    expect(rows.every((r) => r.practice.every((p) => !r.obligation.includes(p)))).toBe(true);
    // the two-month report is awaited by a receive task that the overdue timer guards
    expect(rows.find((r) => r.elementId === 'await-rectification-report')).toEqual(expect.objectContaining({ kind: 'awaited', clause: '三（三）5', basis: 'regulation', guardTimer: 'rectification-overdue' }));
  });

  it('gives the notices, copies and publications their rows as steps whose deadline is practice', async () => {
    // given a service task citing 三（三）6 with 抄送, one citing it without a step word, and the real diagrams
    const copy = diagram('results', '巡查结果运用', [
      '<bpmn:serviceTask id="notify-copy" name="通知抄送单位"><bpmn:documentation>三（三）6：抄送区委组织部、区综治办、区文明办</bpmn:documentation></bpmn:serviceTask>',
      '<bpmn:serviceTask id="score" name="考核计分"><bpmn:documentation>三（三）6：纳入绩效考核</bpmn:documentation></bpmn:serviceTask>',
      '<bpmn:serviceTask id="publish" name="公布挂牌"><bpmn:documentation>三（三）6：向社会公告；实践：挂牌后5个工作日内公布</bpmn:documentation></bpmn:serviceTask>',
    ].join(''));
    const dir = join(__dirname, '..', '..', '..', 'processes');
    const files = readdirSync(dir).map((name) => ({ name, xml: readFileSync(join(dir, name), 'utf8') }));
    // when
    const rows = await clauseTable([{ name: 'results.bpmn', xml: copy }]);
    const real = await clauseTable(files);
    // then
    expect(rows.map((r) => r.elementId)).toEqual(['notify-copy', 'publish']);
    expect(rows[0]).toEqual(expect.objectContaining({ kind: 'step', clause: '三（三）6', basis: 'practice', deadlines: [{ text: '流程到达后1日内', basis: 'practice' }] }));
    expect(rows[0]!.obligation).toBe('巡查结果纳入绩效考核，抄送区委组织部、区综治办、区文明办；反馈意见和整改情况向社会公告');
    expect(rows[1]!.practice).toEqual(['挂牌后5个工作日内公布']);
    const steps = real.filter((r) => r.kind === 'step').map((r) => `${r.clause} ${r.processId}/${r.elementId}`);
    expect(steps).toEqual(expect.arrayContaining([
      '三（三）1 annual-plan/notify-advance', '三（三）4 collective-feedback/notify-feedback', '三（三）6 collective-feedback/announce-feedback',
      '三（三）6 inspection-results/notify-copy-offices', '三（三）6 rectification/announce-rectification', '三（三）6 listed-supervision/announce-listing',
    ]));
    expect(real.filter((r) => r.kind === 'step').every((r) => r.basis === 'practice' && !r.obligation.includes('1日'))).toBe(true);
  });
});
