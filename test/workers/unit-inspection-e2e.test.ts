import { eventually, startWorkerEngine, type WorkerEngine } from '../support/worker-engine';
import { deployAll, driver, type Driver } from '../support/process-driver';
import { messagePublisher } from '../../workers/runtime/messages';

/**
 * The spine, unit-inspection, with every called diagram and the workers: one inspection of 古邵镇 from its opening to
 * the closing, staff doing their tasks over REST and the clock moved across the two on-site weeks; each document,
 * record and call is there exactly once at the end.
 */
describe('real unit-inspection diagram with the workers', () => {
  let env: WorkerEngine;
  let d: Driver;

  beforeAll(async () => {
    env = await startWorkerEngine('grpc-stream', { now: '2026-10-09T01:00:00Z' });
    await deployAll(env);
    d = driver(env, '2026-10-09T01:00:00Z');
  }, 60_000);
  afterAll(async () => { await env.close(); }, 30_000);

  const count = async (table: 'documents' | 'problems' | 'rectifications' | 'reviews' | 'announcements' | 'methods_used') =>
    Number((await env.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('runs one inspection from the opening to the closing', async () => {
    // given the inspection of 古邵镇 in a round that ends on 30 October
    const pi = (await env.zbc.createProcessInstance({ bpmnProcessId: 'unit-inspection', variables: {
      unitCode: '370404100', teamName: '第1巡查组', entryDue: '2026-10-12T09:00:00+08:00', roundEnd: '2026-10-30' } })).processInstanceKey;
    // when the team enters and works on site
    await d.complete('hold-entry-meeting', { entryMeetingAt: '2026-10-12T09:00:00+08:00', onsiteStart: '2026-10-12T09:00:00+08:00', unitHeadName: '李明',
      complaintPhone: '0632-7711111', complaintEmail: 'xuncha1@yc.gov.cn', complaintAddress: '古邵镇政府二楼', taskBriefing: '通报巡查任务' });
    await d.complete('conduct-onsite', { methods: ['documents', 'covert'], interviewCount: 8, documentCount: 25, enterpriseCount: 2, videoArchived: true,
      problems: [{ category: 'C5', severity: '一般', industry: '工贸', description: '粉尘涉爆企业除尘系统未定期清理', enterpriseName: '枣庄古邵新型建材有限公司', legalBasis: '', evidenceRefs: [] }],
      extendToEnterprises: 'no', talkNeeded: 'no' });
    await d.activeAt('two-weeks-passed');
    d.pin('2026-10-26T16:00:00Z');
    await d.complete('close-onsite', { onsiteEnd: '2026-10-27T17:00:00+08:00', onsiteSummary: '现场巡查结束' });
    // and reports, gives the feedback, and the problem and the rectification are dealt with
    await d.complete('draft-report', { reportSummary: '古邵镇粉尘涉爆企业管理薄弱', reportCauses: '监管不到位', reportSuggestions: '开展专项整治' });
    await d.complete('approve-report', { reportDecision: 'approve', reportOpinion: '同意' });
    await d.complete('hold-feedback-meeting', { feedbackDate: '2026-11-10T10:00:00+08:00', feedbackPlace: '古邵镇政府', attendeeCount: 20, headAttended: true, receiptSigned: true });
    // then the inspection ends after the feedback, the handover of its problem and the use of its results
    await d.state(pi, 'COMPLETED');
    const inspectionId = await d.variable<string>(pi, 'inspectionId');
    const [problemRow] = await env.store.db.selectFrom('problems').selectAll().where('inspection_id', '=', inspectionId).execute();
    // while the problem, a case of its own, is being disposed of (处置中), not yet cleared
    expect(await eventually(async () => {
      const row = await env.store.db.selectFrom('problems').select('status').where('id', '=', problemRow.id).executeTakeFirstOrThrow();
      return row.status === 'disposing' ? row : undefined;
    })).toBeDefined();
    // and the inspection stays open for the unit's rectification report
    expect((await env.store.db.selectFrom('inspections').select('closed_at').where('id', '=', inspectionId).executeTakeFirstOrThrow()).closed_at).toBeNull();
    // and the problem and the rectification are dealt with in their own cases
    const confirm = await d.complete('confirm-disposal', { route: 'rectify', departmentCode: 'YC-M-03', overrideReason: '由镇督促企业整改' });
    await d.activeAt('await-problem-rectified');
    expect((await env.store.db.selectFrom('problems').select('status').where('id', '=', problemRow.id).executeTakeFirstOrThrow()).status).toBe('rectifying');
    await d.activeAt('await-rectification-report');
    await env.zbc.publishMessage({ name: 'rectification-submitted', correlationKey: inspectionId, timeToLive: 10_000,
      variables: { rectificationReport: { report: '除尘系统已清理并建立台账', investigation: '' } } as never });
    await d.complete('review-rectification', { reviewDecision: 'accept', reviewOpinion: '整改到位' });
    // the accepted rectification clears the problem (销号)
    expect(await eventually(async () => {
      const row = await env.store.db.selectFrom('problems').select('status').where('id', '=', problemRow.id).executeTakeFirstOrThrow();
      return row.status === 'cleared' ? row : undefined;
    })).toBeDefined();
    await eventually(async () => (await d.countAt('problem-cleared')) === 1 && (await d.countAt('rectification-case-closed')) === 1);

    // then the inspection is filed (closed) with its dates once its rectification was reviewed
    const inspection = await env.store.db.selectFrom('inspections').selectAll().where('id', '=', inspectionId).executeTakeFirstOrThrow();
    expect(inspection).toMatchObject({ unit_code: '370404100', status: 'closed', onsite_start: '2026-10-12T09:00:00+08:00',
      onsite_end: '2026-10-27T17:00:00+08:00', feedback_at: '2026-11-10T10:00:00+08:00' });
    expect(confirm).toMatchObject({ problemText: '粉尘涉爆企业除尘系统未定期清理', unitName: '古邵镇' });
    // and every document, record and call happened once; the methods ticked on the form reached the register
    const docs = await env.store.db.selectFrom('documents').select('doc_type').orderBy('doc_type').execute();
    expect(docs.map((x) => x.doc_type)).toEqual(['feedback-opinion', 'inspection-notice', 'inspection-report', 'rectification-notice', 'results-bulletin']);
    expect(await count('problems')).toBe(1);
    expect(await count('rectifications')).toBe(1);
    expect(await count('reviews')).toBe(1);
    expect((await env.store.db.selectFrom('announcements').select('kind').orderBy('kind').execute()).map((a) => a.kind)).toEqual(['feedback', 'rectification']);
    expect((await env.store.db.selectFrom('methods_used').select('method').orderBy('method').execute()).map((m) => m.method)).toEqual([3, 5]);
    expect(await env.store.db.selectFrom('assessments').select('score').where('inspection_id', '=', inspectionId).execute()).toHaveLength(1);
    for (const element of ['enter-unit', 'do-onsite-work', 'write-report', 'give-feedback', 'open-rectification-case', 'rectify', 'use-results']) expect(await d.countAt(element)).toBe(1);
    expect(env.runtime.stats).toMatchObject({ error: 0, fail: 0 });
  }, 40_000);

  it.each(['grpc', 'rest'] as const)('publishes a case start once over %s: the same message again counts as published', async (transport) => {
    const publisher = messagePublisher(env.c8, transport);
    const message = { name: 'no-such-case', correlationKey: `K-${transport}`, messageId: `no-such-case:K-${transport}`, timeToLiveMs: 60_000, variables: {} };
    await publisher.publish(message);
    await expect(publisher.publish(message)).resolves.toBeUndefined();
    await expect(publisher.publish({ ...message, name: '' })).rejects.toThrow();
  }, 30_000);
});
