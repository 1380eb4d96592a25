import { findAccountByLogin } from '../../src/db/accounts';
import record from '../../workers/record';
import { completed, job } from '../support/workers';
import { startWorkerEngine, type WorkerEngine } from '../support/worker-engine';
import { deployAll, driver, type Driver } from '../support/process-driver';

/**
 * The real inspection-entry and onsite-work diagrams with the workers: the inspection notice with its 文号 and the
 * entry notices, the entry meeting from its form, the two-week minimum counted from the start of the on-site work,
 * a complaint received and verified on the way, findings with an extension to enterprises, and the closing that only
 * opens once the two weeks have passed.
 */
describe('real inspection-entry and onsite-work diagrams with the workers', () => {
  let env: WorkerEngine;
  let d: Driver;

  beforeAll(async () => {
    env = await startWorkerEngine('grpc-stream', { now: '2026-10-10T01:00:00Z' });
    await deployAll(env);
    d = driver(env, '2026-10-10T01:00:00Z');
  }, 60_000);
  afterAll(async () => { await env.close(); }, 30_000);

  const problem = (description: string, enterpriseName = '') => ({ category: 'C5', severity: '一般', industry: '道路运输', description,
    enterpriseName, legalBasis: '', evidenceRefs: [] });

  it('enters with notice and meeting, works two weeks with a complaint and an extension, then closes', async () => {
    // given an opened inspection of 峨山镇
    const opened = completed(await env.h.run(record, job('yc-record', { unitCode: '370404104' }, { action: 'inspection-opened' })));
    const base = { inspectionId: opened.inspectionId, unitCode: '370404104', unitName: '峨山镇', inspectionNo: opened.inspectionNo };
    // when the team enters: the leader records the entry meeting
    const entry = (await env.zbc.createProcessInstance({ bpmnProcessId: 'inspection-entry', variables: {
      ...base, teamName: '第2巡查组', entryDue: '2026-10-12T09:00:00+08:00' } })).processInstanceKey;
    const meeting = await d.complete('hold-entry-meeting', { entryMeetingAt: '2026-10-12T09:00:00+08:00', onsiteStart: '2026-10-12T09:00:00+08:00',
      unitHeadName: '王建国', complaintPhone: '0632-7712345', complaintEmail: 'xuncha2@yc.gov.cn', complaintAddress: '峨山镇政府三楼', taskBriefing: '通报巡查任务和安排' });
    await d.state(entry, 'COMPLETED');
    // then the notice was issued once with the committee's 文号, the unit told, and the two weeks (14 days with the entry day) are over on 25 October
    expect(meeting).toMatchObject({ unitName: '峨山镇', teamName: '第2巡查组', inspectionNo: opened.inspectionNo });
    const notices = await env.store.db.selectFrom('documents').select(['doc_no', 'subject']).where('doc_type', '=', 'inspection-notice').execute();
    expect(notices).toEqual([{ doc_no: '峄安委〔2026〕1号', subject: `inspection:${opened.inspectionId}` }]);
    const head = (await findAccountByLogin(env.store.db, 'danwei-370404104'))!;
    const entryNotices = await env.store.db.selectFrom('notifications').select('account_id').where('template', '=', 'entry-notice').execute();
    expect(entryNotices.filter((n) => n.account_id === head.id)).toHaveLength(1);
    expect(await d.variable(entry, 'onsiteMinEnd')).toBe('2026-10-25T00:00:00+08:00');
    expect(await env.store.db.selectFrom('inspections').select(['status', 'onsite_start']).where('id', '=', opened.inspectionId).executeTakeFirst())
      .toEqual({ status: 'onsite', onsite_start: '2026-10-12T09:00:00+08:00' });

    // when the on-site work runs: a complaint by telephone, the findings, an extension to an enterprise
    d.pin('2026-10-13T01:00:00Z');
    const onsite = (await env.zbc.createProcessInstance({ bpmnProcessId: 'onsite-work', variables: {
      ...base, onsiteMinEnd: '2026-10-26T23:59:59+08:00', onsiteCloseDue: '2026-10-30T18:00:00+08:00' } })).processInstanceKey;
    await d.activeAt('conduct-onsite', onsite);
    await env.zbc.publishMessage({ name: 'complaint-received', correlationKey: opened.inspectionId, timeToLive: 10_000,
      variables: { complaint: { channel: '电话', complainant: '匿名', content: '物流园区叉车无证驾驶' } } as never });
    const verify = await d.complete('verify-complaint', { complaintFinding: 'confirmed', complaintNotes: '现场核实属实', problemCategory: 'C5', problemSeverity: '较大',
      problemIndustry: '道路运输', problemDescription: '物流园区叉车司机无证驾驶', problemEnterpriseName: '峄城峨山物流有限公司' });
    await d.complete('conduct-onsite', { methods: ['report', 'meeting', 'interview'], interviewCount: 12, documentCount: 40, enterpriseCount: 3,
      videoArchived: true, problems: [problem('镇安委会未定期研究道路运输安全')], extendToEnterprises: 'yes', talkNeeded: 'no' });
    await d.complete('extended-inspection', { extendedProblems: [problem('叉车司机无证上岗', '峄城峨山物流有限公司')] });
    await d.activeAt('two-weeks-passed', onsite);
    // then the closing is not offered before the two weeks have passed
    const open = await d.rest.searchUserTasks({ filter: { elementId: 'close-onsite' } } as never, { consistency: { waitUpToMs: 0 } });
    expect(open.items).toEqual([]);
    expect(verify).toMatchObject({ complaintDue: '2026-10-22T23:59:59+08:00' });

    // when the two weeks pass and the leader closes the on-site work
    d.pin('2026-10-26T16:00:00Z');
    const close = await d.complete('close-onsite', { onsiteEnd: '2026-10-27T17:00:00+08:00', onsiteSummary: '现场巡查结束' });
    await d.state(onsite, 'COMPLETED');
    // then
    expect(close).toMatchObject({ onsiteMinEnd: '2026-10-26T23:59:59+08:00' });
    const problems = await d.variable<{ description: string }[]>(onsite, 'problems');
    expect(problems.map((p) => p.description)).toEqual(['镇安委会未定期研究道路运输安全', '叉车司机无证上岗']);
    expect(await d.variable(onsite, 'methods')).toEqual(['report', 'meeting', 'interview']);
    expect((await d.variable<{ description: string }[]>(onsite, 'complaintProblems')).map((p) => p.description)).toEqual(['物流园区叉车司机无证驾驶']);
    const methods = await env.store.db.selectFrom('methods_used').select('note').where('inspection_id', '=', opened.inspectionId).execute();
    expect(methods.map((m) => m.note)).toEqual(['来信来电（电话）：物流园区叉车无证驾驶']);
    expect(await d.countAt('two-weeks-passed')).toBe(1);
    expect(env.runtime.stats).toMatchObject({ error: 0, fail: 0 });
  }, 40_000);
});
