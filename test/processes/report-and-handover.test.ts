// Path tests of processes/inspection-report.bpmn (三（三）3-4) and processes/problem-handover.bpmn (三（三）4).
import { ProcessHarness } from './support/process-harness';

describe('inspection-report', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('inspection-report');
  });
  afterEach(() => p.close());

  const start = async (): Promise<string> => {
    const pi = await p.create('inspection-report', {
      inspectionId: 'I-1', unitCode: '370404001', unitName: '坛山街道', inspectionNo: 'XC-2026-01', onsiteEnd: '2026-03-20', problems: [],
    });
    // the 15-day deadline from the end of on-site work, with a reminder 3 working days before, computed when the
    // report task opens the first time
    await p.deadline(
      { rule: 'calendar-days', amount: '15', from: 'onsiteEnd', result: 'reportDue', remindBefore: '3', once: 'true' },
      '2026-04-07T23:59:59+08:00',
      '2026-04-02T23:59:59+08:00',
    );
    return pi;
  };

  it('reminds before the 15 days end, reports the overdue report, and ends after 审定', async () => {
    // given the report task of the team leader, due on the computed date
    const pi = await start();
    const draft = await p.awaitTask('draft-report');
    expect(draft.value).toMatchObject({ candidateGroupsList: ['team-leader'], dueDate: '2026-04-07T23:59:59+08:00' });
    // when the reminder instant passes
    p.moveClockTo('2026-04-03T00:00:00+08:00');
    // then the team leader is reminded and the task stays open
    await p.job('yc-notify', { template: 'report-reminder', to: 'team-leader' });
    // when the deadline passes
    p.moveClockTo('2026-04-08T00:00:00+08:00');
    // then the office and the committee learn that the report is overdue, still without cancelling the task
    await p.job('yc-notify', { template: 'report-overdue' });
    expect(await p.awaitActive(pi, ['draft-report'])).toEqual(['draft-report']);
    // when the report is submitted and approved
    await p.task('draft-report', { reportSummary: '基本情况……', reportCauses: '责任落实不到位', reportSuggestions: '开展专项整治',
      problems: [{ category: 'C5', severity: '一般', industry: '工贸', description: '有限空间作业审批缺失' }] });
    // the worker gets the report's three parts as one `report`
    const submitted = await p.job('yc-record', { action: 'report-submitted' });
    expect(submitted.variables).toMatchObject({ report: { summary: '基本情况……', causes: '责任落实不到位', suggestions: '开展专项整治' } });
    await p.deadline({ rule: 'working-days', result: 'reportApprovalDue' }, '2026-04-22T23:59:59+08:00');
    await p.awaitTask('approve-report');
    expect(await p.taskVariables('approve-report')).toMatchObject({ problemCount: '1' });
    await p.task('approve-report', { reportDecision: 'approve', reportOpinion: '同意' });
    await p.job('yc-record', { action: 'report-approved' });
    // then
    await p.completed(pi);
    expect(p.passed(pi, 'report-done')).toBe(true);
  });

  it('returns the report to the team leader with the committee opinion', async () => {
    // given
    const pi = await start();
    await p.task('draft-report', { reportSummary: '初稿', problems: [] });
    await p.job('yc-record', { action: 'report-submitted' });
    await p.deadline({ result: 'reportApprovalDue' }, '2026-04-22T23:59:59+08:00');
    // when
    await p.task('approve-report', { reportDecision: 'return', reportOpinion: '问题清单不完整' });
    // then the returned report gets its own deadline, computed as the team leader is told
    await p.deadline({ rule: 'working-days', amount: '5', result: 'reportDue', remindBefore: '1' }, '2026-04-29T23:59:59+08:00', '2026-04-28T09:00:00+08:00');
    const notice = await p.job('yc-notify', { template: 'report-returned', to: 'team-leader' });
    expect(notice.variables).toMatchObject({ reason: '问题清单不完整' });
    // and the report task keeps it instead of computing the 15 days again
    expect(await p.keptDeadline({ result: 'reportDue' })).toBe('2026-04-29T23:59:59+08:00');
    await p.awaitActive(pi, ['draft-report']);
    expect((await p.awaitTask('draft-report')).value).toMatchObject({ dueDate: '2026-04-29T23:59:59+08:00' });
    expect(await p.taskVariables('draft-report')).toMatchObject({ returnOpinion: '问题清单不完整' });
    // the reminder and the overdue report follow the new deadline
    p.moveClockTo('2026-04-28T09:00:01+08:00');
    await p.job('yc-notify', { template: 'report-reminder', to: 'team-leader' });
    p.moveClockTo('2026-04-30T00:00:00+08:00');
    await p.job('yc-notify', { template: 'report-overdue' });
    expect(await p.awaitActive(pi, ['draft-report'])).toEqual(['draft-report']);
  });
});

describe('problem-handover', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('problem-handover');
  });
  afterEach(() => p.close());

  const awaitingReceipt = ['receipt-period', 'sign-receipt'];
  const awaitingResult = ['report-result', 'result-period'];
  const problem = { description: '燃气管道被违章建筑占压', category: 'C5', severity: '较大', enterpriseName: '峄城燃气公司', industry: '城镇燃气' };
  const accept = { receiptDecision: 'accept', receiptSigner: '王建国' };
  const result = { resultText: '已立案调查，责令拆除占压建筑', resultMeasures: '下达责令限期整改指令书（峄住建责改〔2026〕3号）', resultEvidence: ['E-1'] };

  const send = async (): Promise<string> => {
    const pi = await p.create('problem-handover', { problemId: 'Q-1', problem, departmentCode: 'YC-M-10', inspectionId: 'I-1', unitName: '吴林街道' });
    // the letter states the result deadline: its start listener computes it before the letter is issued
    await p.deadline({ rule: 'calendar-days', amount: '30', result: 'resultDue', docType: 'handover-letter' }, '2026-04-01T23:59:59+08:00');
    const letter = await p.job('yc-document', { docType: 'handover-letter' }, { handoverLetterDocumentId: 'D-1', handoverLetterDocumentNo: '峄安办移〔2026〕1号' });
    expect(letter.variables).toMatchObject({ resultDue: '2026-04-01T23:59:59+08:00' });
    const sent = await p.job('yc-handover', { action: 'send' }, { handoverId: 'H-1', handoverNo: '峄安办移〔2026〕1号' });
    expect(sent.variables).toMatchObject({ resultDue: '2026-04-01T23:59:59+08:00', handoverLetterDocumentId: 'D-1' });
    // the department's receipt task gets its deadline from its start listener
    await p.deadline({ rule: 'working-days', amount: '3', result: 'receiptDue' }, '2026-03-05T23:59:59+08:00');
    await p.awaitActive(pi, awaitingReceipt);
    return pi;
  };

  it('gives the department a receipt task and a result task showing the problem, and closes with what it entered', async () => {
    // given
    const pi = await send();
    // then the receipt is the department's task, due on the receipt deadline, with the problem in full
    const receipt = await p.awaitTask('sign-receipt');
    expect(receipt.value).toMatchObject({ candidateGroupsList: ['department', 'department:YC-M-10'], dueDate: '2026-03-05T23:59:59+08:00' });
    expect(await p.taskVariables('sign-receipt')).toMatchObject({
      problemText: '燃气管道被违章建筑占压', problemCategory: 'C5', problemSeverity: '较大', enterpriseName: '峄城燃气公司', receiptDue: '2026-03-05T23:59:59+08:00',
    });
    // when the department accepts
    await p.task('sign-receipt', accept);
    const recorded = await p.job('yc-handover', { action: 'receipt' }, { handoverRefused: false, refusalReason: null });
    expect(recorded.variables).toMatchObject({ handoverId: 'H-1', receiptAccepted: true, receiptSigner: '王建国', refusalReason: null });
    // then its result task is due on the letter's deadline
    await p.awaitActive(pi, awaitingResult);
    const report = await p.awaitTask('report-result');
    expect(report.value).toMatchObject({ candidateGroupsList: ['department', 'department:YC-M-10'], dueDate: '2026-04-01T23:59:59+08:00' });
    expect(await p.taskVariables('report-result')).toMatchObject({ problemText: '燃气管道被违章建筑占压', problemCategory: 'C5' });
    // when it reports the result, the register gets the result, the measures and the evidence
    await p.task('report-result', result);
    const done = await p.job('yc-handover', { action: 'result' });
    expect(done.variables).toMatchObject(result);
    await p.completed(pi);
  });

  it('chases an unsigned receipt, sets a new receipt deadline and still takes the receipt during the chase', async () => {
    // given
    const pi = await send();
    // when the receipt deadline passes
    p.moveClockTo('2026-03-06T00:00:00+08:00');
    // then the department and the office are chased and the chase timer computes its own deadline
    await p.job('yc-notify', { template: 'handover-overdue', to: 'department,office' });
    expect(p.active(pi)).toContain('sign-receipt');
    await p.deadline({ rule: 'working-days', amount: '3', result: 'receiptDue' }, '2026-03-11T23:59:59+08:00');
    expect(await p.awaitActive(pi, [...awaitingReceipt, 'receipt-chase-due'])).toHaveLength(3);
    const timer = await p.h.awaitRecord({ valueType: 'TIMER', intent: 'CREATED', value: { targetElementId: 'receipt-chase-due' } });
    expect(timer.value.dueDate).toBe(Date.parse('2026-03-11T23:59:59+08:00'));
    // when the department signs during the chase, it is recorded and the chase ends
    await p.task('sign-receipt', accept);
    await p.job('yc-handover', { action: 'receipt' }, { handoverRefused: false, refusalReason: null });
    expect(await p.awaitActive(pi, awaitingResult)).toEqual(awaitingResult);
  });

  it('does not spin on deadlines already past: three chases, then the office decides', async () => {
    // given a receipt deadline already in the past (as with a clock moved ahead)
    const pi = await p.create('problem-handover', { problemId: 'Q-1', problem, departmentCode: 'YC-M-10', inspectionId: 'I-1', unitName: '吴林街道' });
    await p.deadline({ result: 'resultDue' }, '2026-04-01T23:59:59+08:00');
    await p.job('yc-document', { docType: 'handover-letter' });
    await p.job('yc-handover', { action: 'send' }, { handoverId: 'H-1' });
    const past = '2026-01-05T23:59:59+08:00';
    await p.deadline({ result: 'receiptDue' }, past);
    // when every chase deadline is in the past as well
    for (let chase = 1; chase <= 3; chase++) {
      await p.job('yc-notify', { template: 'handover-overdue' });
      await p.deadline({ result: 'receiptDue' }, past);
    }
    // then after three chases the office decides instead of a fourth chase
    await p.deadline({ result: 'handoverFollowUpDue' }, '2026-03-05T23:59:59+08:00');
    const decision = await p.awaitTask('decide-unanswered-receipt');
    expect(decision.value).toMatchObject({ candidateGroupsList: ['office'] });
    expect(await p.taskVariables('decide-unanswered-receipt')).toMatchObject({ awaitedItem: '签收回执' });
    expect(p.h.find({ valueType: 'JOB', intent: 'CREATED', value: { type: 'yc-notify', processInstanceKey: pi } })).toHaveLength(3);
    // and the department's task stays open while the office decides
    expect(p.active(pi)).toContain('sign-receipt');
    expect(p.openTasksOf('sign-receipt')).toBe(1);
    // when the office keeps supervising, the count starts again with a new deadline
    await p.task('decide-unanswered-receipt', { handoverFollowUp: 'wait', handoverFollowUpOpinion: '电话督促，再限期3个工作日' });
    await p.deadline({ result: 'receiptDue' }, '2026-03-11T23:59:59+08:00');
    expect(await p.awaitActive(pi, [...awaitingReceipt, 'receipt-chase-due'])).toHaveLength(3);
    expect(p.h.variables(pi)).not.toHaveProperty('receiptChases');
  });

  it('lets the office reassign a handover whose department never signs the receipt, and cancels that department\'s task', async () => {
    const pi = await send();
    const unsigned = await p.awaitTask('sign-receipt');
    p.moveClockTo('2026-03-06T00:00:00+08:00');
    for (const due of ['2026-03-11', '2026-03-16', '2026-03-19']) {
      await p.job('yc-notify', { template: 'handover-overdue' });
      await p.deadline({ result: 'receiptDue' }, `${due}T23:59:59+08:00`);
      p.moveClockTo(`${due}T23:59:59.500+08:00`);
    }
    await p.deadline({ result: 'handoverFollowUpDue' }, '2026-03-24T23:59:59+08:00');
    await p.task('decide-unanswered-receipt', { handoverFollowUp: 'reassign', handoverFollowUpOpinion: '原部门拒不签收，改派' });
    // then the receipt period ends without a receipt being recorded, the department's task is canceled,
    // and the office names the new department
    await p.deadline({ result: 'reassignDue' }, '2026-03-27T23:59:59+08:00');
    expect(p.active(pi)).toEqual(['reassign-department']);
    expect(p.passed(pi, 'record-receipt')).toBe(false);
    expect(p.h.find({ valueType: 'USER_TASK', intent: 'CANCELED' }).map((r) => r.key)).toContain(unsigned.key);
    expect(p.openTasksOf('sign-receipt')).toBe(0);
  });

  it('lets the office reassign a handover whose department does not report, with a new letter and deadline for the new department', async () => {
    const pi = await send();
    await p.task('sign-receipt', accept);
    await p.job('yc-handover', { action: 'receipt' }, { handoverRefused: false, refusalReason: null });
    await p.awaitActive(pi, awaitingResult);
    const unreported = await p.awaitTask('report-result');
    // when the result deadline and three chases pass
    p.moveClockTo('2026-04-02T00:00:00+08:00');
    for (const due of ['2026-04-16', '2026-04-30', '2026-05-15']) {
      await p.job('yc-notify', { template: 'handover-overdue' });
      await p.deadline({ rule: 'working-days', amount: '10', result: 'resultDue' }, `${due}T23:59:59+08:00`);
      p.moveClockTo(`${due}T23:59:59.500+08:00`);
    }
    await p.deadline({ result: 'handoverFollowUpDue' }, '2026-05-20T23:59:59+08:00');
    expect(await p.taskVariables('decide-unanswered-result')).toMatchObject({ awaitedItem: '办理结果' });
    // then the office reassigns, which ends the result period (and the department's task) and issues a new letter
    await p.task('decide-unanswered-result', { handoverFollowUp: 'reassign', handoverFollowUpOpinion: '原部门长期不办理，改由应急管理局办理' });
    await p.deadline({ result: 'reassignDue' }, '2026-05-22T23:59:59+08:00');
    expect(p.h.find({ valueType: 'USER_TASK', intent: 'CANCELED' }).map((r) => r.key)).toContain(unreported.key);
    await p.task('reassign-department', { newDepartmentCode: 'YC-M-06', reassignReason: '工贸行业由应急管理局监管' });
    await p.deadline({ rule: 'calendar-days', amount: '30', result: 'resultDue' }, '2026-06-21T23:59:59+08:00');
    await p.job('yc-document', { docType: 'handover-letter' });
    const again = await p.job('yc-handover', { action: 'send' }, { handoverId: 'H-2' });
    expect(again.variables).toMatchObject({ departmentCode: 'YC-M-06', resultDue: '2026-06-21T23:59:59+08:00' });
    await p.deadline({ result: 'receiptDue' }, '2026-05-27T23:59:59+08:00');
    expect(await p.awaitActive(pi, awaitingReceipt)).toEqual(awaitingReceipt);
    expect((await p.awaitTask('sign-receipt')).value).toMatchObject({ candidateGroupsList: ['department', 'department:YC-M-06'] });
    expect(p.passed(pi, 'record-result')).toBe(false);
  });

  it('lets the office name another department when the department returns the handover', async () => {
    // given
    const pi = await send();
    // when the department returns it with its reason (an answer the diagram branches on)
    await p.task('sign-receipt', { receiptDecision: 'refuse', refusalReason: '燃气管道占压属住建部门监管', receiptSigner: '李明' });
    const recorded = await p.job('yc-handover', { action: 'receipt' }, { handoverRefused: true, refusalReason: '燃气管道占压属住建部门监管' });
    expect(recorded.variables).toMatchObject({ receiptAccepted: false, refusalReason: '燃气管道占压属住建部门监管', receiptSigner: '李明' });
    await p.deadline({ result: 'reassignDue' }, '2026-03-09T23:59:59+08:00');
    // then the office decides, and a new letter goes to the new department
    const task = await p.awaitTask('reassign-department');
    expect(task.value).toMatchObject({ candidateGroupsList: ['office'] });
    expect(await p.taskVariables('reassign-department')).toMatchObject({ refusalReason: '燃气管道占压属住建部门监管' });
    await p.task('reassign-department', { newDepartmentCode: 'YC-M-06', reassignReason: '工贸行业由应急管理局监管' });
    await p.deadline({ result: 'resultDue' }, '2026-04-08T23:59:59+08:00');
    await p.job('yc-document', { docType: 'handover-letter' });
    const send2 = await p.job('yc-handover', { action: 'send' }, { handoverId: 'H-2' });
    expect(send2.variables).toMatchObject({ departmentCode: 'YC-M-06' });
    expect(p.active(pi)).not.toContain('report-result');
  });

  it('does not hand on a reason when the department accepts, even one typed before choosing to accept', async () => {
    const pi = await send();
    await p.task('sign-receipt', { receiptDecision: 'accept', refusalReason: '先填写后改为接收', receiptSigner: '王建国' });
    const recorded = await p.job('yc-handover', { action: 'receipt' }, { handoverRefused: false, refusalReason: null });
    expect(recorded.variables).toMatchObject({ receiptAccepted: true, refusalReason: null });
    await p.awaitActive(pi, awaitingResult);
  });
});
