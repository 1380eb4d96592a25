// Path tests of the phases of a unit inspection: processes/inspection-entry.bpmn (三（三）2, 二（一）),
// processes/collective-feedback.bpmn (三（三）4, 三（三）6) and processes/inspection-results.bpmn (三（三）6).
import { ProcessHarness } from './support/process-harness';

const inspection = { inspectionId: 'I-3', unitCode: '370404002', unitName: '吴林街道', inspectionNo: 'XC-2026-03' };

describe('inspection phases', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('inspection-entry', 'collective-feedback', 'inspection-results');
  });
  afterEach(() => p.close());

  it('enters the unit: notice, entry meeting with the complaint channel, and the 14-day minimum from the start', async () => {
    // given
    const pi = await p.create('inspection-entry', { ...inspection, teamName: '第二巡查组', entryDue: '2026-03-09T18:00:00+08:00' });
    await p.job('yc-document', { docType: 'inspection-notice' }, { inspectionNoticeDocumentNo: '峄安办字〔2026〕3号' });
    await p.job('yc-notify', { template: 'entry-notice', to: 'unit,unit-head,team-members' });
    // when the team leader records the entry meeting
    const meeting = await p.awaitTask('hold-entry-meeting');
    expect(meeting.value).toMatchObject({ candidateGroupsList: ['team-leader'], dueDate: '2026-03-09T18:00:00+08:00' });
    await p.task('hold-entry-meeting', {
      entryMeetingAt: '2026-03-09T09:00:00+08:00', onsiteStart: '2026-03-09', unitHeadName: '王某', complaintPhone: '0632-7712345',
      complaintEmail: 'xuncha@example.cn', complaintAddress: '峄城区坛山路1号', taskBriefing: '通报本次巡查的任务、内容和方式……',
    });
    // then the two weeks count 14 days with the entry day, as the plan check does: on site until 22 March
    const started = await p.job('yc-record', { action: 'onsite-started' });
    expect(started.variables).toMatchObject({ onsiteStart: '2026-03-09', onsiteMinEnd: '2026-03-22T00:00:00+08:00' });
    await p.completed(pi);
  });

  it('gives the feedback to the unit head and announces it', async () => {
    // given
    const pi = await p.create('collective-feedback', { ...inspection, unitHeadName: '王某' });
    await p.job('yc-document', { docType: 'feedback-opinion' });
    await p.deadline({ rule: 'working-days', amount: '10', result: 'feedbackDue' }, '2026-05-15T23:59:59+08:00');
    // when
    const meeting = await p.awaitTask('hold-feedback-meeting');
    expect(meeting.value).toMatchObject({ candidateGroupsList: ['team-leader'], dueDate: '2026-05-15T23:59:59+08:00' });
    await p.task('hold-feedback-meeting', {
      feedbackDate: '2026-05-12', feedbackPlace: '吴林街道办事处会议室', attendeeCount: 25, headAttended: true, receiptSigned: true,
    });
    // then
    await p.job('yc-record', { action: 'feedback-given' });
    await p.job('yc-notify', { template: 'feedback', to: 'unit-head,unit' });
    await p.job('yc-announce', { kind: 'feedback' });
    await p.completed(pi);
    expect(p.passed(pi, 'feedback-given')).toBe(true);
  });

  it('scores the results with what is known, copies them to the three offices and the committee, enters the year\'s cut-off and leaves the filing to the rectification case', async () => {
    const pi = await p.create('inspection-results', inspection);
    await p.job('yc-assessment', { action: 'score' },
      { assessmentId: 'A-1', score: 86, assessmentYear: 2026, assessmentCutoffAt: '2026-12-21T00:00:00+08:00' });
    await p.job('yc-document', { docType: 'results-bulletin' });
    await p.job('yc-assessment', { action: 'copy' });
    await p.job('yc-notify', { template: 'results-copy', to: 'copy-offices,committee' });
    // the year's assessment freezes at its cut-off: the year's instance of assessment-cutoff is started by message
    const entered = await p.job('yc-publish', { message: 'assessment-year-entered' });
    expect(entered.variables).toMatchObject({
      correlationKey: '2026', payload: { assessmentYear: 2026, assessmentCutoffAt: '2026-12-21T00:00:00+08:00' },
    });
    await p.completed(pi);
    expect(p.h.find({ valueType: 'JOB', intent: 'CREATED' }).filter((r) => r.value.type === 'yc-record')).toHaveLength(0);
  });
});

describe('assessment cut-off', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('assessment-cutoff');
  });
  afterEach(() => p.close());

  const enter = (inspectionNo: string) => p.h.engine.publishMessage({
    name: 'assessment-year-entered', correlationKey: '2026', timeToLive: 0, messageId: `assessment-year-entered:2026:${inspectionNo}`,
    variables: { assessmentYear: 2026, assessmentCutoffAt: '2026-12-21T00:00:00+08:00' },
  });
  const instancesOfYear = () => p.h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED' })
    .filter((r) => r.value.bpmnElementType === 'PROCESS' && r.value.bpmnProcessId === 'assessment-cutoff');

  it('runs once per year and freezes the year\'s assessment when the cut-off day has ended, not before', async () => {
    // given the first and a second result of 2026
    await enter('XC-2026-01');
    const [started] = await new Promise<ReturnType<typeof instancesOfYear>>((resolve) => {
      const poll = () => (instancesOfYear().length ? resolve(instancesOfYear()) : setTimeout(poll, 20));
      poll();
    });
    const pi = started.value.processInstanceKey as string;
    await p.awaitActive(pi, ['cutoff-reached']);
    await enter('XC-2026-02');
    // then one instance waits for the year
    expect(instancesOfYear()).toHaveLength(1);
    // when the clock reaches the last minute of the cut-off day nothing is frozen yet
    p.moveClockTo('2026-12-20T23:59:00+08:00');
    await p.awaitActive(pi, ['cutoff-reached']);
    expect(p.h.find({ valueType: 'JOB', intent: 'CREATED' })).toHaveLength(0);
    // when the day has ended
    p.moveClockTo('2026-12-21T00:00:00+08:00');
    // then the year's assessment is frozen with what is known
    const freeze = await p.job('yc-assessment', { action: 'freeze' }, { frozen: 2 });
    expect(freeze.variables).toMatchObject({ assessmentYear: 2026 });
    await p.completed(pi);
  });
});
