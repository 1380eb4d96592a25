import record from '../../workers/record';
import { completed, job } from '../support/workers';
import { eventually, startWorkerEngine, type WorkerEngine } from '../support/worker-engine';
import { deployAll, driver, type Driver } from '../support/process-driver';

/**
 * The real inspection-report diagram with the workers: the 15-day deadline from the end of the on-site work, the
 * reminder before it and the overdue report after it, the committee returning the report with a new, shorter deadline
 * for the revision (no second reminder or overdue report for the deadline already passed), and approving the revision.
 */
describe('real inspection-report diagram with the workers', () => {
  let env: WorkerEngine;
  let d: Driver;

  beforeAll(async () => {
    env = await startWorkerEngine('grpc-stream', { now: '2026-11-13T09:00:00Z' });
    await deployAll(env);
    d = driver(env, '2026-11-13T09:00:00Z');
  }, 60_000);
  afterAll(async () => { await env.close(); }, 30_000);

  const notified = async (template: string) => (await env.store.db.selectFrom('notifications').select(['account_id', 'subject'])
    .where('template', '=', template).execute());
  const problem = { category: 'C5', severity: '较大', industry: '危险化学品', description: '重大危险源未落实包保责任制', legalBasis: '《危险化学品安全管理条例》',
    enterpriseName: '', evidenceRefs: [] };

  it('reminds, reports the overdue report once, and approves the revised report', async () => {
    // given an inspection of 阴平镇 whose on-site work ended on 13 November with one problem found
    const inspectionId = completed(await env.h.run(record, job('yc-record', { unitCode: '370404101' }, { action: 'inspection-opened' }))).inspectionId;
    const vars = { inspectionId, unitCode: '370404101', unitName: '阴平镇', inspectionNo: 'XC-2026-003', onsiteEnd: '2026-11-13T17:00:00+08:00', problems: [problem] };
    // when
    const pi = (await env.zbc.createProcessInstance({ bpmnProcessId: 'inspection-report', variables: vars })).processInstanceKey;
    await d.activeAt('draft-report', pi);
    // then 15 days run to Saturday 28 November, moved to Monday; the reminder three working days before (computed
    // as the report task opened)
    expect(await d.localVariable(pi, 'draft-report', 'reportDue')).toBe('2026-11-30T23:59:59+08:00');
    expect(await d.localVariable(pi, 'draft-report', 'reportDueReminder')).toBe('2026-11-25T09:00:00+08:00');

    // when the reminder day and then the deadline pass without a report
    d.pin('2026-11-25T01:00:01Z');
    const reminders = await eventually(async () => { const n = await notified('report-reminder'); return n.length > 0 ? n : undefined; });
    d.pin('2026-12-01T01:00:00Z');
    const overdue = await eventually(async () => { const n = await notified('report-overdue'); return n.length > 0 ? n : undefined; });
    // then the team leaders are reminded and the office, committee and leaders told of the delay, each person once
    expect(reminders[0].subject).toContain('阴平镇');
    expect(new Set(reminders.map((n) => n.account_id)).size).toBe(reminders.length);
    expect(new Set(overdue.map((n) => n.account_id)).size).toBe(overdue.length);
    await d.activeAt('draft-report', pi);

    // when the leader submits, the committee returns it, and the revision is approved
    const draft = { reportSummary: '阴平镇危化品企业包保责任落实不到位', reportCauses: '属地监管力量不足', reportSuggestions: '配齐专职监管人员' };
    const first = await d.complete('draft-report', { ...draft, problems: [problem] });
    const review = await d.complete('approve-report', { reportDecision: 'return', reportOpinion: '问题原因分析不够深入' });
    await d.activeAt('draft-report', pi);
    const revision = await d.complete('draft-report', { ...draft, reportCauses: '属地监管力量不足，企业主体责任意识淡薄',
      problems: [problem, { ...problem, severity: '一般', description: '应急演练记录不全', legalBasis: '' }] });
    const approval = await d.complete('approve-report', { reportDecision: 'approve', reportOpinion: '同意' });
    await d.state(pi, 'COMPLETED');

    // then the forms showed the deadline, the problem count and the committee's reason for the return
    expect(first).toMatchObject({ reportDue: '2026-11-30T23:59:59+08:00', inspectionNo: 'XC-2026-003' });
    expect(review).toMatchObject({ problemCount: '1', reportSummary: draft.reportSummary });
    expect(revision).toMatchObject({ returnOpinion: '问题原因分析不够深入', reportDue: '2026-12-08T23:59:59+08:00' });
    expect(approval).toMatchObject({ problemCount: '2' });
    expect((await d.variable<unknown[]>(pi, 'problems'))).toHaveLength(2);
    // and the inspection records the submission and approval at the time they happened
    expect(await env.store.db.selectFrom('inspections').select(['status', 'report_submitted_at', 'report_approved_at']).where('id', '=', inspectionId).executeTakeFirst())
      .toEqual({ status: 'report-approved', report_submitted_at: '2026-12-01T01:00:00.000Z', report_approved_at: '2026-12-01T01:00:00.000Z' });
    expect((await notified('report-returned')).length).toBeGreaterThan(0);
    // and the reminder and the overdue report were not sent again when the returned report went back to the leader
    expect(await notified('report-reminder')).toHaveLength(reminders.length);
    expect(await notified('report-overdue')).toHaveLength(overdue.length);
    expect(env.runtime.stats).toMatchObject({ error: 0, fail: 0 });
  }, 40_000);
});
