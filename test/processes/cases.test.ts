// Path tests of the cases that outlive a unit inspection (三（三）4-6, 四（二）): processes/problem-case.bpmn, one per
// problem, tracked to its clearance (销号), and processes/rectification-case.bpmn, the unit's rectification.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './load-diagrams';
import { ProcessHarness } from './support/process-harness';

const inspection = { inspectionId: 'I-7', unitCode: '370404103', unitName: '榴园镇', inspectionNo: 'XC-2026-07', feedbackDate: '2026-03-02' };
const problem = { id: 'Q-3', category: 'C5', severity: '一般', industry: '道路运输', description: '客运企业动态监控缺失' };

describe('problem-case', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('problem-case', 'problem-disposal', 'problem-handover');
    await p.h.deploy(['problem-classification.dmn', readFileSync(join(root, 'processes', 'problem-classification.dmn'), 'utf8')]);
  });
  afterEach(() => p.close());

  it('starts once per problem by message, disposes of it and clears it only when the disposal is done', async () => {
    // when the unit inspection asks for the case, twice with the same message id (a redelivered job)
    const request = { name: 'problem-case-requested', correlationKey: 'Q-3', timeToLive: 60_000, messageId: 'problem-case-requested:Q-3',
      variables: { ...inspection, problemId: 'Q-3', problem } };
    await p.h.engine.publishMessage(request);
    await expect(p.h.engine.publishMessage(request)).rejects.toThrow();
    // then one case opens with the problem, its register row becomes 处置中
    const opened = await p.job('yc-record', { action: 'problem-case-opened' });
    expect(opened.variables).toMatchObject({ problemId: 'Q-3', inspectionId: 'I-7' });
    const pi = opened.processInstanceKey;
    await p.deadline({ result: 'disposalConfirmDue' }, '2026-03-05T23:59:59+08:00');
    await p.task('confirm-disposal', { route: 'handover', departmentCode: 'YC-M-08' });
    // and while the handover runs the case is open, not cleared
    const disposal = await p.child(pi, 'problem-disposal');
    await p.child(disposal, 'problem-handover');
    expect(p.active(pi)).toEqual(['dispose-problem']);
    expect(p.passed(pi, 'clear-problem')).toBe(false);
    expect(p.h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED' })
      .filter((r) => r.value.bpmnProcessId === 'problem-case' && r.value.bpmnElementType === 'PROCESS')).toHaveLength(1);
  });
});

describe('rectification-case', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('rectification-case', 'rectification', 'escalation-ladder', 'key-talk', 'listed-supervision', 'hazard-acceptance');
  });
  afterEach(() => p.close());

  const rectifyAndReview = async (reviewDecision: string): Promise<void> => {
    await p.h.engine.publishMessage({ name: 'rectification-case-requested', correlationKey: 'I-7', timeToLive: 60_000, variables: inspection });
    await p.deadline({ result: 'rectificationDue' }, '2026-05-04T23:59:59+08:00', '2026-04-27T23:59:59+08:00');
    await p.job('yc-document', { docType: 'rectification-notice' });
    await p.h.engine.publishMessage({ name: 'rectification-submitted', correlationKey: 'I-7', timeToLive: 60_000 });
    await p.job('yc-record', { action: 'rectification-reported' });
    await p.deadline({ result: 'rectificationReviewDue' }, '2026-05-08T23:59:59+08:00');
    await p.task('review-rectification', { reviewDecision, reviewOpinion: '审核意见' });
    await p.job('yc-record', { action: 'rectification-reviewed' });
  };

  it('tells each problem the unit rectified that the committee accepted the rectification, then rescores the unit', async () => {
    await rectifyAndReview('accept');
    await p.job('yc-announce', { kind: 'rectification' });
    const listed = await p.job('yc-record', { action: 'rectified-problems' }, { rectifiedProblemIds: ['Q-3', 'Q-4'] });
    expect(listed.variables).toMatchObject({ inspectionId: 'I-7' });
    const sent = [await p.job('yc-publish', { message: 'problem-rectified' }), await p.job('yc-publish', { message: 'problem-rectified' })];
    expect(sent.map((j) => j.variables.correlationKey).sort()).toEqual(['Q-3', 'Q-4']);
    const rescored = await p.job('yc-assessment', { action: 'score' });
    expect(rescored.variables).toMatchObject({ inspectionId: 'I-7' });
    const closed = await p.job('yc-record', { action: 'inspection-closed' });
    expect(closed.variables).toMatchObject({ inspectionId: 'I-7' });
    await p.completed(listed.processInstanceKey);
  });

  it('keeps the problems under continued supervision when the ladder is exhausted, and closes them only on the accepted report', async () => {
    // given a unit that does not report and whose escalation ladder has no rung left
    await p.h.engine.publishMessage({ name: 'rectification-case-requested', correlationKey: 'I-7', timeToLive: 60_000, variables: inspection });
    await p.deadline({ result: 'rectificationDue' }, '2026-05-04T23:59:59+08:00', '2026-04-27T23:59:59+08:00');
    const notice = await p.job('yc-document', { docType: 'rectification-notice' });
    p.moveClockTo('2026-05-05T00:00:01+08:00');
    await p.job('yc-notify', { template: 'rectification-reminder' });
    await p.job('yc-escalate', { action: 'step' }, { escalationLevel: 6, escalationStep: null, escalationColor: 'red', escalationExhausted: true });
    // when the committee refers the unit for accountability and the result is recorded
    await p.deadline({ result: 'escalationDecisionDue' }, '2026-05-08T23:59:59+08:00');
    await p.task('decide-escalation', { escalationDecision: 'refer', escalationOpinion: '移送区纪委监委' });
    await p.job('yc-escalate', { action: 'decision' });
    await p.job('yc-document', { docType: 'handover-letter' });
    await p.deadline({ result: 'referralResultDue' }, '2026-06-04T23:59:59+08:00');
    await p.task('record-referral-result', { referralOutcome: 'accountable', referralResult: '区纪委监委对分管负责人诫勉谈话' });
    await p.job('yc-escalate', { action: 'outcome' });
    await p.deadline({ result: 'escalationDue' }, '2026-05-19T23:59:59+08:00');
    // then a new supervision period starts by the date the rung set: the case does not end, no problem is closed,
    // the inspection is not filed
    const rectification = notice.processInstanceKey;
    expect(await p.awaitActive(rectification, ['await-rectification-report', 'chase-deadline-passed', 'rectification-period'])).toHaveLength(3);
    expect(p.h.variables(rectification)).toMatchObject({ rectificationDue: '2026-05-19T23:59:59+08:00' });
    const published = (): number => p.h.find({ valueType: 'JOB', intent: 'CREATED' }).filter((r) => ['yc-publish', 'yc-assessment'].includes(r.value.type as string)).length;
    expect(published()).toBe(0);
    // and when the unit reports later and the committee accepts, each problem it rectified is told and the case closes
    await p.h.engine.publishMessage({ name: 'rectification-submitted', correlationKey: 'I-7', timeToLive: 60_000 });
    await p.job('yc-record', { action: 'rectification-reported' });
    await p.deadline({ result: 'rectificationReviewDue' }, '2026-05-29T23:59:59+08:00');
    await p.task('review-rectification', { reviewDecision: 'accept', reviewOpinion: '整改到位' });
    await p.job('yc-record', { action: 'rectification-reviewed' });
    await p.job('yc-announce', { kind: 'rectification' });
    const listed = await p.job('yc-record', { action: 'rectified-problems' }, { rectifiedProblemIds: ['Q-3'] });
    expect((await p.job('yc-publish', { message: 'problem-rectified' })).variables).toMatchObject({ correlationKey: 'Q-3' });
    await p.job('yc-assessment', { action: 'score' });
    await p.job('yc-record', { action: 'inspection-closed' });
    await p.completed(listed.processInstanceKey);
  });
});
