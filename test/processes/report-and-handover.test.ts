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
    // the 15-day deadline from the end of on-site work, with a reminder 3 working days before
    await p.deadline(
      { rule: 'calendar-days', amount: '15', from: 'onsiteEnd', result: 'reportDue', remindBefore: '3' },
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
    await p.task('draft-report', { reportSummary: '基本情况……', problems: [{ category: 'C5', severity: '一般', industry: '工贸', description: '有限空间作业审批缺失' }] });
    await p.job('yc-record', { action: 'report-submitted' });
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
    // then
    await p.job('yc-notify', { template: 'report-returned', to: 'team-leader' });
    await p.deadline({ rule: 'working-days', amount: '5', result: 'reportDue', remindBefore: '1' }, '2026-04-29T23:59:59+08:00', '2026-04-28T09:00:00+08:00');
    await p.awaitActive(pi, ['draft-report']);
    expect(await p.taskVariables('draft-report')).toMatchObject({ returnOpinion: '问题清单不完整' });
  });
});

describe('problem-handover', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('problem-handover');
  });
  afterEach(() => p.close());

  const send = async (): Promise<string> => {
    const pi = await p.create('problem-handover', { problemId: 'Q-1', departmentCode: 'YC-M-10', inspectionId: 'I-1', unitName: '吴林街道' });
    await p.deadline({ rule: 'calendar-days', amount: '30', result: 'resultDue' }, '2026-04-01T23:59:59+08:00');
    await p.job('yc-document', { docType: 'handover-letter' });
    await p.job('yc-handover', { action: 'send' }, { handoverId: 'H-1', handoverNo: '峄安办移〔2026〕1号' });
    await p.deadline({ rule: 'working-days', result: 'receiptDue' }, '2026-03-05T23:59:59+08:00');
    await p.awaitActive(pi, ['await-receipt']);
    return pi;
  };

  it('closes after receipt and result, correlated by the handover id', async () => {
    // given
    const pi = await send();
    // when the department signs the receipt and later reports the result
    await p.h.engine.publishMessage({ name: 'handover-receipt', correlationKey: 'H-1', timeToLive: 0 });
    await p.job('yc-handover', { action: 'receipt' });
    await p.awaitActive(pi, ['await-result']);
    await p.h.engine.publishMessage({ name: 'handover-result', correlationKey: 'H-1', timeToLive: 0, variables: { handoverResult: '已立案查处' } });
    await p.job('yc-handover', { action: 'result' });
    // then
    await p.completed(pi);
  });

  it('chases an unsigned receipt and sets a new receipt deadline', async () => {
    // given
    const pi = await send();
    // when the receipt deadline passes
    p.moveClockTo('2026-03-06T00:00:00+08:00');
    // then the department and the office are chased and a new deadline is computed
    await p.job('yc-notify', { template: 'handover-overdue', to: 'department,office' });
    await p.deadline({ result: 'receiptDue' }, '2026-03-11T23:59:59+08:00');
    expect(await p.awaitActive(pi, ['await-receipt'])).toEqual(['await-receipt']);
  });

  it('lets the office name another department when the handover is refused', async () => {
    // given
    const pi = await send();
    await p.h.engine.publishMessage({ name: 'handover-receipt', correlationKey: 'H-1', timeToLive: 0, variables: { refusalReason: '不属本部门职责' } });
    // when the department refuses
    await p.jobError('yc-handover', { action: 'receipt' }, 'HANDOVER_REFUSED');
    await p.deadline({ result: 'reassignDue' }, '2026-03-09T23:59:59+08:00');
    // then the office decides, and a new letter goes to the new department
    const task = await p.awaitTask('reassign-department');
    expect(task.value).toMatchObject({ candidateGroupsList: ['office'] });
    expect(await p.taskVariables('reassign-department')).toMatchObject({ refusalReason: '不属本部门职责' });
    await p.task('reassign-department', { newDepartmentCode: 'YC-M-06', reassignReason: '工贸行业由应急管理局监管' });
    await p.job('yc-document', { docType: 'handover-letter' });
    const send2 = await p.job('yc-handover', { action: 'send' }, { handoverId: 'H-2' });
    expect(send2.variables).toMatchObject({ departmentCode: 'YC-M-06' });
    expect(p.active(pi)).not.toContain('await-result');
  });
});
