import { type Actor } from '../../src/db/audit';
import { openInspection, recordPlan, recordTeams, registerProblems } from '../../src/db/registers/inspections';
import { scheduleTalk } from '../../src/db/registers/supervision';
import { type Harness, LOGINS, NOW, signIn, startHarness, startWebEnv, UNIT_A, UNIT_B, type WebEnv } from './support/harness';

const by: Actor = { name: 'system', at: NOW.toISOString() };

// 组长负责制: a team's records belong to that team. Team 1 (组长 zuzhang1, 组员 zuyuan-member-1) inspects 坛山街道,
// team 2 inspects 吴林街道.
describe('registers of an inspection team', () => {
  let env: WebEnv;
  let h: Harness;
  beforeAll(async () => {
    env = await startWebEnv();
  });
  afterAll(() => env.close());
  beforeEach(async () => {
    h = await startHarness(env);
    const db = h.store.db;
    const { planId } = await recordPlan(db, by, { year: 2026, cycleStart: '2026-01-01', units: [UNIT_A, UNIT_B], rounds: [] });
    const teams = await recordTeams(db, by, planId, [
      { name: '第一巡查组', leaderId: 'p-leader-1', deputyId: 'p-deputy-1', memberIds: ['p-member-1'], expertIds: [] },
      { name: '第二巡查组', leaderId: 'p-leader-2', deputyId: 'p-deputy-2', memberIds: [], expertIds: [] },
    ]);
    const inspA = await openInspection(db, by, { unitCode: UNIT_A, teamId: teams['第一巡查组'] });
    const inspB = await openInspection(db, by, { unitCode: UNIT_B, teamId: teams['第二巡查组'] });
    await registerProblems(db, by, inspA, [{ category: 'C5', severity: '一般', description: '坛山街道危化品仓库未落实双重预防机制' }]);
    await registerProblems(db, by, inspB, [{ category: 'C3', severity: '较大', description: '吴林街道安全生产责任制未落实' }]);
    await scheduleTalk(db, by, { subjectUnitCode: UNIT_B, reason: '吴林街道整改不力约谈', at: '2026-12-01T15:00:00+08:00', attendees: [], inspectionId: inspB });
  });
  afterEach(() => h.close());

  it('shows the leader and the members their own team\'s inspections, problems and talks, not another team\'s', async () => {
    for (const login of [LOGINS.teamLeader, LOGINS.team]) {
      // given
      const { agent } = await signIn(h.app, login);
      // when
      const inspections = await agent.get('/registers/inspections').expect(200);
      const problems = await agent.get('/registers/problems').expect(200);
      const talks = await agent.get('/registers/talks').expect(200);
      // then
      expect(inspections.text).toContain('第一巡查组');
      expect(inspections.text).not.toContain('第二巡查组');
      expect(problems.text).toContain('危化品仓库');
      expect(problems.text).not.toContain('吴林街道安全生产责任制');
      expect(talks.text).not.toContain('吴林街道整改不力约谈');
    }
  });

  it('still shows the office and the committee every team\'s records', async () => {
    for (const login of [LOGINS.office, LOGINS.committee]) {
      const { agent } = await signIn(h.app, login);
      const problems = await agent.get('/registers/problems').expect(200);
      const talks = await agent.get('/registers/talks').expect(200);
      expect(problems.text).toContain('危化品仓库');
      expect(problems.text).toContain('吴林街道安全生产责任制');
      expect(talks.text).toContain('吴林街道整改不力约谈');
    }
  });

  it('keeps another team\'s rows out of the export too', async () => {
    const { agent } = await signIn(h.app, LOGINS.teamLeader);
    const csv = await agent.get('/registers/problems.csv').expect(200);
    expect(csv.text).toContain('危化品仓库');
    expect(csv.text).not.toContain('吴林街道安全生产责任制');
  });
});
