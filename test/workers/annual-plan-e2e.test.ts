import { findAccountByLogin } from '../../src/db/accounts';
import { inbox } from '../../src/db/notifications';
import { deployAll } from '../support/process-driver';
import { eventually, startWorkerEngine, type WorkerEngine } from '../support/worker-engine';


/**
 * The real annual-plan and team-formation diagrams with the workers: a plan that fails the automatic check comes
 * back with the reasons, the corrected plan is approved and recorded, the teams are checked, approved, recorded and
 * notified, and every unit of the plan gets its advance notice.
 */
describe('real annual-plan diagram with the workers', () => {
  let env: WorkerEngine;

  beforeAll(async () => {
    env = await startWorkerEngine('grpc-stream', { now: new Date().toISOString() });
    await deployAll(env);
  }, 60_000);
  afterAll(async () => { await env.close(); }, 30_000);

  async function complete(elementId: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
    const rest = env.c8.getOrchestrationClusterApiClientLoose();
    const now = { consistency: { waitUpToMs: 0 } };
    const task = await eventually(async () => (await rest.searchUserTasks({ filter: { elementId, state: 'CREATED' } } as never, now)).items[0]);
    const vars = await rest.searchUserTaskVariables({ userTaskKey: task.userTaskKey } as never, now);
    await rest.completeUserTask({ userTaskKey: task.userTaskKey, variables } as never);
    return Object.fromEntries((vars.items as { name: string; value: string }[]).map((i) => [i.name, JSON.parse(i.value)]));
  }

  it('returns a short plan with the reason, then records the approved plan and teams and notifies everyone', async () => {
    // given
    const units = ['370404103', '370404104'];
    const round = (end: string) => ({ no: 1, start: '2027-03-01T09:00:00+08:00', end, units });
    const plan = (end: string) => ({ year: 2027, cycleStart: '2026-11-12T00:00:00+08:00', planTitle: '2027年度安全生产巡查工作方案', planTheme: '重大事故隐患排查整治', units, rounds: [round(end)] });
    const teams = [1, 2].map((n) => ({
      name: `第${n}巡查组`, leaderId: `p-leader-${n}`, deputyId: `p-deputy-${n}`,
      memberIds: [`p-member-${n * 4 - 3}`, `p-member-${n * 4 - 2}`, `p-member-${n * 4 - 1}`], expertIds: [`p-expert-${n}`], unitCodes: [units[n - 1]],
    }));
    // when
    await env.zbc.createProcessInstance({ bpmnProcessId: 'annual-plan', variables: { year: 2027, startedBy: 'anweiban' } });
    await complete('draft-plan', { plan: plan('2027-03-10T18:00:00+08:00') });
    const redraft = await complete('draft-plan', { plan: plan('2027-03-19T18:00:00+08:00') });
    await complete('approve-plan', { planDecision: 'approve', approvalOpinion: '同意' });
    await complete('propose-teams', { teams, recusalStatement: '均不巡查本人所在单位' });
    await complete('approve-teams', { teamDecision: 'approve', teamOpinion: '同意' });
    // then
    expect(redraft.planProblemsText).toBe('第1轮现场巡查时间为10天，原则上不少于14天（两周）。');
    const head = (await findAccountByLogin(env.store.db, 'danwei-370404104'))!;
    const notices = await eventually(async () => { const m = await inbox(env.store.db, head.id); return m.length > 0 ? m : undefined; });
    expect(notices.map((m) => m.subject)).toContain('【提前告知】峨山镇将接受区安全生产巡查');
    const [recorded] = await env.store.db.selectFrom('plans').selectAll().execute();
    expect(recorded).toMatchObject({ year: 2027, status: 'approved' });
    expect((await env.store.db.selectFrom('teams').select('name').orderBy('name').execute()).map((t) => t.name)).toEqual(['第1巡查组', '第2巡查组']);
    const member = (await findAccountByLogin(env.store.db, 'zuyuan-member-1'))!;
    expect((await inbox(env.store.db, member.id)).map((m) => m.template)).toContain('team-notice');
    expect(env.runtime.stats.fail).toBe(0);
  }, 60_000);
});
