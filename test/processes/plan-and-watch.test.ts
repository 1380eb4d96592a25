// Path tests of processes/annual-plan.bpmn with team-formation and inspection-round (三（三）1, 二（三）),
// processes/follow-up-sampling.bpmn (四（二）二) and processes/city-inspection-liaison.bpmn (二（一）).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './load-diagrams';
import { ProcessHarness } from './support/process-harness';

const plan = {
  year: 2026, cycleStart: '2026-01-01', planTitle: '2026年度安全生产巡查工作方案', planTheme: '聚焦有限空间和涉氨制冷专项整治落实情况',
  units: ['370404001', '370404002'],
  rounds: [
    { no: 1, start: '2026-04-07', end: '2026-04-24', units: ['370404001'] },
    { no: 2, start: '2026-09-07', end: '2026-09-25', units: ['370404002'] },
  ],
};
const teams = [{ name: '第一巡查组', leaderId: 'P001', deputyId: 'P002', memberIds: ['P003', 'P004', 'P005', 'P006'], expertIds: [], unitCodes: ['370404001', '370404002'] }];

describe('annual-plan', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('annual-plan', 'team-formation', 'inspection-round');
  });
  afterEach(() => p.close());

  /** The committee approves the proposed teams in team-formation; the teams are recorded and notified. */
  const approveTeams = async (proposed: typeof teams): Promise<void> => {
    const check = await p.job('yc-team-check', {}, { teamValid: true, teamProblems: [] });
    expect(check.variables).toMatchObject({ teams: proposed });
    await p.deadline({ result: 'teamApprovalDue' }, '2026-04-03T23:59:59+08:00');
    await p.task('approve-teams', { teamDecision: 'approve', teamOpinion: '同意' });
    await p.job('yc-record', { action: 'teams-approved' });
    await p.job('yc-notify', { template: 'team-notice' });
  };

  const draft = async (): Promise<void> => {
    await p.awaitTask('draft-plan');
    await p.task('draft-plan', { plan });
  };
  /** A new annual plan, drafted and checked, waiting for the committee's approval. */
  const atCommitteeApproval = async () => {
    const pi = await p.create('annual-plan', {});
    await p.deadline({ result: 'planDraftDue' }, '2026-03-16T23:59:59+08:00');
    await draft();
    await p.job('yc-plan-check', {}, { planValid: true, planProblems: [] });
    await p.deadline({ result: 'planApprovalDue' }, '2026-03-23T23:59:59+08:00');
    return pi;
  };

  it('returns an invalid plan to the office, then approves, forms the teams, notifies the units and runs round 1', async () => {
    // given
    const pi = await p.create('annual-plan', {});
    await p.deadline({ rule: 'working-days', amount: '10', result: 'planDraftDue', once: 'true' }, '2026-03-16T23:59:59+08:00');
    expect((await p.awaitTask('draft-plan')).value).toMatchObject({ dueDate: '2026-03-16T23:59:59+08:00' });
    await draft();
    // when the automatic check finds a problem, the office sees it in its next draft, due by the first deadline
    await p.job('yc-plan-check', {}, { planValid: false, planProblems: ['第二轮巡查不足两周'] });
    expect(await p.keptDeadline({ result: 'planDraftDue' })).toBe('2026-03-16T23:59:59+08:00');
    await p.awaitActive(pi, ['draft-plan']);
    expect((await p.awaitTask('draft-plan')).value).toMatchObject({ dueDate: '2026-03-16T23:59:59+08:00' });
    expect(await p.taskVariables('draft-plan')).toMatchObject({ planProblemsText: '第二轮巡查不足两周' });
    await draft();
    await p.job('yc-plan-check', {}, { planValid: true, planProblems: [] });
    await p.deadline({ result: 'planApprovalDue' }, '2026-03-23T23:59:59+08:00');
    expect(await p.taskVariables('approve-plan')).toMatchObject({ planTitle: plan.planTitle, planYear: '2026' });
    await p.task('approve-plan', { planDecision: 'approve', approvalOpinion: '同意' });
    await p.job('yc-record', { action: 'plan-approved' }, { planId: 'PLAN-2026' });
    // then the teams are formed in the called process
    const formation = await p.child(pi, 'team-formation');
    await p.deadline({ result: 'teamProposalDue' }, '2026-03-30T23:59:59+08:00');
    await p.task('propose-teams', { teams, recusalStatement: '无' });
    await p.job('yc-team-check', {}, { teamValid: true, teamProblems: [] });
    await p.deadline({ result: 'teamApprovalDue' }, '2026-04-03T23:59:59+08:00');
    await p.task('approve-teams', { teamDecision: 'approve', teamOpinion: '同意' });
    await p.job('yc-record', { action: 'teams-approved' });
    await p.job('yc-notify', { template: 'team-notice' });
    await p.completed(formation);
    // and every inspected unit is told in advance
    const notice = await p.job('yc-notify', { template: 'advance-notice', to: 'unit,unit-head' });
    expect(notice.variables).toMatchObject({ unitCodes: plan.units, year: 2026 });
    // and each round waits for its own dates: nothing before the week ahead of round 1's entry
    await p.awaitActive(pi, ['round-preparation-due', 'round-preparation-due', 'run-rounds', 'run-rounds', 'run-rounds']);
    p.moveClockTo('2026-03-31T09:00:01+08:00');
    const confirm = await p.awaitTask('confirm-team');
    expect(confirm.value).toMatchObject({ dueDate: '2026-04-07T09:00:00+08:00' });
    expect(await p.taskVariables('confirm-team')).toMatchObject({ roundNo: 1, roundStart: '2026-04-07', roundEnd: '2026-04-24' });
    // when round 1's team is adjusted through a new approval
    await p.task('confirm-team', { teamAdjustment: 'adjust', adjustmentReason: '组员P004调离安全生产岗位' });
    const [, adjusting] = await p.children(pi, 'team-formation', 2);
    expect(adjusting).not.toBe(formation);
    const adjusted = [{ ...teams[0], memberIds: ['P003', 'P007', 'P005', 'P006'] }];
    await p.deadline({ result: 'teamProposalDue' }, '2026-04-02T23:59:59+08:00');
    await p.task('propose-teams', { teams: adjusted, recusalStatement: '无' });
    // the stability rule checks the adjustment against the approved teams, and the committee sees what changed
    const check = await p.job('yc-team-check', {}, { teamValid: true, teamProblems: [], teamChanges: ['巡查组“第一巡查组”：新增P007，减少P004'] });
    expect(check.variables).toMatchObject({ teams: adjusted, approvedTeams: teams, adjustmentReason: '组员P004调离安全生产岗位' });
    await p.deadline({ result: 'teamApprovalDue' }, '2026-04-03T23:59:59+08:00');
    expect(await p.taskVariables('approve-teams')).toMatchObject({ adjustmentReasonText: '组员P004调离安全生产岗位', teamChangesText: '巡查组“第一巡查组”：新增P007，减少P004' });
    await p.task('approve-teams', { teamDecision: 'approve', teamOpinion: '同意调整' });
    await p.job('yc-record', { action: 'teams-approved' });
    await p.job('yc-notify', { template: 'team-notice' });
    // then round 1 runs with the adjusted team, its training before entry
    const round1 = await p.child(pi, 'inspection-round');
    expect(p.h.variables(round1)).toMatchObject({ roundNo: 1, roundStart: '2026-04-07', trainingDue: '2026-04-07T09:00:00+08:00', teams: adjusted });
    await p.job('yc-notify', { template: 'training-notice', to: 'team-members' });
    await p.awaitTask('hold-training');
    // and round 2 opens on its own dates while round 1 is still running, keeping the adjusted team (相对固定)
    expect(p.openTasksOf('confirm-team')).toBe(0);
    p.moveClockTo('2026-08-31T09:00:01+08:00');
    await p.task('confirm-team', { teamAdjustment: 'none' });
    const rounds = await p.children(pi, 'inspection-round', 2);
    expect(p.h.variables(rounds[1])).toMatchObject({ roundNo: 2, roundStart: '2026-09-07', teams: adjusted });
    expect(p.active(rounds[0])).toEqual(['hold-training']);
  });

  it('starts rounds whose dates overlap at the same time, each after its own training', async () => {
    // given an approved plan whose two rounds enter on the same day
    const overlapping = { ...plan, rounds: [{ ...plan.rounds[0] }, { ...plan.rounds[1], start: '2026-04-07', end: '2026-04-24' }] };
    const pi = await p.create('annual-plan', {});
    await p.deadline({ result: 'planDraftDue' }, '2026-03-16T23:59:59+08:00');
    await p.awaitTask('draft-plan');
    await p.task('draft-plan', { plan: overlapping });
    await p.job('yc-plan-check', {}, { planValid: true, planProblems: [] });
    await p.deadline({ result: 'planApprovalDue' }, '2026-03-23T23:59:59+08:00');
    await p.task('approve-plan', { planDecision: 'approve', approvalOpinion: '同意' });
    await p.job('yc-record', { action: 'plan-approved' }, { planId: 'PLAN-2026' });
    await p.child(pi, 'team-formation');
    await p.deadline({ result: 'teamProposalDue' }, '2026-03-30T23:59:59+08:00');
    await p.task('propose-teams', { teams, recusalStatement: '无' });
    await approveTeams(teams);
    await p.job('yc-notify', { template: 'advance-notice' });
    // when the week before the common entry day comes
    p.moveClockTo('2026-03-31T09:00:01+08:00');
    for (const task of await p.awaitTasks('confirm-team', 2)) await p.h.engine.completeUserTask(task.key, { teamAdjustment: 'none' });
    // then both rounds run at once, each training its team
    const rounds = await p.children(pi, 'inspection-round', 2);
    for (let i = 0; i < rounds.length; i++) await p.job('yc-notify', { template: 'training-notice' });
    await p.awaitTasks('hold-training', 2);
    expect(rounds.map((r) => p.h.variables(r).roundNo).sort()).toEqual([1, 2]);
  });

  it('stops with an incident, not an approval, when the committee decision is missing', async () => {
    const pi = await atCommitteeApproval();
    await p.task('approve-plan', { approvalOpinion: '' });
    await p.h.awaitRecord({ valueType: 'INCIDENT', intent: 'CREATED' });
    expect(p.h.incidents(pi).map((i) => i.value.elementId)).toEqual(['plan-approved']);
    expect(p.passed(pi, 'record-plan')).toBe(false);
  });

  it('stops with an incident, not an approval, when the plan check gives no verdict', async () => {
    const pi = await p.create('annual-plan', {});
    await p.deadline({ result: 'planDraftDue' }, '2026-03-16T23:59:59+08:00');
    await draft();
    await p.job('yc-plan-check', {}, { planProblems: [] });
    await p.h.awaitRecord({ valueType: 'INCIDENT', intent: 'CREATED' });
    expect(p.h.incidents(pi).map((i) => i.value.elementId)).toEqual(['plan-valid']);
    expect(p.passed(pi, 'approve-plan')).toBe(false);
    expect(p.openTasksOf('approve-plan')).toBe(0);
  });

  it('asks for a decision on the team every round and takes no branch when it is missing', async () => {
    const pi = await atCommitteeApproval();
    await p.task('approve-plan', { planDecision: 'approve', approvalOpinion: '同意' });
    await p.job('yc-record', { action: 'plan-approved' }, { planId: 'PLAN-2026' });
    await p.child(pi, 'team-formation');
    await p.deadline({ result: 'teamProposalDue' }, '2026-03-30T23:59:59+08:00');
    await p.task('propose-teams', { teams, recusalStatement: '无' });
    await approveTeams(teams);
    await p.job('yc-notify', { template: 'advance-notice' });
    p.moveClockTo('2026-03-31T09:00:01+08:00');
    await p.task('confirm-team', {});
    await p.h.awaitRecord({ valueType: 'INCIDENT', intent: 'CREATED' });
    expect(p.h.incidents(pi).map((i) => i.value.elementId)).toEqual(['adjust-needed']);
    expect(p.passed(pi, 'run-round')).toBe(false);
  });

  it('returns the plan with the committee opinion', async () => {
    const pi = await atCommitteeApproval();
    await p.task('approve-plan', { planDecision: 'return', approvalOpinion: '补充年度专题' });
    await p.job('yc-notify', { template: 'plan-returned', to: 'office' });
    expect(await p.keptDeadline({ result: 'planDraftDue' })).toBe('2026-03-16T23:59:59+08:00');
    await p.awaitActive(pi, ['draft-plan']);
    expect(await p.taskVariables('draft-plan')).toMatchObject({ returnOpinion: '补充年度专题', planProblemsText: '' });
  });
});

describe('inspection-round', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('inspection-round', 'unit-inspection');
  });
  afterEach(() => p.close());

  it('trains the team, records the round and starts every unit on the entry day, not before', async () => {
    // given a round whose entry day is 7 April
    const pi = await p.create('inspection-round', {
      year: 2026, planId: 'PLAN-2026', round: plan.rounds[0], teams, roundNo: 1, roundStart: '2026-04-07', roundEnd: '2026-04-24',
      trainingDue: '2026-04-07T09:00:00+08:00',
    });
    // when the team is trained a few days before
    await p.job('yc-notify', { template: 'training-notice', to: 'team-members' });
    const training = await p.awaitTask('hold-training');
    expect(training.value).toMatchObject({ candidateGroupsList: ['office'], dueDate: '2026-04-07T09:00:00+08:00' });
    await p.task('hold-training', { trainingAt: '2026-04-03T09:00:00+08:00', trainingPlace: '区应急管理局会议室', attendeeCount: 8, trainingContent: '巡查内容、方式、程序和纪律' });
    await p.job('yc-record', { action: 'round-started' });
    // then the units wait for the entry day
    await p.awaitActive(pi, ['entry-day-reached']);
    p.moveClockTo('2026-04-07T09:00:01+08:00');
    // and the unit inspection of the round starts with its unit and the team responsible for it
    const inspection = await p.child(pi, 'unit-inspection');
    const opened = await p.job('yc-record', { action: 'inspection-opened' });
    expect(opened.processInstanceKey).toBe(inspection);
    expect(opened.variables).toMatchObject({ unitCode: '370404001', team: teams[0], roundNo: 1, entryDue: '2026-04-07T18:00:00+08:00' });
  });
});

describe('follow-up-sampling', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('follow-up-sampling');
  });
  afterEach(() => p.close());

  it('samples three units each month, checks each and reports those not rectified', async () => {
    // when the first of the next month comes (09:00 Beijing time)
    p.moveClockTo('2026-04-01T09:00:01+08:00');
    const sample = await p.job('yc-sample', {}, { sampledUnits: ['370404100', '370404102', 'YC-M-12'], sampleSeed: 'a1' });
    expect(sample.variables).toMatchObject({ month: '2026-04' });
    await p.deadline({ result: 'sampleDue' }, '2026-04-15T23:59:59+08:00');
    await p.job('yc-notify', { template: 'followup-sample' });
    // then one check per sampled unit
    for (const [unitCode, unrectified] of [['370404100', 0], ['370404102', 2], ['YC-M-12', 0]] as const) {
      const check = await p.awaitTask('check-rectification');
      expect(p.h.variables(check.value.elementInstanceKey as string)).toMatchObject({ unitCode });
      await p.task('check-rectification', { checkedOn: '2026-04-10', itemsChecked: 5, itemsUnrectified: unrectified, followUpFindings: '逐项复核整改台账和现场' });
    }
    const report = await p.job('yc-notify', { template: 'escalation', to: 'office,committee' });
    expect(report.variables).toMatchObject({ followUpResults: [
      { unitCode: '370404100', unrectified: 0 }, { unitCode: '370404102', unrectified: 2 }, { unitCode: 'YC-M-12', unrectified: 0 },
    ] });
  });

  it('reports a check whose count of unrectified items is missing instead of closing the sample', async () => {
    p.moveClockTo('2026-04-01T09:00:01+08:00');
    await p.job('yc-sample', {}, { sampledUnits: ['370404100'], sampleSeed: 'a2' });
    await p.deadline({ result: 'sampleDue' }, '2026-04-15T23:59:59+08:00');
    await p.job('yc-notify', { template: 'followup-sample' });
    // when the check comes back without the number of unrectified items
    await p.task('check-rectification', { checkedOn: '2026-04-10', itemsChecked: 5, followUpFindings: '未填写整改不到位项数' });
    // then nobody is deemed rectified: the office and the committee get the report
    const report = await p.job('yc-notify', { template: 'escalation', to: 'office,committee' });
    expect(p.passed(report.processInstanceKey, 'follow-up-done')).toBe(false);
  });
});

describe('city-inspection-liaison', () => {
  let p: ProcessHarness;
  beforeEach(async () => {
    p = await ProcessHarness.start('city-inspection-liaison', 'problem-disposal', 'problem-handover', 'listed-supervision', 'hazard-acceptance', 'escalation-ladder', 'key-talk');
    await p.h.deploy(['problem-classification.dmn', readFileSync(join(root, 'processes', 'problem-classification.dmn'), 'utf8')]);
  });
  afterEach(() => p.close());

  it('starts a liaison for each city announcement, two in one year side by side', async () => {
    // when the office registers two city inspections of the same year
    const first = await p.create('city-inspection-liaison', { year: 2026, cityInspection: { period: '2026年3月' } });
    const second = await p.create('city-inspection-liaison', { year: 2026, cityInspection: { period: '2026年9月专项' } });
    // then both run, each with its own preparation
    await p.deadlines({ liaisonDue: ['2026-03-09T23:59:59+08:00'] });
    await p.deadlines({ liaisonDue: ['2026-03-09T23:59:59+08:00'] });
    await p.awaitTasks('prepare-city-inspection', 2);
    expect(p.active(first)).toEqual(['prepare-city-inspection']);
    expect(p.active(second)).toEqual(['prepare-city-inspection']);
  });

  it('starts on the city announcement and disposes of each problem the city found', async () => {
    // when the city announces its inspection
    await p.create('city-inspection-liaison', { year: 2026, cityInspection: { period: '2026年3月' } });
    await p.deadline({ result: 'liaisonDue' }, '2026-03-09T23:59:59+08:00');
    await p.task('prepare-city-inspection', {
      liaisonPerson: '赵某', liaisonPhone: '0632-7712345', cityOnsiteStart: '2026-03-16', cityOnsiteEnd: '2026-03-27', materialsPrepared: '全区安全生产工作汇报',
    });
    await p.deadline({ from: 'cityOnsiteEnd', result: 'cityFeedbackDue' }, '2026-04-26T23:59:59+08:00');
    await p.task('register-city-feedback', {
      cityFeedbackDate: '2026-04-20',
      problems: [
        { unitCode: '370404101', category: 'C4', severity: '一般', industry: '其他', description: '镇安全培训台账不全' },
        { unitCode: '370404104', category: 'C4', severity: '一般', industry: '其他', description: '镇应急预案未按期修订' },
      ],
    });
    // then each problem goes through disposal with the decision table, for the unit the city named
    await p.deadline({ result: 'disposalConfirmDue' }, '2026-04-23T23:59:59+08:00');
    await p.deadline({ result: 'disposalConfirmDue' }, '2026-04-23T23:59:59+08:00');
    const confirmations = await p.awaitTasks('confirm-disposal', 2);
    const units = confirmations.map((t) => p.h.variables(t.value.processInstanceKey as string).unitCode).sort();
    expect(units).toEqual(['370404101', '370404104']);
  });
});
