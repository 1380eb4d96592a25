// Path tests of processes/special-inspection.bpmn (一（二）): a 不定期 or 专项 inspection the office starts, the
// committee approves or returns, with its own teams and rounds run like the annual plan's.
import { ProcessHarness } from './support/process-harness';

const arrangement = {
  inspectionKind: 'special', year: 2026, cycleStart: '2025-11-12', planTitle: '2026年城镇燃气安全专项巡查', planTheme: '城镇燃气安全专项整治落实情况',
  units: ['370404001'], rounds: [{ no: 1, start: '2026-04-07', end: '2026-04-20', units: ['370404001'] }],
};
const teams = [{ name: '专项巡查组', leaderId: 'P001', deputyId: 'P002', memberIds: ['P003', 'P004', 'P005', 'P006'], expertIds: [], unitCodes: ['370404001'] }];

describe('special-inspection', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('special-inspection', 'team-formation', 'inspection-round', 'unit-inspection');
  });
  afterEach(() => p.close());

  const arrange = async (decision: Record<string, unknown>): Promise<string> => {
    const pi = await p.create('special-inspection', { startedBy: 'anweiban' });
    await p.deadline({ rule: 'working-days', amount: '5', result: 'specialDraftDue' }, '2026-03-09T23:59:59+08:00');
    expect((await p.awaitTask('draft-special-inspection')).value).toMatchObject({ candidateGroupsList: ['office'], dueDate: '2026-03-09T23:59:59+08:00' });
    await p.task('draft-special-inspection', { plan: arrangement });
    await p.deadline({ result: 'specialApprovalDue' }, '2026-03-12T23:59:59+08:00');
    expect(await p.taskVariables('approve-special-inspection')).toMatchObject({ planTitle: arrangement.planTitle, planYear: '2026' });
    await p.task('approve-special-inspection', decision);
    return pi;
  };

  it('runs an approved special inspection with its own team, training before the entry day', async () => {
    // given the office's arrangement, approved by the committee
    const pi = await arrange({ planDecision: 'approve', approvalOpinion: '同意' });
    const recorded = await p.job('yc-record', { action: 'plan-approved' }, { planId: 'SP-1' });
    expect(recorded.variables).toMatchObject({ plan: { inspectionKind: 'special', planTheme: arrangement.planTheme } });
    // when its team is formed and approved
    await p.child(pi, 'team-formation');
    await p.deadline({ result: 'teamProposalDue' }, '2026-03-19T23:59:59+08:00');
    await p.task('propose-teams', { teams, recusalStatement: '无' });
    await p.job('yc-team-check', {}, { teamValid: true, teamProblems: [] });
    await p.deadline({ result: 'teamApprovalDue' }, '2026-03-24T23:59:59+08:00');
    await p.task('approve-teams', { teamDecision: 'approve', teamOpinion: '同意' });
    await p.job('yc-record', { action: 'teams-approved' });
    await p.job('yc-notify', { template: 'team-notice' });
    // then its round trains the team and waits for the entry day
    const round = await p.child(pi, 'inspection-round');
    expect(p.h.variables(round)).toMatchObject({ planId: 'SP-1', roundNo: 1, roundStart: '2026-04-07', teams });
    await p.job('yc-notify', { template: 'training-notice' });
    await p.task('hold-training', { trainingAt: '2026-04-03T09:00:00+08:00', trainingPlace: '区应急管理局会议室', attendeeCount: 6, trainingContent: '燃气专项巡查要点' });
    await p.job('yc-record', { action: 'round-started' });
    expect(await p.awaitActive(round, ['entry-day-reached'])).toEqual(['entry-day-reached']);
  });

  it('returns the arrangement to the office with the committee opinion', async () => {
    const pi = await arrange({ planDecision: 'return', approvalOpinion: '补充检查对象' });
    await p.job('yc-notify', { template: 'plan-returned', to: 'office' });
    // the office revises the arrangement by the deadline of the first draft
    expect(await p.keptDeadline({ result: 'specialDraftDue' })).toBe('2026-03-09T23:59:59+08:00');
    await p.awaitActive(pi, ['draft-special-inspection']);
    expect((await p.awaitTask('draft-special-inspection')).value).toMatchObject({ dueDate: '2026-03-09T23:59:59+08:00' });
    expect(await p.taskVariables('draft-special-inspection')).toMatchObject({ returnOpinion: '补充检查对象' });
  });

  it('stops with an incident, not an approval, when the decision is missing', async () => {
    const pi = await arrange({ approvalOpinion: '' });
    await p.h.awaitRecord({ valueType: 'INCIDENT', intent: 'CREATED' });
    expect(p.h.incidents(pi).map((i) => i.value.elementId)).toEqual(['special-approved']);
  });
});
