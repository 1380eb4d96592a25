// Path tests of processes/key-talk.bpmn (四（二）一), processes/hazard-acceptance.bpmn (三（三）4) and
// processes/coverage-watch.bpmn (一（二）).
import { ProcessHarness } from './support/process-harness';

describe('key-talk', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('key-talk');
  });
  afterEach(() => p.close());

  const holdTalk = async (): Promise<string> => {
    const talk = { subjectUnitCode: '370404103', reason: '有限空间作业隐患整改不力', at: null, attendees: [] };
    const pi = await p.create('key-talk', { talk, unitCode: '370404103', inspectionId: 'I-7' });
    await p.job('yc-talk', { action: 'schedule' }, { talkId: 'TK-1' });
    await p.job('yc-document', { docType: 'talk-notice' });
    // the notice's job gets the talk's reason and time as the notify schema names them
    const notice = await p.job('yc-notify', { template: 'talk', to: 'unit,unit-head' });
    expect(notice.variables).toMatchObject({ reason: '有限空间作业隐患整改不力', talkAt: null });
    await p.deadline({ rule: 'working-days', amount: '5', result: 'talkDue' }, '2026-03-09T23:59:59+08:00');
    await p.awaitTask('hold-talk');
    expect(await p.taskVariables('hold-talk')).toMatchObject({ talkSubject: '370404103', talkReason: '有限空间作业隐患整改不力' });
    await p.task('hold-talk', {
      talkHeldAt: '2026-03-05T09:00:00+08:00', intervieweeName: '张某 镇长', problemsRaised: '……', rectificationOpinion: '……', commitments: '……', followUpDate: '2026-03-20',
    });
    await p.job('yc-talk', { action: 'minutes' }, { followUpDue: '2026-03-20T23:59:59+08:00' });
    return pi;
  };

  it('asks the talked-to unit, and only that unit, for its follow-up report and closes when the office accepts it', async () => {
    // given
    const pi = await holdTalk();
    // then the follow-up report is a task of the unit itself, due on the date from the minutes
    const report = await p.awaitTask('report-talk-follow-up');
    expect(report.value).toMatchObject({ candidateGroupsList: ['unit', 'unit:370404103'], dueDate: '2026-03-20T23:59:59+08:00' });
    // when
    await p.task('report-talk-follow-up', { followUpReport: '已完成有限空间作业审批制度整改并组织培训' });
    await p.deadline({ result: 'followUpReviewDue' }, '2026-03-27T23:59:59+08:00');
    await p.task('review-talk-follow-up', { followUpDecision: 'accept', followUpOpinion: '落实到位' });
    // then
    await p.completed(pi);
    expect(p.passed(pi, 'talk-closed')).toBe(true);
  });

  it('returns an insufficient follow-up report to the unit', async () => {
    const pi = await holdTalk();
    await p.task('report-talk-follow-up', { followUpReport: '正在整改' });
    await p.deadline({ result: 'followUpReviewDue' }, '2026-03-27T23:59:59+08:00');
    // when
    await p.task('review-talk-follow-up', { followUpDecision: 'return', followUpOpinion: '未见整改证据' });
    // then
    expect(await p.awaitActive(pi, ['report-talk-follow-up'])).toEqual(['report-talk-follow-up']);
  });

  it('does not close the talk on a review without a decision', async () => {
    const pi = await holdTalk();
    await p.task('report-talk-follow-up', { followUpReport: '正在整改' });
    await p.deadline({ result: 'followUpReviewDue' }, '2026-03-27T23:59:59+08:00');
    await p.task('review-talk-follow-up', { followUpOpinion: '未作决定' });
    expect(await p.awaitActive(pi, ['report-talk-follow-up'])).toEqual(['report-talk-follow-up']);
    expect(p.passed(pi, 'talk-closed')).toBe(false);
  });
});

describe('hazard-acceptance', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('hazard-acceptance');
  });
  afterEach(() => p.close());

  const inspect = async (result: 'passed' | 'failed'): Promise<string> => {
    const pi = await p.create('hazard-acceptance', {
      hazardId: 'HZ-1', listingNo: '峄安挂〔2026〕1号', unitName: '榴园镇', departmentCode: 'YC-M-06', rectifyDue: '2026-06-30T23:59:59+08:00',
    });
    await p.deadline({ rule: 'calendar-days', amount: '10', result: 'acceptanceDue' }, '2026-03-12T23:59:59+08:00');
    const task = await p.awaitTask('inspect-on-site');
    expect(task.value).toMatchObject({ candidateGroupsList: ['department', 'department:YC-M-06'], dueDate: '2026-03-12T23:59:59+08:00' });
    await p.task('inspect-on-site', {
      acceptanceDate: '2026-03-10', acceptanceExperts: '李某（组长）', fundsSpent: 35, acceptanceFindings: '氨制冷机房已完成改造', acceptanceResult: result,
    });
    return pi;
  };

  it('delists an accepted hazard and publishes the delisting', async () => {
    // given
    const pi = await inspect('passed');
    await p.job('yc-hazard', { action: 'accept' }, { acceptancePassed: true });
    await p.deadline({ rule: 'working-days', result: 'delistingDue' }, '2026-03-17T23:59:59+08:00');
    // 区安委会, which listed the hazard, approves its delisting
    expect((await p.awaitTask('approve-delisting')).value).toMatchObject({ candidateGroupsList: ['committee'] });
    // when
    await p.task('approve-delisting', { spotChecked: true, delistDecision: 'delist', delistOpinion: '同意销号' });
    // then
    await p.job('yc-hazard', { action: 'delist' });
    await p.job('yc-hazard', { action: 'publish-delisting' });
    await p.job('yc-announce', { kind: 'delisting' });
    await p.completed(pi);
    expect(p.passed(pi, 'hazard-delisted')).toBe(true);
  });

  it('keeps the hazard listed when the acceptance fails', async () => {
    // given
    const pi = await inspect('failed');
    // when the worker records the failed acceptance (an outcome the diagram branches on)
    await p.job('yc-hazard', { action: 'accept' }, { acceptancePassed: false });
    // then the parties are told to continue and the process ends without delisting
    await p.job('yc-notify', { template: 'listing' });
    await p.completed(pi);
    expect(p.passed(pi, 'acceptance-not-passed')).toBe(true);
    expect(p.h.find({ valueType: 'VARIABLE', value: { name: 'delisted', processInstanceKey: pi } }).map((r) => r.value.value)).toEqual(['false']);
    expect(p.passed(pi, 'delist-hazard')).toBe(false);
  });
});

describe('coverage-watch', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('coverage-watch');
  });
  afterEach(() => p.close());

  it('checks the two-year coverage every month and lets the office arrange the gaps', async () => {
    // given the engine clock at 2026-03-02 (the timer fires on the 2nd of each month at 08:00)
    // when the clock reaches the next check
    p.moveClockTo('2026-04-02T08:00:01+08:00');
    // then the coverage is computed, and gaps reach the office
    await p.job('yc-coverage', {}, { coverageOk: false, coverageGaps: ['370404104', 'YC-M-21'] });
    await p.job('yc-notify', { template: 'coverage-warning', to: 'office' });
    await p.deadline({ result: 'coverageGapDue' }, '2026-04-16T23:59:59+08:00');
    await p.awaitTask('plan-gap-inspections');
    expect(await p.taskVariables('plan-gap-inspections')).toMatchObject({ coverageGapsText: '370404104，YC-M-21' });
  });

  it('warns the office when the coverage could not be confirmed', async () => {
    p.moveClockTo('2026-04-02T08:00:01+08:00');
    await p.job('yc-coverage', {}, { coverageGaps: [] });
    await p.job('yc-notify', { template: 'coverage-warning', to: 'office' });
  });
});
