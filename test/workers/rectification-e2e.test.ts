import { findAccountByLogin } from '../../src/db/accounts';
import record from '../../workers/record';
import { completed, job } from '../support/workers';
import { eventually, startWorkerEngine, type WorkerEngine } from '../support/worker-engine';
import { deployAll, driver, type Driver } from '../support/process-driver';

/**
 * The real rectification diagram with the workers: the two-month deadline from the feedback, the notice with its
 * 文号, the reminder before the deadline, the escalation ladder once it is overdue (催办, then 督办函), a returned report and the
 * accepted one, the review recorded and the rectification announced.
 */
describe('real rectification diagram with the workers', () => {
  let env: WorkerEngine;
  let d: Driver;
  const feedbackDate = '2026-12-01T10:00:00+08:00';

  beforeAll(async () => {
    env = await startWorkerEngine('grpc-stream', { now: '2026-12-01T03:00:00Z' });
    await deployAll(env);
    d = driver(env, '2026-12-01T03:00:00Z');
  }, 60_000);
  afterAll(async () => { await env.close(); }, 30_000);

  const notified = async (template: string) => (await env.store.db.selectFrom('notifications').select(['account_id', 'subject'])
    .where('template', '=', template).orderBy('account_id').execute());

  it('reminds, escalates twice when overdue, returns the first report and accepts the second', async () => {
    // given an inspection of 底阁镇 that had its collective feedback on 1 December
    const inspectionId = completed(await env.h.run(record, job('yc-record', { unitCode: '370404102' }, { action: 'inspection-opened' }))).inspectionId;
    const vars = { inspectionId, unitCode: '370404102', unitName: '底阁镇', inspectionNo: 'XC-2026-002', feedbackDate };
    // when the rectification starts
    const pi = (await env.zbc.createProcessInstance({ bpmnProcessId: 'rectification', variables: vars })).processInstanceKey;
    await d.activeAt('await-rectification-report', pi);
    // then the deadline is two months after the feedback, the reminder five working days before it
    expect(await d.variable(pi, 'rectificationDue')).toBe('2027-02-01T23:59:59+08:00');
    expect(await d.variable(pi, 'rectificationDueReminder')).toBe('2027-01-25T09:00:00+08:00');
    const [notice] = await env.store.db.selectFrom('documents').selectAll().where('doc_type', '=', 'rectification-notice').execute();
    expect(notice.doc_no).toBe('峄安委办〔2026〕1号');
    expect(await notified('rectification-reminder')).toEqual([]);

    // when the reminder day comes
    d.pin('2027-01-25T01:00:01Z');
    const reminders = await eventually(async () => { const n = await notified('rectification-reminder'); return n.length > 0 ? n : undefined; });
    // then the unit's account (unit and unit head are the same people) is reminded once, and the report is still awaited
    const head = (await findAccountByLogin(env.store.db, 'danwei-370404102'))!;
    expect(reminders).toEqual([{ account_id: head.id, subject: '【提醒】底阁镇整改期限临近' }]);
    await d.activeAt('await-rectification-report', pi);

    // when the deadline passes without a report
    d.pin('2027-02-02T01:00:00Z');
    const chases = await eventually(async () => { const n = await notified('escalation'); return n.length > 0 ? n : undefined; });
    // the report stays receivable while the ladder runs; the chase then waits for its new deadline
    await d.activeAt('await-rectification-report', pi);
    await d.activeAt('chase-deadline-passed', pi);
    // then the ladder's first step (催办) ran once and a new deadline of ten working days runs from today (2027 has no
    // holiday arrangement yet: weekends only)
    expect(chases.length).toBeGreaterThan(0);
    expect(await d.variable(pi, 'escalationLevel')).toBe(1);
    expect(await d.variable(pi, 'rectificationDue')).toBe('2027-02-16T23:59:59+08:00');
    expect(await d.countAt('escalate-overdue')).toBe(1);

    // when the new deadline passes too
    d.pin('2027-02-17T01:00:00Z');
    const letter = await eventually(async () => (await env.store.db.selectFrom('documents').select(['doc_no', 'title'])
      .where('doc_type', '=', 'supervision-letter').execute())[0]);
    await eventually(async () => (await d.variable(pi, 'escalationLevel')) === 2);
    await d.activeAt('chase-deadline-passed', pi);
    // then the second step issues the supervision letter (督办函) under the committee's 文号 of the new year
    expect(letter.doc_no).toBe('峄安委〔2027〕1号');
    expect(await d.variable(pi, 'rectificationDue')).toBe('2027-03-03T23:59:59+08:00');
    expect(await d.countAt('escalate-overdue')).toBe(2);

    // when the unit reports, the committee returns it, the unit reports again and the committee accepts
    const report = (text: string) => env.zbc.publishMessage({ name: 'rectification-submitted', correlationKey: inspectionId, timeToLive: 10_000,
      variables: { rectificationReport: { report: text, investigation: '已立案查处2起' } } as never });
    await report('已完成部分整改');
    await d.complete('review-rectification', { reviewDecision: 'return', reviewOpinion: '整改不彻底，补充整改', rejectedItems: '第2项' });
    await d.activeAt('await-rectification-report', pi);
    await report('已全部整改到位');
    const seen = await d.complete('review-rectification', { reviewDecision: 'accept', reviewOpinion: '同意' });
    await d.state(pi, 'COMPLETED');

    // then
    expect(seen).toMatchObject({ inspectionNo: 'XC-2026-002', unitName: '底阁镇' });
    expect((await notified('rectification-returned')).length).toBeGreaterThan(0);
    const reports = await env.store.db.selectFrom('rectifications').select(['id', 'report']).where('inspection_id', '=', inspectionId).orderBy('submitted_at').execute();
    expect(reports.map((r) => r.report)).toEqual(['已完成部分整改\n查处情况：已立案查处2起', '已全部整改到位\n查处情况：已立案查处2起']);
    const reviews = await env.store.db.selectFrom('reviews').select(['rectification_id', 'accepted', 'opinion']).orderBy('reviewed_at').execute();
    expect(reviews).toEqual([
      { rectification_id: reports[0].id, accepted: 0, opinion: '整改不彻底，补充整改' },
      { rectification_id: reports[1].id, accepted: 1, opinion: '同意' }]);
    expect(await d.variable(pi, 'rectificationAccepted')).toBe(true);
    const inspection = await env.store.db.selectFrom('inspections').select('status').where('id', '=', inspectionId).executeTakeFirstOrThrow();
    expect(inspection.status).toBe('rectified');
    expect((await env.store.db.selectFrom('announcements').select('kind').execute()).map((a) => a.kind)).toEqual(['rectification']);
    // the months played cross a quarter's end, whose compliance report (compliance-report.bpmn) is no part of this case
    const docs = await env.store.db.selectFrom('documents').select('doc_type').where('doc_type', '!=', 'compliance-report').orderBy('doc_type').execute();
    expect(docs.map((x) => x.doc_type)).toEqual(['rectification-notice', 'supervision-letter']);
    expect(env.runtime.stats).toMatchObject({ error: 0, fail: 0 });
  }, 40_000);
});
