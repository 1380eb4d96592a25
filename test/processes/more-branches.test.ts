// The remaining gateway branches, timers and error paths of the diagrams that the other path tests do not take.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './load-diagrams';
import { ProcessHarness } from './support/process-harness';

const all = ['problem-disposal', 'problem-handover', 'listed-supervision', 'hazard-acceptance', 'escalation-ladder', 'key-talk'];

describe('more branches', () => {
  let p: ProcessHarness;
  // each test deploys only what it runs, so that moving the clock fires no unrelated start timers
  const start = async (...diagrams: string[]): Promise<void> => {
    p = await ProcessHarness.start(...diagrams);
    await p.h.deploy(['problem-classification.dmn', readFileSync(join(root, 'processes', 'problem-classification.dmn'), 'utf8')]);
  };
  afterEach(() => p.close());

  it('problem-disposal: refers an accountability lead to the committee with a referral letter', async () => {
    await start(...all);
    const pi = await p.create('problem-disposal', {
      inspectionId: 'I-6', unitCode: '370404102', unitName: '底阁镇', problemId: 'Q-6',
      problem: { id: 'Q-6', category: 'C8', severity: '一般', industry: '其他', description: '事故信息迟报未追责' },
    });
    await p.deadline({ result: 'disposalConfirmDue' }, '2026-03-05T23:59:59+08:00');
    await p.awaitTask('confirm-disposal');
    expect(await p.taskVariables('confirm-disposal')).toMatchObject({ suggestedRoute: 'accountability', suggestedDepartment: 'YC-M-02' });
    await p.task('confirm-disposal', { route: 'accountability', departmentCode: 'YC-M-02' });
    await p.job('yc-document', { docType: 'handover-letter' });
    expect((await p.awaitTask('refer-accountability')).value).toMatchObject({ candidateGroupsList: ['committee'] });
    await p.task('refer-accountability', { referralTarget: 'discipline', referralFacts: '事故发生后3日才报告，未追究责任' });
    // the problem is not done with the referral: the office follows it to the decision (四（三）, 四（二）闭环)
    const result = await p.awaitTask('record-accountability-result');
    expect(result.value).toMatchObject({ candidateGroupsList: ['office'], dueDate: '2026-04-01T23:59:59+08:00' });
    expect(await p.taskVariables('record-accountability-result')).toMatchObject({ problemText: '事故信息迟报未追责', referralTargetName: '区纪委监委' });
    expect(p.active(pi)).toEqual(['record-accountability-result']);
    await p.task('record-accountability-result', { accountabilityDecidedOn: '2026-03-25', accountabilityResult: '区纪委监委对该镇分管负责人予以诫勉谈话' });
    await p.completed(pi);
  });

  it('problem-handover: chases an overdue result and sets a new result deadline', async () => {
    await start(...all);
    const pi = await p.create('problem-handover', { problemId: 'Q-1', departmentCode: 'YC-M-10', inspectionId: 'I-1', unitName: '吴林街道' });
    await p.deadline({ result: 'resultDue' }, '2026-04-01T23:59:59+08:00');
    await p.job('yc-document', { docType: 'handover-letter' });
    await p.job('yc-handover', { action: 'send' }, { handoverId: 'H-9' });
    await p.deadline({ result: 'receiptDue' }, '2026-03-05T23:59:59+08:00');
    await p.awaitActive(pi, ['receipt-period', 'sign-receipt']);
    await p.task('sign-receipt', { receiptDecision: 'accept', receiptSigner: '王建国' });
    await p.job('yc-handover', { action: 'receipt' }, { handoverRefused: false });
    await p.awaitActive(pi, ['report-result', 'result-period']);
    // when the result deadline passes
    p.moveClockTo('2026-04-02T00:00:00+08:00');
    // then
    await p.job('yc-notify', { template: 'handover-overdue', to: 'department,office' });
    await p.deadline({ rule: 'working-days', amount: '10', result: 'resultDue' }, '2026-04-16T23:59:59+08:00');
    expect(await p.awaitActive(pi, ['report-result', 'result-chase-due', 'result-period'])).toHaveLength(3);
    // the department's task stays open through the chase
    expect(p.openTasksOf('report-result')).toBe(1);
  });

  it('hazard-acceptance: the committee keeps the listing instead of delisting', async () => {
    await start(...all);
    const pi = await p.create('hazard-acceptance', { hazardId: 'HZ-2', listingNo: 'L-2', unitName: '峨山镇', departmentCode: 'YC-M-08', rectifyDue: '2026-06-30T23:59:59+08:00' });
    await p.deadline({ result: 'acceptanceDue' }, '2026-03-12T23:59:59+08:00');
    await p.task('inspect-on-site', { acceptanceDate: '2026-03-10', acceptanceExperts: '周某', fundsSpent: 3, acceptanceFindings: '基本完成', acceptanceResult: 'passed' });
    await p.job('yc-hazard', { action: 'accept' }, { acceptancePassed: true });
    await p.deadline({ result: 'delistingDue' }, '2026-03-17T23:59:59+08:00');
    await p.task('approve-delisting', { spotChecked: true, delistDecision: 'keep', delistOpinion: '抽查发现仍有缺陷' });
    await p.completed(pi);
    expect(p.passed(pi, 'delisting-refused')).toBe(true);
    expect(p.passed(pi, 'delist-hazard')).toBe(false);
  });

  it('listed-supervision: an exhausted ladder goes to the committee, the hazard is not listed twice and stays listed until delisted', async () => {
    await start(...all);
    const pi = await p.create('listed-supervision', {
      problemId: 'Q-4', unitCode: '370404103', unitName: '榴园镇', inspectionId: 'I-4', departmentCode: 'YC-M-06', problem: { description: '隐患' }, escalationLevel: 6,
    });
    await p.deadline({ result: 'listingDecisionDue' }, '2026-03-05T23:59:59+08:00');
    await p.task('decide-listing', {
      listingDecision: 'list', listingOpinion: '挂牌督办',
      hazardName: '隐患', responsiblePerson: '刘某', measures: '整改措施说明', funds: 1, rectifyDeadline: '2026-06-30', emergencyPlan: '应急预案说明', caseLeader: '陈某', stopProduction: false,
    });
    await p.job('yc-hazard', { action: 'list' }, { hazardId: 'HZ-5', listingNo: 'L-5', rectifyDue: '2026-06-30T23:59:59+08:00', publishDue: '2026-03-09T23:59:59+08:00' });
    for (const type of ['yc-document', 'yc-notify', 'yc-hazard', 'yc-announce']) await p.job(type, {});
    await p.deadline({ result: 'progressDue' }, '2026-12-31T23:59:59+08:00');
    // when the deadline passes with the ladder already exhausted
    p.moveClockTo('2026-07-01T00:00:00+08:00');
    await p.child(pi, 'escalation-ladder');
    await p.job('yc-escalate', { action: 'step' }, { escalationLevel: 6, escalationStep: null, escalationColor: 'red', escalationExhausted: true });
    // then the committee decides instead of the listing ending
    await p.deadline({ result: 'escalationDecisionDue' }, '2026-07-06T23:59:59+08:00');
    // (a listed hazard is not listed again: choosing 挂牌 continues the supervision)
    await p.task('decide-escalation', { escalationDecision: 'list', escalationOpinion: '再次挂牌' });
    await p.job('yc-escalate', { action: 'decision' });
    await p.deadline({ result: 'escalationDue' }, '2026-07-15T23:59:59+08:00');
    expect(await p.awaitActive(pi, ['await-acceptance-request', 'listing-overdue', 'progress-missing', 'supervision-period'])).toHaveLength(4);
    expect(p.h.variables(pi)).toMatchObject({ overdueCheckAt: '2026-07-15T23:59:59+08:00' });
    expect(p.h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED', value: { elementId: 'escalation-listing' } })).toHaveLength(0);
  });

  it('escalation-ladder: the committee lists the overdue problem for supervision', async () => {
    await start(...all);
    const pi = await p.create('escalation-ladder', { inspectionId: 'I-8', unitCode: '370404100', unitName: '古邵镇', problemId: 'Q-8', departmentCode: 'YC-M-06', escalationLevel: 3 });
    await p.job('yc-escalate', {}, { escalationLevel: 4, escalationStep: '挂牌', escalationColor: 'red', escalationExhausted: false });
    await p.deadline({ result: 'escalationDecisionDue' }, '2026-03-05T23:59:59+08:00');
    await p.task('decide-escalation', { escalationDecision: 'list', escalationOpinion: '挂牌督办' });
    await p.job('yc-escalate', { action: 'decision' });
    const listing = await p.child(pi, 'listed-supervision');
    await p.deadline({ result: 'listingDecisionDue' }, '2026-03-05T23:59:59+08:00');
    const decision = await p.awaitTask('decide-listing');
    expect(decision.value.processInstanceKey).toBe(listing);
    expect(await p.taskVariables('decide-listing')).toMatchObject({ problemText: '逾期未整改' });
  });

  it('follow-up-sampling: ends quietly when every sampled unit has rectified', async () => {
    await start('follow-up-sampling');
    p.moveClockTo('2026-04-01T09:00:01+08:00');
    await p.job('yc-sample', {}, { sampledUnits: ['370404100'], sampleSeed: 'b2' });
    await p.deadline({ result: 'sampleDue' }, '2026-04-15T23:59:59+08:00');
    await p.job('yc-notify', { template: 'followup-sample' });
    const check = await p.task('check-rectification', { checkedOn: '2026-04-10', itemsChecked: 3, itemsUnrectified: 0, followUpFindings: '全部整改到位' });
    await p.completed(check.value.processInstanceKey as string);
    expect(p.passed(check.value.processInstanceKey as string, 'follow-up-done')).toBe(true);
  });

  it('coverage-watch: ends when the two-year coverage is complete', async () => {
    await start('coverage-watch');
    p.moveClockTo('2026-04-02T08:00:01+08:00');
    const job = await p.job('yc-coverage', {}, { coverageOk: true, coverageGaps: [] });
    await p.completed(job.processInstanceKey);
    expect(p.passed(job.processInstanceKey, 'coverage-fine')).toBe(true);
  });

  it('inspection-round: a training held on the entry day lets the units enter at once', async () => {
    await start('inspection-round', 'unit-inspection');
    const pi = await p.create('inspection-round', { year: 2026, planId: 'P', teams: [], roundNo: 2, roundStart: '2026-03-02', roundEnd: '2026-03-20', round: { units: [] }, trainingDue: '2026-03-02T09:00:00+08:00' });
    await p.job('yc-notify', { template: 'training-notice' });
    await p.task('hold-training', { trainingAt: '2026-03-02T08:00:00+08:00', trainingPlace: '区应急管理局会议室', attendeeCount: 8, trainingContent: '巡查纪律' });
    await p.job('yc-record', { action: 'round-started' });
    await p.completed(pi);
    expect(p.passed(pi, 'entry-day-reached')).toBe(true);
  });
});
