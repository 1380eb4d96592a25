// Path tests of processes/onsite-work.bpmn (三（二）, 二（一）, 四（二）, 四（三）) and of one whole unit inspection,
// processes/unit-inspection.bpmn with all the processes it calls (三（三）2-6).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ActivatedJob, type JsonObject } from '../../src/engine/api';
import { root } from './load-diagrams';
import { ProcessHarness } from './support/process-harness';

const inspection = { inspectionId: 'I-2', unitCode: '370404001', unitName: '坛山街道', inspectionNo: 'XC-2026-02' };
const problem = { category: 'C4', severity: '一般', industry: '其他', description: '街道安全培训计划未落实到社区' };
const onsiteForm = {
  methods: ['report', 'documents', 'interview', 'covert'], interviewCount: 12, documentCount: 60, enterpriseCount: 5, videoArchived: true,
  problems: [problem],
};

describe('onsite-work', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('onsite-work', 'key-talk');
  });
  afterEach(() => p.close());

  const start = (): Promise<string> =>
    p.create('onsite-work', { ...inspection, onsiteMinEnd: '2026-03-23T23:59:59+08:00', onsiteCloseDue: '2026-03-27T18:00:00+08:00' });

  it('cannot end before two weeks on site, however early the work is recorded', async () => {
    // given
    const pi = await start();
    expect(await p.awaitActive(pi, ['conduct-onsite', 'two-weeks-passed'])).toHaveLength(2);
    // when the team records its work after a few days
    await p.task('conduct-onsite', { ...onsiteForm, extendToEnterprises: 'no', talkNeeded: 'no' });
    // then only the two-week timer holds a token; the work waits at the join
    expect(await p.awaitActive(pi, ['two-weeks-passed'])).toEqual(['two-weeks-passed']);
    expect(p.passed(pi, 'talk-merge')).toBe(true);
    // when the two weeks have passed
    p.moveClockTo('2026-03-24T00:00:00+08:00');
    // then the team leader closes the on-site work
    const close = await p.awaitTask('close-onsite');
    expect(close.value).toMatchObject({ candidateGroupsList: ['team-leader'], dueDate: '2026-03-27T18:00:00+08:00' });
    await p.task('close-onsite', { onsiteEnd: '2026-03-24', onsiteSummary: '现场工作按方案完成，共发现问题1项' });
    await p.completed(pi);
    expect(p.h.variables(pi)).toEqual({});
  });

  it('asks again for an end date before the two weeks are over or in the future, saying why', async () => {
    // given the two weeks are over on 23 March and it is 25 March
    const pi = await start();
    await p.task('conduct-onsite', { ...onsiteForm, extendToEnterprises: 'no', talkNeeded: 'no' });
    p.moveClockTo('2026-03-25T10:00:00+08:00');
    // when the leader enters a date inside the two weeks, then one in the future
    await p.task('close-onsite', { onsiteEnd: '2026-03-20', onsiteSummary: '现场工作按方案完成' });
    expect(await p.taskVariables('close-onsite')).toMatchObject({ onsiteEndProblem: expect.stringContaining('2026-03-20无效') });
    await p.task('close-onsite', { onsiteEnd: '2026-03-26T17:00:00+08:00', onsiteSummary: '现场工作按方案完成' });
    await p.awaitTask('close-onsite');
    // then only a date between them ends the on-site work
    await p.task('close-onsite', { onsiteEnd: '2026-03-25T10:00:00+08:00', onsiteSummary: '现场工作按方案完成' });
    await p.completed(pi);
    expect(p.h.find({ valueType: 'USER_TASK', intent: 'COMPLETED' }).filter((r) => r.value.elementId === 'close-onsite')).toHaveLength(3);
  });

  it('extends to key enterprises, adds their problems to the list and holds a key talk', async () => {
    // given
    const pi = await p.create('onsite-work', { ...inspection, teamId: 'T-1', onsiteMinEnd: '2026-03-23T23:59:59+08:00', onsiteCloseDue: '2026-03-27T18:00:00+08:00' });
    // when
    await p.task('conduct-onsite', {
      ...onsiteForm, extendToEnterprises: 'yes', talkNeeded: 'yes', talkSubjectUnitCode: '370404001', talkReason: '有限空间作业管理缺失', talkAt: '2026-03-12T09:00:00+08:00',
    });
    await p.task('extended-inspection', {
      enterpriseCodes: ['YC-E-02'], extendedProblems: [{ category: 'C5', severity: '重大', industry: '工贸', description: '纸浆池有限空间作业无审批' }],
    });
    // then the key talk runs with what the form recorded
    const talk = await p.child(pi, 'key-talk');
    const scheduled = await p.job('yc-talk', { action: 'schedule' });
    expect(scheduled.processInstanceKey).toBe(talk);
    expect(scheduled.variables).toMatchObject({ talk: { subjectUnitCode: '370404001', reason: '有限空间作业管理缺失', at: '2026-03-12T09:00:00+08:00' } });
    // and the talk is held by this inspection's team leader (or the office or the committee), not any team's
    await p.job('yc-document', { docType: 'talk-notice' });
    await p.job('yc-notify', { template: 'talk' });
    await p.deadline({ result: 'talkDue' }, '2026-03-19T23:59:59+08:00');
    expect((await p.awaitTask('hold-talk')).value.candidateGroupsList).toEqual(['committee', 'office', 'team-leader:T-1']);
    // and the problem list holds both problems
    const problems = p.h.find({ valueType: 'VARIABLE', value: { name: 'problems', processInstanceKey: pi } }).map((r) => JSON.parse(r.value.value as string));
    expect(problems[problems.length - 1]).toHaveLength(2);
  });

  it('takes complaints in while the work goes on (来信来电)', async () => {
    // given
    const pi = await start();
    await p.awaitTask('conduct-onsite');
    // when a letter arrives for this inspection
    const complaint = { channel: '来电', complainant: '张某（13800000000）', content: '某企业夜间违规动火' };
    await p.h.engine.publishMessage({ name: 'complaint-received', correlationKey: 'I-2', timeToLive: 0, variables: { complaint } });
    const recorded = await p.job('yc-record', { action: 'complaint-received' }, { complaintId: 'C-1' });
    expect(recorded.variables).toMatchObject({ complaint, inspectionId: 'I-2' });
    await p.deadline({ rule: 'working-days', amount: '7', result: 'complaintDue' }, '2026-03-11T23:59:59+08:00');
    // then the team verifies it, and the on-site work is not interrupted
    await p.awaitTask('verify-complaint');
    // and the complainant stays inside the complaint's own handling (四（三）): the verification sees it, the root scope,
    // which every other on-site task reads, does not
    const handling = p.h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED' })
      .filter((r) => r.value.elementId === 'complaint-handling' && r.value.processInstanceKey === pi);
    expect(handling).toHaveLength(1);
    expect(p.h.variables(handling[0].key)).toMatchObject({ complaint, complaintId: 'C-1' });
    expect(Object.keys(p.h.variables(pi)).filter((k) => k.startsWith('complaint'))).toEqual([]);
    // the verification's page shows the complaint's number (from the handling's scope), its due date (the task's own)
    // and what was reported and how, without the complainant
    expect(await p.taskVariables('verify-complaint')).toEqual({ complaintId: 'C-1', complaintDue: '2026-03-11T23:59:59+08:00',
      complaintSubject: { channel: complaint.channel, content: complaint.content, receivedAt: null } });
    expect(p.active(pi)).toEqual(expect.arrayContaining(['conduct-onsite', 'two-weeks-passed', 'verify-complaint']));
    await p.task('verify-complaint', { complaintFinding: 'confirmed', complaintNotes: '现场核实属实，纳入问题清单',
      problemCategory: 'C5', problemSeverity: '较大', problemIndustry: '工贸', problemDescription: '某企业夜间违规动火作业未办理审批', problemEnterpriseName: '' });
    expect(await p.awaitActive(pi, ['conduct-onsite', 'two-weeks-passed'])).toEqual(['conduct-onsite', 'two-weeks-passed']);
    // and the confirmed complaint is a problem of its own in the list; an unfounded one adds nothing
    await p.h.engine.publishMessage({ name: 'complaint-received', correlationKey: 'I-2', timeToLive: 0, variables: { complaint: { channel: '来信', complainant: null, content: '另一来信' } } });
    await p.job('yc-record', { action: 'complaint-received' }, { complaintId: 'C-2' });
    await p.deadline({ result: 'complaintDue' }, '2026-03-11T23:59:59+08:00');
    await p.task('verify-complaint', { complaintFinding: 'unfounded', complaintNotes: '经核查反映情况不属实' });
    await p.awaitActive(pi, ['conduct-onsite', 'two-weeks-passed']);
    // once verified, only the problems found true reach the root scope
    expect(Object.keys(p.h.variables(pi)).filter((k) => k.startsWith('complaint')).sort()).toEqual(['complaintFinding', 'complaintProblems']);
    expect(p.h.variables(pi).complaintProblems).toEqual([{ category: 'C5', severity: '较大', industry: '工贸', description: '某企业夜间违规动火作业未办理审批',
      enterpriseName: '', legalBasis: null, evidenceRefs: [] }]);
  });

  it('lists a major accident hazard found on site at once, as a case of its own, while the work goes on', async () => {
    // given
    const pi = await start();
    await p.awaitTask('conduct-onsite');
    // when the team reports a 重大事故隐患 with the measures it took on the spot
    await p.h.engine.publishMessage({ name: 'major-hazard-found', correlationKey: 'I-2', timeToLive: 0, variables: { hazardFinding: {
      industry: '工贸', enterpriseName: '枣庄榴韵饮品有限公司', description: '液氨储罐区未设置泄漏报警装置', immediateMeasures: '责令氨制冷车间停产，撤离无关人员' } } });
    // then it is registered as a problem of the inspection right away
    const registered = await p.job('yc-record', { action: 'problems-registered' }, { problemIds: ['Q-31'] });
    expect(registered.variables).toMatchObject({ inspectionId: 'I-2', problems: [{ category: 'C5', severity: '重大', industry: '工贸', enterpriseName: '枣庄榴韵饮品有限公司',
      description: '液氨储罐区未设置泄漏报警装置（现场已采取措施：责令氨制冷车间停产，撤离无关人员）' }] });
    // and its case starts without waiting for the report and the feedback, with the measures taken
    const opened = await p.job('yc-publish', { message: 'problem-case-requested' });
    expect(opened.variables).toMatchObject({ correlationKey: 'Q-31', payload: { inspectionId: 'I-2', unitCode: '370404001', problemId: 'Q-31',
      problem: { id: 'Q-31', severity: '重大', immediateMeasures: '责令氨制冷车间停产，撤离无关人员' } } });
    expect(await p.awaitActive(pi, ['conduct-onsite', 'two-weeks-passed'])).toEqual(['conduct-onsite', 'two-weeks-passed']);
    // and the team's own problem list is untouched
    expect(p.h.variables(pi).problems).toBeUndefined();
  });

  it('extends to a key enterprise at any time on site, also after the work was recorded (延伸巡查)', async () => {
    // given the team has recorded its work and waits for the two weeks
    const pi = await start();
    await p.task('conduct-onsite', { ...onsiteForm, extendToEnterprises: 'no', talkNeeded: 'no' });
    await p.awaitActive(pi, ['two-weeks-passed']);
    // when it decides to extend to an enterprise
    await p.h.engine.publishMessage({ name: 'extended-inspection-started', correlationKey: 'I-2', timeToLive: 0,
      variables: { extension: { enterpriseName: '枣庄榴韵饮品有限公司', reason: '群众反映夜间违规作业' } } });
    const task = await p.awaitTask('record-extended-inspection');
    expect(task.value).toMatchObject({ candidateGroupsList: ['team-leader', 'team'], dueDate: '2026-03-27T18:00:00+08:00' });
    const found = { category: 'C5', severity: '一般', industry: '工贸', description: '有限空间作业未审批', enterpriseName: '枣庄榴韵饮品有限公司', legalBasis: '', evidenceRefs: [] };
    await p.task('record-extended-inspection', { enterpriseCodes: ['YC-E-01'], extendedProblems: [found] });
    // then its findings are kept for the problem list, and the on-site work goes on
    expect(await p.awaitActive(pi, ['two-weeks-passed'])).toEqual(['two-weeks-passed']);
    expect(p.h.variables(pi).extensionProblems).toEqual([found]);
  });

  it('handles obstruction by a key talk or a report to the committee (四（三）)', async () => {
    // given
    const pi = await start();
    await p.awaitTask('conduct-onsite');
    // when an obstruction is reported twice
    await p.h.engine.publishMessage({ name: 'obstruction-reported', correlationKey: 'I-2', timeToLive: 0 });
    await p.job('yc-record', { action: 'obstruction-reported' });
    await p.deadline({ rule: 'working-days', amount: '2', result: 'obstructionDue' }, '2026-03-04T23:59:59+08:00');
    await p.task('assess-obstruction', { obstructionType: 'refusal', obstructionFacts: '拒不提供事故调查档案材料', obstructionAction: 'talk' });
    // then the first leads to a talk with the unit's head
    const talk = await p.child(pi, 'key-talk');
    const scheduled = await p.job('yc-talk', { action: 'schedule' });
    expect(scheduled.processInstanceKey).toBe(talk);
    expect(scheduled.variables).toMatchObject({ talk: { subjectUnitCode: '370404001', reason: '拒不提供事故调查档案材料' } });
    await p.h.engine.publishMessage({ name: 'obstruction-reported', correlationKey: 'I-2', timeToLive: 0 });
    await p.job('yc-record', { action: 'obstruction-reported' });
    await p.deadline({ result: 'obstructionDue' }, '2026-03-04T23:59:59+08:00');
    await p.task('assess-obstruction', { obstructionType: 'concealment', obstructionFacts: '隐瞒一起轻伤事故未报告', obstructionAction: 'report' });
    // and the second reaches the office and the committee
    await p.job('yc-notify', { template: 'escalation', to: 'office,committee' });
    expect(p.active(pi)).toEqual(expect.arrayContaining(['conduct-onsite', 'two-weeks-passed']));
  });
});

describe('unit-inspection', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start(
      'unit-inspection', 'inspection-entry', 'onsite-work', 'inspection-report', 'collective-feedback', 'problem-disposal', 'problem-handover',
      'listed-supervision', 'hazard-acceptance', 'escalation-ladder', 'key-talk', 'rectification', 'inspection-results', 'problem-case',
      'rectification-case',
    );
    await p.h.deploy(['problem-classification.dmn', readFileSync(join(root, 'processes', 'problem-classification.dmn'), 'utf8')]);
  });
  afterEach(() => p.close());

  /** Publishes what a yc-publish job sends, as the worker does: its header names the message, its key and payload. */
  const publishAsWorker = async (job: ActivatedJob): Promise<void> => {
    const { correlationKey, payload } = job.variables as { correlationKey: string; payload?: JsonObject };
    await p.h.engine.publishMessage({ name: job.customHeaders.message, correlationKey, variables: payload ?? {}, timeToLive: 60_000,
      messageId: `${job.customHeaders.message}:${correlationKey}` });
  };

  it('runs one inspection from entry to the use of its results, its problem and rectification as cases of their own', async () => {
    // given the round starts the inspection of 坛山街道
    const pi = await p.create('unit-inspection', {
      year: 2026, roundNo: 1, unitCode: '370404001', team: { id: 'T-1', name: '第一巡查组' }, roundStart: '2026-03-02', roundEnd: '2026-03-20', entryDue: '2026-03-02T18:00:00+08:00',
    });
    await p.job('yc-record', { action: 'inspection-opened' }, { inspectionId: 'I-2', inspectionNo: 'XC-2026-02', unitName: '坛山街道', teamName: '第一巡查组', teamId: 'T-1' });
    // each team task is offered to this team only: its leader, and its members where they work too
    const leader = ['team-leader:T-1'];
    const wholeTeam = ['team-leader:T-1', 'team:T-1'];
    const groups = new Map<string, string[]>();
    // entry (三（三）2)
    await p.job('yc-document', { docType: 'inspection-notice' });
    await p.job('yc-notify', { template: 'entry-notice' });
    // the entry meeting form shows the unit and the team that the record created
    const entry = await p.child(pi, 'inspection-entry');
    await p.awaitTask('hold-entry-meeting');
    expect(p.h.variables(entry)).toMatchObject({ unitName: '坛山街道', teamName: '第一巡查组', inspectionId: 'I-2' });
    groups.set('hold-entry-meeting', (await p.task('hold-entry-meeting', {
      entryMeetingAt: '2026-03-02T09:00:00+08:00', onsiteStart: '2026-03-02', unitHeadName: '王某', complaintPhone: '0632-7712345',
      complaintEmail: 'xuncha@example.cn', complaintAddress: '峄城区坛山路1号', taskBriefing: '通报本次巡查的任务和安排……',
    })).value.candidateGroupsList as string[]);
    await p.job('yc-record', { action: 'onsite-started' });
    // on site for two weeks (二（一）), with a complaint found true (三（二）3)
    await p.awaitTask('conduct-onsite');
    await p.h.engine.publishMessage({ name: 'complaint-received', correlationKey: 'I-2', timeToLive: 0, variables: { complaint: { channel: '来电', content: '社区燃气管道占压' } } });
    await p.job('yc-record', { action: 'complaint-received' }, { complaintId: 'C-7' });
    await p.deadline({ result: 'complaintDue' }, '2026-03-11T23:59:59+08:00');
    const complaintProblem = { category: 'C5', severity: '一般', industry: '燃气', description: '社区燃气管道被违章建筑占压', enterpriseName: null, legalBasis: null, evidenceRefs: [] };
    groups.set('verify-complaint', (await p.task('verify-complaint', { complaintFinding: 'confirmed', complaintNotes: '现场核实属实，纳入问题清单', problemCategory: 'C5', problemSeverity: '一般',
      problemIndustry: '燃气', problemDescription: complaintProblem.description, problemEnterpriseName: null })).value.candidateGroupsList as string[]);
    groups.set('conduct-onsite', (await p.task('conduct-onsite', { ...onsiteForm, extendToEnterprises: 'no', talkNeeded: 'no' })).value.candidateGroupsList as string[]);
    p.moveClockTo('2026-03-17T00:00:00+08:00');
    const close = await p.awaitTask('close-onsite');
    expect(close.value.dueDate).toBe('2026-03-20T18:00:00+08:00');
    groups.set('close-onsite', close.value.candidateGroupsList as string[]);
    await p.task('close-onsite', { onsiteEnd: '2026-03-17', onsiteSummary: '现场工作按方案完成' });
    await p.job('yc-record', { action: 'onsite-finished' });
    // the report starts from the team's problems and the complaint found true
    expect(p.h.variables(await p.child(pi, 'inspection-report')).problems).toEqual([problem, complaintProblem]);
    // report within 15 days and 审定 (三（三）3-4)
    await p.deadline({ from: 'onsiteEnd', result: 'reportDue' }, '2026-04-01T23:59:59+08:00', '2026-03-27T23:59:59+08:00');
    expect(await p.taskVariables('draft-report')).toMatchObject({ returnOpinion: '' });
    groups.set('draft-report', (await p.task('draft-report', { reportSummary: '基本情况……', reportCauses: '原因……', reportSuggestions: '建议……', problems: [problem] })).value.candidateGroupsList as string[]);
    await p.job('yc-record', { action: 'report-submitted' });
    await p.deadline({ result: 'reportApprovalDue' }, '2026-04-03T23:59:59+08:00');
    await p.task('approve-report', { reportDecision: 'approve', reportOpinion: '同意' });
    await p.job('yc-record', { action: 'report-approved' });
    const registered = await p.job('yc-record', { action: 'problems-registered' }, { problemIds: ['Q-21'] });
    expect(registered.variables).toMatchObject({ problems: [problem] });
    // feedback to the unit head (三（三）4)
    await p.job('yc-document', { docType: 'feedback-opinion' });
    await p.deadline({ result: 'feedbackDue' }, '2026-04-10T23:59:59+08:00');
    groups.set('hold-feedback-meeting', (await p.task('hold-feedback-meeting', { feedbackDate: '2026-04-08', feedbackPlace: '坛山街道会议室', attendeeCount: 20, headAttended: true, receiptSigned: true })).value.candidateGroupsList as string[]);
    expect(Object.fromEntries(groups)).toEqual({
      'hold-entry-meeting': leader, 'verify-complaint': wholeTeam, 'conduct-onsite': wholeTeam, 'close-onsite': leader,
      'draft-report': leader, 'hold-feedback-meeting': leader,
    });
    await p.job('yc-record', { action: 'feedback-given' });
    await p.job('yc-notify', { template: 'feedback' });
    await p.job('yc-announce', { kind: 'feedback' });
    // the rectification and each problem become cases of their own (三（三）4-5, 四（二）)
    const rectificationCase = await p.job('yc-publish', { message: 'rectification-case-requested' });
    expect(rectificationCase.variables).toMatchObject({ correlationKey: 'I-2',
      payload: { inspectionId: 'I-2', unitCode: '370404001', unitName: '坛山街道', inspectionNo: 'XC-2026-02', feedbackDate: '2026-04-08' } });
    const problemCase = await p.job('yc-publish', { message: 'problem-case-requested' });
    expect(problemCase.variables).toMatchObject({ correlationKey: 'Q-21',
      payload: { inspectionId: 'I-2', unitCode: '370404001', unitName: '坛山街道', problemId: 'Q-21', problem: { ...problem, id: 'Q-21' } } });
    // results into the assessment with what is known now, copies to the three offices (三（三）6)
    await p.job('yc-assessment', { action: 'score' }, { score: 88, assessmentYear: 2026, assessmentCutoffAt: '2027-01-01T00:00:00+08:00' });
    await p.job('yc-document', { docType: 'results-bulletin' });
    await p.job('yc-assessment', { action: 'copy' });
    await p.job('yc-notify', { template: 'results-copy', to: 'copy-offices,committee' });
    await p.job('yc-publish', { message: 'assessment-year-entered' });
    // then the inspection ends without waiting for the problem's closure
    await p.completed(pi);
    expect(p.passed(pi, 'inspection-closed')).toBe(true);
    expect(p.passed(pi, 'open-problem-cases')).toBe(true);
    // and the cases the worker starts run on their own: the problem is classified while the unit rectifies
    for (const sent of [rectificationCase, problemCase]) await publishAsWorker(sent);
    await p.job('yc-record', { action: 'problem-case-opened' });
    await p.deadlines({
      disposalConfirmDue: ['2026-04-13T23:59:59+08:00'],
      rectificationDue: ['2026-06-08T23:59:59+08:00', '2026-06-01T23:59:59+08:00'],
    });
    await p.awaitTask('confirm-disposal');
    expect(await p.taskVariables('confirm-disposal')).toMatchObject({ suggestedRoute: 'rectify', problemText: problem.description, unitName: '坛山街道' });
    await p.task('confirm-disposal', { route: 'rectify' });
    const rectifying = await p.job('yc-record', { action: 'problem-rectifying' }, { problemRectified: false });
    await p.job('yc-document', { docType: 'rectification-notice' });
    await p.h.engine.publishMessage({ name: 'rectification-submitted', correlationKey: 'I-2', timeToLive: 60_000 });
    await p.job('yc-record', { action: 'rectification-reported' });
    await p.deadline({ result: 'rectificationReviewDue' }, '2026-06-12T23:59:59+08:00');
    await p.task('review-rectification', { reviewDecision: 'accept', reviewOpinion: '整改到位' });
    await p.job('yc-record', { action: 'rectification-reviewed' });
    await p.job('yc-announce', { kind: 'rectification' });
    // and the accepted rectification closes the problem the unit rectified, which is then cleared (销号)
    await p.job('yc-record', { action: 'rectified-problems' }, { rectifiedProblemIds: ['Q-21'] });
    const rectified = await p.job('yc-publish', { message: 'problem-rectified' });
    const rescored = await p.job('yc-assessment', { action: 'score' }, { score: 90 });
    // the inspection is filed once its rectification is reviewed (归档销案)
    await p.job('yc-record', { action: 'inspection-closed' });
    await p.completed(rescored.processInstanceKey);
    await publishAsWorker(rectified);
    const cleared = await p.job('yc-record', { action: 'problem-cleared' });
    await p.job('yc-assessment', { action: 'score' }, { score: 90 });
    await p.completed(rectifying.processInstanceKey);
    await p.completed(cleared.processInstanceKey);
    expect(p.passed(cleared.processInstanceKey, 'problem-cleared')).toBe(true);
    expect(cleared.variables).toMatchObject({ problemId: 'Q-21', inspectionId: 'I-2' });
  });
});
