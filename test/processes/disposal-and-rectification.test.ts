// Path tests across call activities: processes/problem-disposal.bpmn with the decision table and its handover
// (三（三）4), and processes/rectification.bpmn with its escalation ladder (三（三）5, 四（三）).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './load-diagrams';
import { ProcessHarness } from './support/process-harness';

const diagrams = ['problem-disposal', 'problem-handover', 'listed-supervision', 'hazard-acceptance', 'escalation-ladder', 'key-talk', 'rectification'];

describe('problem-disposal', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start(...diagrams);
    await p.h.deploy(['problem-classification.dmn', readFileSync(join(root, 'processes', 'problem-classification.dmn'), 'utf8')]);
  });
  afterEach(() => p.close());

  const dispose = (problem: Record<string, string>): Promise<string> =>
    p.create('problem-disposal', { inspectionId: 'I-5', unitCode: '370404103', unitName: '榴园镇', problemId: 'Q-9', problem: { id: 'Q-9', ...problem } });

  it('classifies with the decision table, lets the office confirm and hands the problem over to the department', async () => {
    // given a road-transport violation
    const pi = await dispose({ category: 'C5', severity: '一般', industry: '道路运输', description: '客运企业动态监控缺失' });
    await p.deadline({ result: 'disposalConfirmDue' }, '2026-03-05T23:59:59+08:00');
    // then the office sees the decision's suggestion
    await p.awaitTask('confirm-disposal');
    expect(await p.taskVariables('confirm-disposal')).toMatchObject({ suggestedRoute: 'handover', suggestedDepartment: 'YC-M-08', problemText: '客运企业动态监控缺失' });
    // when it confirms
    await p.task('confirm-disposal', { route: 'handover', departmentCode: 'YC-M-08' });
    // then a handover to the transport bureau starts with exactly the mapped variables
    const handover = await p.child(pi, 'problem-handover');
    await p.deadline({ result: 'resultDue' }, '2026-04-04T23:59:59+08:00');
    const letter = await p.job('yc-document', { docType: 'handover-letter' });
    expect(letter.processInstanceKey).toBe(handover);
    expect(letter.variables).toMatchObject({ problemId: 'Q-9', departmentCode: 'YC-M-08', inspectionId: 'I-5' });
    expect(letter.variables).not.toHaveProperty('route');
    expect(p.active(pi)).toEqual(['hand-over']);
  });

  it('keeps a work problem the unit rectifies itself open (整改中) until the committee accepts the rectification', async () => {
    const pi = await dispose({ category: 'C4', severity: '一般', industry: '其他', description: '安全培训计划未落实' });
    await p.deadline({ result: 'disposalConfirmDue' }, '2026-03-05T23:59:59+08:00');
    await p.awaitTask('confirm-disposal');
    expect(await p.taskVariables('confirm-disposal')).toMatchObject({ suggestedRoute: 'rectify' });
    await p.task('confirm-disposal', { route: 'rectify' });
    // the register row says 整改中 and the case waits
    const marked = await p.job('yc-record', { action: 'problem-rectifying' }, { problemRectified: false });
    expect(marked.variables).toMatchObject({ problemId: 'Q-9', inspectionId: 'I-5' });
    await p.awaitActive(pi, ['await-problem-rectified']);
    // until the accepted rectification says so for this problem
    await p.h.engine.publishMessage({ name: 'problem-rectified', correlationKey: 'Q-9', timeToLive: 60_000 });
    await p.completed(pi);
    expect(p.passed(pi, 'disposal-done')).toBe(true);
  });

  it('does not wait when the unit\'s rectification was already accepted', async () => {
    const pi = await dispose({ category: 'C4', severity: '一般', industry: '其他', description: '安全培训计划未落实' });
    await p.deadline({ result: 'disposalConfirmDue' }, '2026-03-05T23:59:59+08:00');
    await p.task('confirm-disposal', { route: 'rectify' });
    await p.job('yc-record', { action: 'problem-rectifying' }, { problemRectified: true });
    await p.completed(pi);
    expect(p.passed(pi, 'await-problem-rectified')).toBe(false);
  });

  it('leaves a city finding (not in the district register) to the report to the city', async () => {
    const pi = await p.create('problem-disposal', { inspectionId: null, unitCode: '370404103', unitName: '榴园镇', problemId: null,
      problem: { category: 'C4', severity: '一般', industry: '其他', description: '应急预案未演练' } });
    await p.deadline({ result: 'disposalConfirmDue' }, '2026-03-05T23:59:59+08:00');
    await p.task('confirm-disposal', { route: 'rectify' });
    await p.completed(pi);
    expect(p.passed(pi, 'mark-rectifying')).toBe(false);
  });

  it('takes no route when the confirmed route is missing', async () => {
    const pi = await dispose({ category: 'C4', severity: '一般', industry: '其他', description: '安全培训计划未落实' });
    await p.deadline({ result: 'disposalConfirmDue' }, '2026-03-05T23:59:59+08:00');
    await p.task('confirm-disposal', { route: null });
    await p.h.awaitRecord({ valueType: 'INCIDENT', intent: 'CREATED' });
    expect(p.h.incidents(pi).map((i) => i.value.elementId)).toEqual(['route-gateway']);
  });

  it('starts listed supervision for a major accident hazard', async () => {
    const pi = await dispose({ category: 'C5', severity: '重大', industry: '工贸', description: '涉氨制冷车间未设置泄漏报警' });
    await p.deadline({ result: 'disposalConfirmDue' }, '2026-03-05T23:59:59+08:00');
    await p.task('confirm-disposal', { route: 'listing', departmentCode: 'YC-M-06' });
    const listing = await p.child(pi, 'listed-supervision');
    await p.deadline({ result: 'listingDecisionDue' }, '2026-03-05T23:59:59+08:00');
    const decision = await p.awaitTask('decide-listing');
    expect(decision.value).toMatchObject({ processInstanceKey: listing, candidateGroupsList: ['committee'] });
    expect(await p.taskVariables('decide-listing')).toMatchObject({ problemText: '涉氨制冷车间未设置泄漏报警' });
  });

  it('sends a listing the committee declines to the unit\'s rectification, so the problem is 整改中 and closes only when accepted', async () => {
    const pi = await dispose({ category: 'C5', severity: '重大', industry: '工贸', description: '涉氨制冷车间未设置泄漏报警' });
    await p.deadline({ result: 'disposalConfirmDue' }, '2026-03-05T23:59:59+08:00');
    await p.task('confirm-disposal', { route: 'listing', departmentCode: 'YC-M-06' });
    await p.child(pi, 'listed-supervision');
    await p.deadline({ result: 'listingDecisionDue' }, '2026-03-05T23:59:59+08:00');
    await p.task('decide-listing', { listingDecision: 'decline', listingOpinion: '不属于重大事故隐患，按一般问题整改' });
    // the committee's decision comes back to the case
    const marked = await p.job('yc-record', { action: 'problem-rectifying' }, { problemRectified: false });
    expect(marked.variables).toMatchObject({ problemId: 'Q-9', listed: false, listingDecision: 'decline', listingOpinion: '不属于重大事故隐患，按一般问题整改' });
    expect(p.passed(pi, 'listing-taken')).toBe(true);
    // and the case waits for the accepted rectification, not ending on the declined listing
    await p.awaitActive(pi, ['await-problem-rectified']);
    expect(p.passed(pi, 'disposal-done')).toBe(false);
    await p.h.engine.publishMessage({ name: 'problem-rectified', correlationKey: 'Q-9', timeToLive: 60_000 });
    await p.completed(pi);
    expect(p.passed(pi, 'disposal-done')).toBe(true);
  });
});

describe('rectification', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start(...diagrams);
  });
  afterEach(() => p.close());

  const start = async (): Promise<string> => {
    const pi = await p.create('rectification', { inspectionId: 'I-5', unitCode: '370404103', unitName: '榴园镇', inspectionNo: 'XC-2026-05', feedbackDate: '2026-03-02' });
    await p.deadline({ rule: 'months', amount: '2', from: 'feedbackDate', result: 'rectificationDue', remindBefore: '5' }, '2026-05-06T23:59:59+08:00', '2026-04-28T23:59:59+08:00');
    await p.job('yc-document', { docType: 'rectification-notice' });
    await p.awaitActive(pi, ['await-rectification-report', 'rectification-period']);
    return pi;
  };

  const review = async (decision: 'accept' | 'return'): Promise<void> => {
    await p.job('yc-record', { action: 'rectification-reported' });
    await p.deadline({ result: 'rectificationReviewDue' }, '2026-05-20T23:59:59+08:00');
    await p.task('review-rectification', { reviewDecision: decision, reviewOpinion: decision === 'accept' ? '整改到位' : '部分问题未整改', rejectedItems: 'Q-2' });
    await p.job('yc-record', { action: 'rectification-reviewed' }); // both decisions are registered
  };

  it('accepts a report submitted in time and announces the rectification', async () => {
    // given
    const pi = await start();
    // when the unit submits its report (message correlated by the inspection id)
    await p.h.engine.publishMessage({ name: 'rectification-submitted', correlationKey: 'I-5', timeToLive: 0 });
    await review('accept');
    // then
    await p.job('yc-announce', { kind: 'rectification' });
    await p.completed(pi);
  });

  it('reminds before the two months end, escalates when they have passed and waits again with a new deadline', async () => {
    // given
    const pi = await start();
    // when the reminder instant passes
    p.moveClockTo('2026-04-29T00:00:00+08:00');
    await p.job('yc-notify', { template: 'rectification-reminder', to: 'unit,unit-head' });
    // when the deadline passes
    p.moveClockTo('2026-05-07T00:00:00+08:00');
    // then the first rung of the ladder chases the unit while the report stays receivable
    const ladder = await p.child(pi, 'escalation-ladder');
    const step = await p.job('yc-escalate', { action: 'step' }, { escalationLevel: 1, escalationStep: '催办', escalationColor: 'red', escalationExhausted: false });
    expect(step.processInstanceKey).toBe(ladder);
    expect(step.variables).toMatchObject({ escalationLevel: 0, inspectionId: 'I-5' });
    expect(p.active(pi)).toEqual(['await-rectification-report', 'escalate-overdue', 'rectification-period']);
    await p.job('yc-notify', { template: 'escalation', to: 'unit,unit-head,office' });
    await p.deadline({ rule: 'working-days', amount: '10', result: 'escalationDue' }, '2026-05-21T23:59:59+08:00');
    // and the process waits for the report again, with the new deadline the rung set
    expect(await p.awaitActive(pi, ['await-rectification-report', 'chase-deadline-passed', 'rectification-period'])).toHaveLength(3);
    expect(p.h.variables(pi)).toMatchObject({ escalationLevel: 1, escalationColor: 'red', rectificationDue: '2026-05-21T23:59:59+08:00' });
    // when the new deadline passes as well, the ladder climbs the next rung
    p.moveClockTo('2026-05-22T00:00:00+08:00');
    const second = await p.job('yc-escalate', { action: 'step' }, { escalationLevel: 2, escalationStep: '督办函', escalationColor: 'red', escalationExhausted: false });
    expect(second.variables).toMatchObject({ escalationLevel: 1 });
  });

  it('receives a report sent while the escalation ladder runs, ends the escalation and reviews the report', async () => {
    // given a ladder rung under way (the chase notice not yet sent)
    const pi = await start();
    p.moveClockTo('2026-05-07T00:00:00+08:00');
    await p.job('yc-notify', { template: 'rectification-reminder' });
    const ladder = await p.child(pi, 'escalation-ladder');
    await p.job('yc-escalate', { action: 'step' }, { escalationLevel: 1, escalationStep: '催办', escalationColor: 'red', escalationExhausted: false });
    await p.awaitActive(ladder, ['send-reminder']);
    // when the unit submits its report now (no buffering: it must find a subscription)
    await p.h.engine.publishMessage({ name: 'rectification-submitted', correlationKey: 'I-5', timeToLive: 0, variables: { rectificationReport: { report: '已完成整改', investigation: null } } });
    // then the report is recorded and reviewed, and the rung in progress ends
    const recorded = await p.job('yc-record', { action: 'rectification-reported' });
    expect(recorded.variables).toMatchObject({ rectificationReport: { report: '已完成整改', investigation: null } });
    expect(p.passed(pi, 'rectification-report-received')).toBe(true);
    await p.deadline({ result: 'rectificationReviewDue' }, '2026-05-20T23:59:59+08:00');
    expect(p.h.trace(ladder)).toContain('escalation-ladder:ELEMENT_TERMINATED');
    await p.task('review-rectification', { reviewDecision: 'accept', reviewOpinion: '整改到位', rejectedItems: '无' });
    await p.job('yc-record', { action: 'rectification-reviewed' });
    await p.job('yc-announce', { kind: 'rectification' });
    await p.completed(pi);
  });

  it('puts an exhausted ladder before the committee, tracks the referral to its result and keeps waiting for the report', async () => {
    // given a rectification whose ladder has no rung left
    const pi = await p.create('rectification', { inspectionId: 'I-5', unitCode: '370404103', unitName: '榴园镇', inspectionNo: 'XC-2026-05', feedbackDate: '2026-03-02', escalationLevel: 6 });
    await p.deadline({ result: 'rectificationDue' }, '2026-05-06T23:59:59+08:00', '2026-04-28T23:59:59+08:00');
    await p.job('yc-document', { docType: 'rectification-notice' });
    p.moveClockTo('2026-05-07T00:00:00+08:00');
    await p.job('yc-notify', { template: 'rectification-reminder' });
    // when the ladder reports itself exhausted
    await p.job('yc-escalate', { action: 'step' }, { escalationLevel: 6, escalationStep: null, escalationColor: 'red', escalationExhausted: true });
    // then the committee decides, and its referral is followed to the result
    await p.deadline({ result: 'escalationDecisionDue' }, '2026-05-11T23:59:59+08:00');
    await p.task('decide-escalation', { escalationDecision: 'refer', escalationOpinion: '移送区纪委监委' });
    const decided = await p.job('yc-escalate', { action: 'decision' });
    expect(decided.variables).toMatchObject({ escalationDecision: 'refer', escalationOpinion: '移送区纪委监委', inspectionId: 'I-5' });
    await p.job('yc-document', { docType: 'handover-letter' });
    await p.deadline({ rule: 'calendar-days', amount: '30', result: 'referralResultDue' }, '2026-06-06T23:59:59+08:00');
    await p.task('record-referral-result', { referralOutcome: 'accountable', referralResult: '区纪委监委对分管负责人诫勉谈话' });
    const outcome = await p.job('yc-escalate', { action: 'outcome' });
    expect(outcome.variables).toMatchObject({ referralOutcome: 'accountable', referralResult: '区纪委监委对分管负责人诫勉谈话', inspectionId: 'I-5' });
    await p.deadline({ result: 'escalationDue' }, '2026-06-10T23:59:59+08:00');
    // and the rectification is not closed: it still waits for the report, by the new deadline
    expect(await p.awaitActive(pi, ['await-rectification-report', 'chase-deadline-passed', 'rectification-period'])).toHaveLength(3);
    expect(p.h.variables(pi)).toMatchObject({ rectificationDue: '2026-06-10T23:59:59+08:00' });
    expect(p.passed(pi, 'rectification-done')).toBe(false);
  });

  it('does not list a whole inspection\'s overdue rectification: 挂牌 needs a specific hazard, so the supervision continues', async () => {
    const pi = await p.create('rectification', { inspectionId: 'I-5', unitCode: '370404103', unitName: '榴园镇', inspectionNo: 'XC-2026-05', feedbackDate: '2026-03-02', escalationLevel: 4 });
    await p.deadline({ result: 'rectificationDue' }, '2026-05-06T23:59:59+08:00', '2026-04-28T23:59:59+08:00');
    await p.job('yc-document', { docType: 'rectification-notice' });
    p.moveClockTo('2026-05-07T00:00:00+08:00');
    await p.job('yc-notify', { template: 'rectification-reminder' });
    const ladder = await p.child(pi, 'escalation-ladder');
    await p.job('yc-escalate', { action: 'step' }, { escalationLevel: 5, escalationStep: '挂牌', escalationColor: 'red', escalationExhausted: false });
    await p.deadline({ result: 'escalationDecisionDue' }, '2026-05-11T23:59:59+08:00');
    await p.task('decide-escalation', { escalationDecision: 'list', escalationOpinion: '挂牌督办' });
    await p.job('yc-escalate', { action: 'decision' });
    await p.deadline({ result: 'escalationDue' }, '2026-05-21T23:59:59+08:00');
    await p.completed(ladder);
    expect(p.passed(ladder, 'escalation-listing')).toBe(false);
    expect(await p.awaitActive(pi, ['await-rectification-report', 'chase-deadline-passed', 'rectification-period'])).toHaveLength(3);
    expect(p.h.variables(pi)).toMatchObject({ rectificationDue: '2026-05-21T23:59:59+08:00' });
  });

  it('returns an insufficient report with a new deadline for the remaining items', async () => {
    const pi = await start();
    await p.h.engine.publishMessage({ name: 'rectification-submitted', correlationKey: 'I-5', timeToLive: 0 });
    await review('return');
    // the new deadline is computed as the unit is told, and the period waits for the report by it
    await p.deadline({ rule: 'working-days', amount: '15', result: 'rectificationDue', remindBefore: '3' }, '2026-06-10T23:59:59+08:00', '2026-06-05T23:59:59+08:00');
    const notice = await p.job('yc-notify', { template: 'rectification-returned' });
    expect(notice.variables).toMatchObject({ reason: '部分问题未整改' });
    expect(await p.awaitActive(pi, ['await-rectification-report', 'rectification-period'])).toHaveLength(2);
    expect(p.h.variables(pi)).toMatchObject({ rectificationDue: '2026-06-10T23:59:59+08:00', rectificationDueReminder: '2026-06-05T23:59:59+08:00' });
    p.moveClockTo('2026-06-06T00:00:00+08:00');
    await p.job('yc-notify', { template: 'rectification-reminder', to: 'unit,unit-head' });
    // and the escalation starts only when the new deadline has passed
    p.moveClockTo('2026-06-11T00:00:00+08:00');
    const step = await p.job('yc-escalate', { action: 'step' }, { escalationLevel: 1, escalationStep: '催办', escalationColor: 'red', escalationExhausted: false });
    expect(step.variables).toMatchObject({ inspectionId: 'I-5', escalationLevel: 0 });
  });
});
