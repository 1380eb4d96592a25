// Path tests of processes/listed-supervision.bpmn (三（三）4 挂牌督办 with the practice of docs/practice.md) and of
// each rung of processes/escalation-ladder.bpmn (四（三）).
import { ProcessHarness } from './support/process-harness';

const diagrams = ['listed-supervision', 'hazard-acceptance', 'escalation-ladder', 'key-talk', 'problem-handover'];

describe('listed-supervision', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start(...diagrams);
  });
  afterEach(() => p.close());

  /** While listed: the acceptance request, the monthly progress watch and the deadline watch all wait at once. */
  const waiting = ['await-acceptance-request', 'listing-overdue', 'progress-missing', 'supervision-period'];
  const listing = {
    problemId: 'Q-4', unitCode: '370404103', unitName: '榴园镇', inspectionId: 'I-4', departmentCode: 'YC-M-06',
    problem: { id: 'Q-4', description: '涉氨制冷车间未设置泄漏报警' },
  };

  const list = async (): Promise<string> => {
    const pi = await p.create('listed-supervision', listing);
    await p.deadline({ result: 'listingDecisionDue' }, '2026-03-05T23:59:59+08:00');
    await p.task('decide-listing', {
      listingDecision: 'list', listingOpinion: '同意挂牌督办',
      hazardName: '榴韵饮品涉氨制冷隐患', responsiblePerson: '刘某', measures: '加装氨泄漏报警并联锁', funds: 30,
      rectifyDeadline: '2026-06-30', emergencyPlan: '编制氨泄漏专项应急预案', caseLeader: '副区长 陈某', stopProduction: true,
    });
    const listed = await p.job('yc-hazard', { action: 'list' }, {
      hazardId: 'HZ-4', listingNo: '峄安挂〔2026〕4号', rectifyDue: '2026-06-30T23:59:59+08:00', publishDue: '2026-03-09T23:59:59+08:00',
    });
    // the five fixed items (五落实) reach the worker as one object
    expect(listed.variables).toMatchObject({ hazard: { responsiblePerson: '刘某', funds: 30, emergencyPlan: '编制氨泄漏专项应急预案', stopProduction: true } });
    await p.job('yc-document', { docType: 'listing-notice' });
    await p.job('yc-notify', { template: 'listing', to: 'department,unit,enterprise,committee' });
    await p.job('yc-hazard', { action: 'publish' });
    await p.job('yc-announce', { kind: 'listing' });
    await p.deadline({ rule: 'months', amount: '1', result: 'progressDue' }, '2026-04-02T23:59:59+08:00');
    await p.awaitActive(pi, waiting);
    return pi;
  };

  const acceptanceRequested = async (pi: string): Promise<string> => {
    await p.h.engine.publishMessage({ name: 'acceptance-requested', correlationKey: 'HZ-4', timeToLive: 0, variables: { acceptanceRequest: { selfAssessment: '报警与联锁已安装调试', at: '2026-03-05T09:00:00+08:00' } } });
    const acceptance = await p.child(pi, 'hazard-acceptance');
    await p.deadline({ result: 'acceptanceDue' }, '2026-03-12T23:59:59+08:00');
    return acceptance;
  };

  it('lets the committee decline the listing, which lists nothing', async () => {
    const pi = await p.create('listed-supervision', listing);
    await p.deadline({ result: 'listingDecisionDue' }, '2026-03-05T23:59:59+08:00');
    await p.task('decide-listing', { listingDecision: 'decline', listingOpinion: '不属于重大事故隐患，按一般问题整改' });
    await p.completed(pi);
    expect(p.passed(pi, 'listing-declined')).toBe(true);
    expect(p.passed(pi, 'list-hazard')).toBe(false);
    // the decision is kept in the instance's variables (what a caller reads as `listed`)
    const written = Object.fromEntries(p.h.records.filter((r) => r.valueType === 'VARIABLE' && r.value.processInstanceKey === pi)
      .map((r) => [r.value.name, JSON.parse(String(r.value.value))]));
    expect(written).toMatchObject({ listed: false, listingDecision: 'decline', listingOpinion: '不属于重大事故隐患，按一般问题整改' });
  });

  it('tracks progress, keeps receiving progress during the acceptance, then the committee delists and the delisting is published', async () => {
    // given
    const pi = await list();
    // when the enterprise reports progress (message correlated by the hazard id)
    await p.h.engine.publishMessage({ name: 'hazard-progress', correlationKey: 'HZ-4', timeToLive: 0, variables: { progress: { percent: 40, text: '报警装置已采购' } } });
    await p.job('yc-hazard', { action: 'progress' });
    await p.awaitActive(pi, waiting);
    // and asks for acceptance
    const acceptance = await acceptanceRequested(pi);
    // then the acceptance task has the unit's self-assessment, and a progress report sent while it runs is still received
    await p.awaitTask('inspect-on-site');
    expect(await p.taskVariables('inspect-on-site')).toMatchObject({ acceptanceRequest: { selfAssessment: '报警与联锁已安装调试' } });
    await p.h.engine.publishMessage({ name: 'hazard-progress', correlationKey: 'HZ-4', timeToLive: 0, variables: { progress: { percent: 100, text: '已投用' } } });
    const during = await p.job('yc-hazard', { action: 'progress' });
    expect(during.variables).toMatchObject({ progress: { percent: 100 } });
    await p.task('inspect-on-site', { acceptanceDate: '2026-03-11', acceptanceExperts: '李某', fundsSpent: 28, acceptanceFindings: '报警与联锁已投用', acceptanceResult: 'passed' });
    // the worker gets the whole form as one `acceptance`
    const accept = await p.job('yc-hazard', { action: 'accept' }, { acceptancePassed: true });
    expect(accept.variables).toMatchObject({ acceptance: { passed: true, opinion: '报警与联锁已投用', acceptedOn: '2026-03-11', experts: '李某', fundsSpent: 28 } });
    await p.deadline({ result: 'delistingDue' }, '2026-03-18T23:59:59+08:00');
    expect((await p.awaitTask('approve-delisting')).value).toMatchObject({ candidateGroupsList: ['committee'] });
    await p.task('approve-delisting', { spotChecked: true, delistDecision: 'delist', delistOpinion: '同意' });
    await p.job('yc-hazard', { action: 'delist' });
    await p.job('yc-hazard', { action: 'publish-delisting' });
    await p.job('yc-announce', { kind: 'delisting' });
    await p.completed(acceptance);
    // then
    await p.completed(pi);
    expect(p.passed(pi, 'listing-closed')).toBe(true);
    const counts = p.h.records.filter((r) => r.valueType === 'VARIABLE' && r.value.processInstanceKey === pi && r.value.name === 'progressCount');
    expect(counts.map((r) => r.value.value)).toEqual(['0', '1', '2']);
  });

  it('receives a second acceptance request while the acceptance runs and answers that it is under way', async () => {
    // given an acceptance under way
    const pi = await list();
    const acceptance = await acceptanceRequested(pi);
    await p.awaitTask('inspect-on-site');
    // when the unit asks again (the web app correlates: a request nothing waits for would be refused)
    const again = await p.h.engine.correlateMessage({ name: 'acceptance-requested', correlationKey: 'HZ-4', timeToLive: 0,
      variables: { acceptanceRequest: { selfAssessment: '报警装置已全部投用，申请尽快验收', by: 'liuyuan', at: '2026-03-09T10:00:00+08:00' } } });
    // then it is recorded and answered: the unit and the office are told, with what was sent
    expect(again.processInstanceKey).toBe(pi);
    const answer = await p.job('yc-notify', { template: 'acceptance-under-way', to: 'unit,office' });
    expect(answer.variables).toMatchObject({ reason: '报警装置已全部投用，申请尽快验收', hazardId: 'HZ-4' });
    expect(p.passed(pi, 'repeated-request-answered')).toBe(true);
    // and the acceptance goes on undisturbed
    expect(await p.awaitActive(acceptance, ['inspect-on-site'])).toEqual(['inspect-on-site']);
    await p.task('inspect-on-site', { acceptanceDate: '2026-03-11', acceptanceExperts: '李某', fundsSpent: 5, acceptanceFindings: '报警未联锁', acceptanceResult: 'failed' });
    await p.job('yc-hazard', { action: 'accept' }, { acceptancePassed: false });
    await p.job('yc-notify', { template: 'listing' });
    await p.completed(acceptance);
    expect(await p.awaitActive(pi, waiting)).toHaveLength(4);
  });

  it('keeps the hazard listed when the acceptance fails', async () => {
    const pi = await list();
    const acceptance = await acceptanceRequested(pi);
    await p.task('inspect-on-site', { acceptanceDate: '2026-03-11', acceptanceExperts: '李某', fundsSpent: 5, acceptanceFindings: '报警未联锁', acceptanceResult: 'failed' });
    await p.job('yc-hazard', { action: 'accept' }, { acceptancePassed: false });
    await p.job('yc-notify', { template: 'listing' });
    await p.completed(acceptance);
    // then the listing goes on, and a new acceptance can be asked for
    expect(await p.awaitActive(pi, waiting)).toHaveLength(4);
    expect(p.passed(pi, 'listing-closed')).toBe(false);
  });

  it('keeps the hazard listed when the committee does not delist', async () => {
    const pi = await list();
    const acceptance = await acceptanceRequested(pi);
    await p.task('inspect-on-site', { acceptanceDate: '2026-03-11', acceptanceExperts: '李某', fundsSpent: 28, acceptanceFindings: '基本到位', acceptanceResult: 'passed' });
    await p.job('yc-hazard', { action: 'accept' }, { acceptancePassed: true });
    await p.deadline({ result: 'delistingDue' }, '2026-03-18T23:59:59+08:00');
    await p.task('approve-delisting', { spotChecked: true, delistDecision: 'keep', delistOpinion: '抽查发现联锁未调试' });
    await p.completed(acceptance);
    expect(await p.awaitActive(pi, waiting)).toHaveLength(4);
    expect(p.passed(acceptance, 'delist-hazard')).toBe(false);
  });

  it('chases a missing monthly progress report and sets the next month', async () => {
    const pi = await list();
    // when the month passes without a report
    p.moveClockTo('2026-04-03T00:00:00+08:00');
    // then
    await p.job('yc-notify', { template: 'listing-progress-due', to: 'department,unit' });
    await p.deadline({ rule: 'months', result: 'progressDue' }, '2026-05-04T23:59:59+08:00');
    expect(await p.awaitActive(pi, waiting)).toHaveLength(4);
  });

  it('after three months without a progress report, the office decides: a talk with the unit, then reminders counted afresh', async () => {
    const pi = await list();
    // when three months pass without a report (each reminder sets the next month)
    for (const [now, next] of [['2026-04-03', '2026-05-04'], ['2026-05-05', '2026-06-05'], ['2026-06-06', '2026-07-06']]) {
      p.moveClockTo(`${now}T00:00:00+08:00`);
      await p.job('yc-notify', { template: 'listing-progress-due' });
      if (next !== '2026-07-06') await p.deadline({ result: 'progressDue' }, `${next}T23:59:59+08:00`);
    }
    // then the third reminder is followed by the office's decision, not by a fourth month of reminders
    await p.deadline({ result: 'progressDecisionDue' }, '2026-06-10T23:59:59+08:00');
    expect((await p.awaitTask('decide-missing-progress')).value).toMatchObject({ candidateGroupsList: ['office'] });
    expect(p.h.variables(pi)).toMatchObject({ progressMisses: 3 });
    // when the office decides on a talk
    await p.task('decide-missing-progress', { missingProgressDecision: 'talk', missingProgressOpinion: '约谈企业主要负责人' });
    const talk = await p.child(pi, 'key-talk');
    const scheduled = await p.job('yc-talk', { action: 'schedule' });
    expect(scheduled.processInstanceKey).toBe(talk);
    expect(scheduled.variables).toMatchObject({ talk: { subjectUnitCode: '370404103', reason: '挂牌隐患连续3个月未报告整改进展' } });
    expect(p.h.variables(pi)).toMatchObject({ progressMisses: 0 });
  });

  it('lets the office keep reminding after three missed months, counting afresh', async () => {
    const pi = await list();
    for (const [now, next] of [['2026-04-03', '2026-05-04'], ['2026-05-05', '2026-06-05'], ['2026-06-06', '']]) {
      p.moveClockTo(`${now}T00:00:00+08:00`);
      await p.job('yc-notify', { template: 'listing-progress-due' });
      if (next) await p.deadline({ result: 'progressDue' }, `${next}T23:59:59+08:00`);
    }
    await p.deadline({ result: 'progressDecisionDue' }, '2026-06-10T23:59:59+08:00');
    await p.task('decide-missing-progress', { missingProgressDecision: 'remind', missingProgressOpinion: '继续按月催报' });
    await p.deadline({ result: 'progressDue' }, '2026-07-10T23:59:59+08:00');
    expect(await p.awaitActive(pi, waiting)).toHaveLength(4);
    expect(p.h.variables(pi)).toMatchObject({ progressMisses: 0 });
    expect(p.passed(pi, 'hold-progress-talk')).toBe(false);
  });

  it('does not chase when the month\'s progress report came', async () => {
    const pi = await list();
    await p.h.engine.publishMessage({ name: 'hazard-progress', correlationKey: 'HZ-4', timeToLive: 0, variables: { progress: { percent: 30, text: '已订货' } } });
    await p.job('yc-hazard', { action: 'progress' });
    // when the month ends
    p.moveClockTo('2026-04-03T00:00:00+08:00');
    // then the next month is set without a reminder
    await p.deadline({ rule: 'months', result: 'progressDue' }, '2026-05-04T23:59:59+08:00');
    await p.awaitActive(pi, waiting);
    expect(p.passed(pi, 'notify-progress-due')).toBe(false);
  });

  it('lets the committee refuse an extension while progress and acceptance requests stay receivable', async () => {
    const pi = await list();
    await p.h.engine.publishMessage({ name: 'extension-requested', correlationKey: 'HZ-4', timeToLive: 0, variables: { extension: { requestedDue: '2026-08-31', reason: '设备供货周期延长' } } });
    await p.deadline({ rule: 'working-days', amount: '10', result: 'extensionDecisionDue' }, '2026-03-16T23:59:59+08:00');
    await p.awaitTask('review-extension');
    // the committee sees the unit's reason and requested date as the web app sends them (extension.{requestedDue,reason})
    expect(await p.taskVariables('review-extension')).toMatchObject({ extensionReason: '设备供货周期延长', extensionRequestedDue: '2026-08-31' });
    // while the extension is under review, a progress report is received
    await p.h.engine.publishMessage({ name: 'hazard-progress', correlationKey: 'HZ-4', timeToLive: 0, variables: { progress: { percent: 50, text: '安装中' } } });
    await p.job('yc-hazard', { action: 'progress' });
    await p.task('review-extension', { extensionDecision: 'refuse', extensionOpinion: '理由不充分' });
    // the refusal is an outcome, not an error; the deadline stays
    await p.job('yc-hazard', { action: 'extend' }, { extensionGranted: false, extensionRefusal: '挂牌督办单位不同意延期。' });
    expect(await p.awaitActive(pi, waiting)).toHaveLength(4);
    expect(p.h.variables(pi)).toMatchObject({ overdueCheckAt: '2026-06-30T23:59:59+08:00', extensionGranted: false });
  });

  it('checks the extended deadline instead of escalating at the old one', async () => {
    const pi = await list();
    await p.h.engine.publishMessage({ name: 'extension-requested', correlationKey: 'HZ-4', timeToLive: 0, variables: { extension: { requestedDue: '2026-08-31', reason: '设备供货周期延长' } } });
    await p.deadline({ result: 'extensionDecisionDue' }, '2026-03-16T23:59:59+08:00');
    await p.task('review-extension', { extensionDecision: 'grant', newRectifyDeadline: '2026-08-31', extensionOpinion: '同意延期' });
    const extend = await p.job('yc-hazard', { action: 'extend' }, { extensionGranted: true, extensionRefusal: null, rectifyDue: '2026-08-31T23:59:59+08:00' });
    // the worker gets the unit's request and the committee's decision as one `extension`
    expect(extend.variables).toMatchObject({ extension: { requestedDue: '2026-08-31', reason: '设备供货周期延长', decision: 'grant', newDeadline: '2026-08-31', opinion: '同意延期' } });
    expect(p.h.variables(pi)).toMatchObject({ overdueCheckAt: '2026-08-31T23:59:59+08:00' });
    // when the old deadline passes (the monthly progress reminders on the way)
    p.moveClockTo('2026-04-03T00:00:00+08:00');
    await p.job('yc-notify', { template: 'listing-progress-due' });
    await p.deadline({ result: 'progressDue' }, '2026-09-30T23:59:59+08:00');
    p.moveClockTo('2026-07-01T00:00:00+08:00');
    // then the watch waits for the new date; no ladder runs
    await p.h.awaitRecord({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED', value: { processInstanceKey: pi, elementId: 'deadline-checked' } });
    await p.awaitActive(pi, waiting);
    expect(p.passed(pi, 'escalate-listing')).toBe(false);
    // and the ladder runs once the new date has passed
    p.moveClockTo('2026-09-01T00:00:00+08:00');
    await p.child(pi, 'escalation-ladder');
  });

  it('escalates an overdue listing and checks again at the ladder\'s new date', async () => {
    const pi = await list();
    // when the rectification deadline passes (monthly reminders on the way)
    p.moveClockTo('2026-04-03T00:00:00+08:00');
    await p.job('yc-notify', { template: 'listing-progress-due' });
    await p.deadline({ result: 'progressDue' }, '2026-07-02T23:59:59+08:00');
    p.moveClockTo('2026-07-01T00:00:00+08:00');
    // then the ladder runs its first rung for the hazard
    const ladder = await p.child(pi, 'escalation-ladder');
    const step = await p.job('yc-escalate', { action: 'step' }, { escalationLevel: 1, escalationStep: '催办', escalationColor: 'red', escalationExhausted: false });
    expect(step.processInstanceKey).toBe(ladder);
    expect(step.variables).toMatchObject({ hazardId: 'HZ-4', escalationLevel: 0 });
    await p.job('yc-notify', { template: 'escalation' });
    await p.deadline({ result: 'escalationDue' }, '2026-07-15T23:59:59+08:00');
    await p.completed(ladder);
    await p.awaitActive(pi, waiting);
    expect(p.h.variables(pi)).toMatchObject({ overdueCheckAt: '2026-07-15T23:59:59+08:00', escalationColor: 'red' });
  });
});

describe('escalation-ladder', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start(...diagrams);
  });
  afterEach(() => p.close());

  const rung = async (step: string): Promise<string> => {
    const pi = await p.create('escalation-ladder', { inspectionId: 'I-8', unitCode: '370404100', unitName: '古邵镇', problemId: 'Q-8', departmentCode: 'YC-M-06', escalationLevel: 1 });
    await p.job('yc-escalate', {}, { escalationLevel: 2, escalationStep: step, escalationColor: 'red' });
    return pi;
  };
  const finish = async (pi: string): Promise<void> => {
    await p.deadline({ rule: 'working-days', amount: '10', result: 'escalationDue' }, '2026-03-16T23:59:59+08:00');
    await p.completed(pi);
  };

  it('督办函: issues and serves a supervision letter', async () => {
    const pi = await rung('督办函');
    await p.job('yc-document', { docType: 'supervision-letter' });
    await p.job('yc-notify', { template: 'escalation', to: 'unit,unit-head' });
    await finish(pi);
  });

  it('约谈: holds a key talk with the unit', async () => {
    const pi = await rung('约谈');
    const talk = await p.child(pi, 'key-talk');
    const scheduled = await p.job('yc-talk', { action: 'schedule' });
    expect(scheduled.processInstanceKey).toBe(talk);
    expect(scheduled.variables).toMatchObject({ talk: { subjectUnitCode: '370404100', reason: '整改逾期' } });
  });

  it('通报: criticises publicly and deducts assessment points', async () => {
    const pi = await rung('通报');
    await p.job('yc-notify', { template: 'escalation', to: 'unit,unit-head,copy-offices' });
    await p.job('yc-assessment', { action: 'score' });
    await finish(pi);
  });

  it('问责: the committee refers the case for accountability and the result is recorded', async () => {
    const pi = await rung('问责');
    await p.deadline({ result: 'escalationDecisionDue' }, '2026-03-05T23:59:59+08:00');
    expect((await p.awaitTask('decide-escalation')).value).toMatchObject({ candidateGroupsList: ['committee'] });
    await p.task('decide-escalation', { escalationDecision: 'refer', escalationOpinion: '移送区纪委监委' });
    await p.job('yc-escalate', { action: 'decision' });
    await p.job('yc-document', { docType: 'handover-letter' });
    await p.deadline({ result: 'referralResultDue' }, '2026-04-02T23:59:59+08:00');
    expect((await p.awaitTask('record-referral-result')).value).toMatchObject({ candidateGroupsList: ['office'] });
    await p.task('record-referral-result', { referralOutcome: 'not-accountable', referralResult: '经核查已尽责，不予追责' });
    const outcome = await p.job('yc-escalate', { action: 'outcome' });
    expect(outcome.variables).toMatchObject({ referralOutcome: 'not-accountable', problemId: 'Q-8' });
    await finish(pi);
  });

  it('挂牌: lists the problem only when the committee decides so', async () => {
    const pi = await rung('挂牌');
    await p.deadline({ result: 'escalationDecisionDue' }, '2026-03-05T23:59:59+08:00');
    await p.task('decide-escalation', { escalationDecision: 'list', escalationOpinion: '挂牌督办' });
    await p.job('yc-escalate', { action: 'decision' });
    const listing = await p.child(pi, 'listed-supervision');
    expect(p.h.variables(listing)).toMatchObject({ problemId: 'Q-8', unitCode: '370404100' });
  });

  it('exhausted: the committee decides to continue supervision, which is recorded, and nothing is listed', async () => {
    // given a ladder with no rung left
    const pi = await p.create('escalation-ladder', { inspectionId: 'I-8', unitCode: '370404100', unitName: '古邵镇', problemId: 'Q-8', departmentCode: 'YC-M-06', escalationLevel: 6 });
    await p.job('yc-escalate', { action: 'step' }, { escalationLevel: 6, escalationStep: null, escalationColor: 'red', escalationExhausted: true });
    // when the committee decides to continue
    await p.deadline({ result: 'escalationDecisionDue' }, '2026-03-05T23:59:59+08:00');
    await p.task('decide-escalation', { escalationDecision: 'continue', escalationOpinion: '限期10个工作日整改' });
    // then its decision is recorded and the ladder sets the next check
    const decided = await p.job('yc-escalate', { action: 'decision' });
    expect(decided.variables).toMatchObject({ escalationDecision: 'continue', escalationOpinion: '限期10个工作日整改' });
    await finish(pi);
    expect(p.passed(pi, 'escalation-listing')).toBe(false);
    expect(p.passed(pi, 'issue-referral')).toBe(false);
  });
});
