import { documentRegister } from '../../src/db/documents';
import { auditTrail } from '../../src/db/audit';
import { assessmentOf } from '../../src/db/registers/publications';
import { getTalk } from '../../src/db/registers/supervision';
import record from '../../workers/record';
import { completed, job } from '../support/workers';
import { deployAll } from '../support/process-driver';
import { eventually, startWorkerEngine, type WorkerEngine } from '../support/worker-engine';


/**
 * The real diagrams around one inspection of 底阁镇: the escalation ladder for its overdue rectification (problemId null,
 * as the rectification diagram calls it), a key talk, the collective feedback and the use of the results.
 */
describe('real escalation, talk, feedback and results diagrams with the workers', () => {
  let env: WorkerEngine;
  let inspectionId: string;

  beforeAll(async () => {
    env = await startWorkerEngine('grpc-stream', { now: new Date().toISOString() });
    await deployAll(env);
    inspectionId = completed(await env.h.run(record, job('yc-record', { unitCode: '370404102' }, { action: 'inspection-opened' }))).inspectionId;
  }, 60_000);
  afterAll(async () => { await env.close(); }, 30_000);

  const climb = async (escalationLevel: number) => {
    const rest = env.c8.getOrchestrationClusterApiClientLoose();
    const pi = await env.zbc.createProcessInstance({ bpmnProcessId: 'escalation-ladder', variables: {
      inspectionId, unitCode: '370404102', unitName: '底阁镇', problemId: null, escalationLevel } as never });
    return { pi, done: () => eventually(async () => (await rest.getProcessInstance({ processInstanceKey: pi.processInstanceKey }, { consistency: { waitUpToMs: 0 } })).state === 'COMPLETED') };
  };

  it('chases, issues the supervision letter, criticises with a deduction, and refers for accountability', async () => {
    // when
    await (await climb(0)).done();
    await (await climb(1)).done();
    await (await climb(3)).done();
    const refer = await climb(4);
    const rest = env.c8.getOrchestrationClusterApiClientLoose();
    const task = await eventually(async () => (await rest.searchUserTasks({ filter: { elementId: 'decide-escalation', state: 'CREATED' } } as never, { consistency: { waitUpToMs: 0 } })).items[0]);
    await rest.completeUserTask({ userTaskKey: task.userTaskKey, variables: { escalationDecision: 'refer', escalationOpinion: '移送问责' } } as never);
    // the referral is followed to its result, which the office records
    const result = await eventually(async () => (await rest.searchUserTasks({ filter: { elementId: 'record-referral-result', state: 'CREATED' } } as never, { consistency: { waitUpToMs: 0 } })).items[0]);
    await rest.completeUserTask({ userTaskKey: result.userTaskKey, variables: { referralOutcome: 'accountable', referralResult: '区纪委监委对分管负责人诫勉谈话' } } as never);
    await refer.done();
    // then
    const steps = (await auditTrail(env.store.db, { entity: 'inspections', entityId: inspectionId })).map((e) => e.action).filter((a) => a.startsWith('escalate:'));
    expect(steps).toEqual(['escalate:催办', 'escalate:督办函', 'escalate:通报', 'escalate:挂牌']);
    const outcomes = (await auditTrail(env.store.db, { entity: 'inspections', entityId: inspectionId })).filter((e) => /^(escalation-decision|referral-outcome):/.test(e.action));
    expect(outcomes.map((e) => e.action)).toEqual(['escalation-decision:refer', 'referral-outcome:accountable']);
    expect((await documentRegister(env.store.db, { docType: 'supervision-letter' }))).toHaveLength(1);
    const [referral] = await documentRegister(env.store.db, { docType: 'handover-letter' });
    expect(referral.title).toBe('关于移送安全生产巡查问题线索的函');
    expect((await assessmentOf(env.store.db, inspectionId))?.score).toBe(94); // three escalation steps so far at the time of 通报: −6
    expect(env.runtime.stats.fail).toBe(0);
  }, 60_000);

  it('runs a key talk: notice with 文号, minutes from the form, follow-up report and review', async () => {
    // given
    const rest = env.c8.getOrchestrationClusterApiClientLoose();
    const now = { consistency: { waitUpToMs: 0 } };
    const complete = async (elementId: string, variables: Record<string, unknown>) => {
      const task = await eventually(async () => (await rest.searchUserTasks({ filter: { elementId, state: 'CREATED' } } as never, now)).items[0]);
      await rest.completeUserTask({ userTaskKey: task.userTaskKey, variables } as never);
    };
    // when
    const pi = await env.zbc.createProcessInstance({ bpmnProcessId: 'key-talk', variables: {
      inspectionId, unitCode: '370404102', unitName: '底阁镇',
      talk: { subjectUnitCode: '370404102', reason: '有限空间作业隐患突出', at: '2027-01-11T09:00:00+08:00', attendees: ['镇长'] } } as never });
    await complete('hold-talk', { talkHeldAt: '2027-01-11T09:00:00+08:00', intervieweeName: '谢志远', problemsRaised: '有限空间作业审批缺失',
      rectificationOpinion: '一个月内完成整改', commitments: '立即停产整顿', followUpDate: '2027-02-10T00:00:00+08:00' });
    await complete('report-talk-follow-up', { followUpReport: '已完成整改' });
    await complete('review-talk-follow-up', { followUpDecision: 'accept', followUpOpinion: '同意' });
    await eventually(async () => (await rest.getProcessInstance({ processInstanceKey: pi.processInstanceKey }, now)).state === 'COMPLETED');
    // then
    const [notice] = await documentRegister(env.store.db, { docType: 'talk-notice' });
    expect(notice.doc_no).toMatch(/^峄安委〔\d{4}〕\d+号$/);
    const talkId = notice.subject.replace('talk:', '');
    expect(await getTalk(env.store.db, talkId)).toMatchObject({ follow_up_due: '2027-02-10T23:59:59+08:00',
      minutes: '指出问题：有限空间作业审批缺失\n整改意见：一个月内完成整改\n表态承诺：立即停产整顿', held_at: '2027-01-11T09:00:00+08:00', interviewee: '谢志远' });
    expect(env.runtime.stats.fail).toBe(0);
  }, 60_000);

  it('gives the collective feedback and uses the results: opinion, notice, announcement, score, bulletin, copies', async () => {
    // given
    const rest = env.c8.getOrchestrationClusterApiClientLoose();
    const now = { consistency: { waitUpToMs: 0 } };
    const run = async (bpmnProcessId: string, variables: Record<string, unknown>, task?: [string, Record<string, unknown>]) => {
      const pi = await env.zbc.createProcessInstance({ bpmnProcessId, variables: variables as never });
      if (task) {
        const t = await eventually(async () => (await rest.searchUserTasks({ filter: { elementId: task[0], state: 'CREATED' } } as never, now)).items[0]);
        await rest.completeUserTask({ userTaskKey: t.userTaskKey, variables: task[1] } as never);
      }
      await eventually(async () => (await rest.getProcessInstance({ processInstanceKey: pi.processInstanceKey }, now)).state === 'COMPLETED');
    };
    const vars = { inspectionId, unitCode: '370404102', unitName: '底阁镇', inspectionNo: 'XC-2026-001' };
    // when
    await run('collective-feedback', vars, ['hold-feedback-meeting', { feedbackDate: '2026-12-01T10:00:00+08:00', feedbackPlace: '底阁镇政府', headAttended: true, receiptSigned: true }]);
    await run('inspection-results', vars);
    // then the inspection stays open for its rectification (filed when the rectification case ends)
    expect(await env.store.db.selectFrom('inspections').select(['status', 'feedback_at', 'closed_at']).where('id', '=', inspectionId).executeTakeFirst())
      .toEqual({ status: 'rectifying', feedback_at: '2026-12-01T10:00:00+08:00', closed_at: null });
    expect(await env.store.db.selectFrom('assessments').select('inspection_id').where('inspection_id', '=', inspectionId).execute()).toHaveLength(1);
    expect((await documentRegister(env.store.db, { docType: 'feedback-opinion' }))).toHaveLength(1);
    expect((await documentRegister(env.store.db, { docType: 'results-bulletin' }))).toHaveLength(1);
    // the three offices (组织部, 政法委 for 综治办, 文明办) and the committee, each in its own account
    const copies = await env.store.db.selectFrom('notifications').innerJoin('accounts', 'accounts.id', 'notifications.account_id')
      .select('accounts.login').where('template', '=', 'results-copy').execute();
    expect(copies.map((m) => m.login).sort()).toEqual(['anweihui', 'wenmingban', 'zhengfawei', 'zuzhibu']);
    expect((await env.store.db.selectFrom('announcements').select('kind').execute()).map((a) => a.kind)).toEqual(['feedback']);
    expect(env.runtime.stats.fail).toBe(0);
  }, 60_000);
});
