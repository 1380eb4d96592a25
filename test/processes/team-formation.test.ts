// Path tests of processes/team-formation.bpmn on the embedded engine (二（一）、二（三）、四（一）).
import { ProcessHarness } from './support/process-harness';

const teams = [
  { name: '第一巡查组', leaderId: 'P001', deputyId: 'P002', memberIds: ['P003', 'P004', 'P005', 'P006'], expertIds: [], unitCodes: ['370404001'] },
];

describe('team-formation', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('team-formation');
  });
  afterEach(() => p.close());

  const propose = async (): Promise<void> => {
    await p.deadline({ rule: 'working-days', amount: '5', result: 'teamProposalDue' }, '2026-03-09T23:59:59+08:00');
    const task = await p.task('propose-teams', { teams, recusalStatement: '无需回避' });
    expect(task.value).toMatchObject({ candidateGroupsList: ['office'], dueDate: '2026-03-09T23:59:59+08:00' });
  };

  it('forms the teams: proposal, check, approval, record and notice to members and home units', async () => {
    // given
    const pi = await p.create('team-formation', { year: 2026, planId: 'PLAN-2026' });
    // when
    await propose();
    await p.job('yc-team-check', {}, { teamValid: true, teamProblems: [] });
    await p.deadline({ result: 'teamApprovalDue' }, '2026-03-16T23:59:59+08:00');
    const approval = await p.awaitTask('approve-teams');
    expect(await p.taskVariables('approve-teams')).toMatchObject({ teamSummary: '第一巡查组（6人，名单见上）' });
    expect(approval.value).toMatchObject({ candidateGroupsList: ['committee'] });
    await p.task('approve-teams', { teamDecision: 'approve', teamOpinion: '同意' });
    await p.job('yc-record', { action: 'teams-approved' }, { teamIds: { 第一巡查组: 'T1' } });
    const notice = await p.job('yc-notify', { template: 'team-notice', to: 'team-members,member-home-units' }, { notified: 8 });
    // then
    await p.completed(pi);
    expect(p.passed(pi, 'teams-formed')).toBe(true);
    // each team carries the id its approval recorded, which the rounds hand to their unit inspections
    expect(notice.variables.teams).toEqual([{ ...teams[0], id: 'T1' }]);
  });

  it('sends an invalid proposal back to the office with the problems found', async () => {
    // given
    const pi = await p.create('team-formation', { year: 2026, planId: 'PLAN-2026' });
    await propose();
    // when the automatic check finds problems
    await p.job('yc-team-check', {}, { teamValid: false, teamProblems: ['第一巡查组只有6人以下', '缺少副组长'] });
    // then the proposal task is open again with the deadline of the first proposal, and shows them
    expect(await p.keptDeadline({ result: 'teamProposalDue' })).toBe('2026-03-09T23:59:59+08:00');
    expect((await p.awaitTask('propose-teams')).value).toMatchObject({ dueDate: '2026-03-09T23:59:59+08:00' });
    expect(await p.awaitActive(pi, ['propose-teams'])).toEqual(['propose-teams']);
    expect(await p.taskVariables('propose-teams')).toMatchObject({ teamProblemsText: '第一巡查组只有6人以下；缺少副组长', returnOpinion: '' });
  });

  it('returns the proposal with the committee opinion', async () => {
    // given
    const pi = await p.create('team-formation', { year: 2026, planId: 'PLAN-2026' });
    await propose();
    await p.job('yc-team-check', {}, { teamValid: true, teamProblems: [] });
    await p.deadline({ result: 'teamApprovalDue' }, '2026-03-16T23:59:59+08:00');
    // when
    await p.task('approve-teams', { teamDecision: 'return', teamOpinion: '组长人选需调整' });
    // then the office adjusts the proposal by the first deadline, seeing the opinion
    expect(await p.keptDeadline({ result: 'teamProposalDue' })).toBe('2026-03-09T23:59:59+08:00');
    expect(await p.awaitActive(pi, ['propose-teams'])).toEqual(['propose-teams']);
    expect((await p.awaitTask('propose-teams')).value).toMatchObject({ dueDate: '2026-03-09T23:59:59+08:00' });
    expect(await p.taskVariables('propose-teams')).toMatchObject({ returnOpinion: '组长人选需调整', teamProblemsText: '' });
  });
});
