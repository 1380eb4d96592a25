// The assessment register page (绩效考核, 三（三）6): the office, the committee and the copy offices read each unit's
// results by year, frozen at the cut-off with the updates after it; inspected units and teams do not.
import { freezeAssessmentYear, scoreIntoAssessment } from '../../src/db/assessment-register';
import { openInspection } from '../../src/db/registers/inspections';
import { type Harness, LOGINS, signIn, startHarness, startWebEnv, type WebEnv } from './support/harness';

const sheet = (score: number, grade: string, items: { item: string; points: number }[] = []) => ({ score, grade, items });
const period = { year: 2026, cutoffAt: '2026-12-21T00:00:00+08:00' };

describe('绩效考核 page', () => {
  let env: WebEnv;
  let h: Harness;
  beforeAll(async () => {
    env = await startWebEnv();
  }, 60_000);
  afterAll(() => env.close());
  beforeEach(async () => {
    h = await startHarness(env);
    // 坛山街道 scored 85 before the cut-off, frozen at it, then re-scored 95 after a review in January
    const by = (at: string) => ({ name: 'test', at });
    const inspectionId = await openInspection(h.store.db, by('2026-09-01T00:00:00.000Z'), { unitCode: '370404001' });
    await scoreIntoAssessment(h.store.db, by('2026-10-08T02:00:00.000Z'), {
      inspectionId, unitCode: '370404001', sheet: sheet(85, '良好', [{ item: '整改未通过审核', points: -10 }, { item: '较大问题1个', points: -5 }]), period, reason: '巡查结果评分',
    });
    await freezeAssessmentYear(h.store.db, by('2026-12-20T16:00:00.000Z'), 2026);
    await scoreIntoAssessment(h.store.db, by('2027-01-10T02:00:00.000Z'), {
      inspectionId, unitCode: '370404001', sheet: sheet(95, '优秀'), period, reason: '整改审核',
    });
    // 吴林街道 belongs to 2027
    const other = await openInspection(h.store.db, by('2026-12-01T00:00:00.000Z'), { unitCode: '370404002' });
    await scoreIntoAssessment(h.store.db, by('2026-12-25T02:00:00.000Z'), {
      inspectionId: other, unitCode: '370404002', sheet: sheet(100, '优秀'), period: { year: 2027, cutoffAt: '2027-12-21T00:00:00+08:00' }, reason: '巡查结果评分',
    });
  });
  afterEach(() => h.close());

  it('shows each unit\'s results of the year as frozen at the cut-off, with the update after it', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.committee);
    // when
    const page = await agent.get('/assessment?year=2026').expect(200);
    // then
    expect(page.text).toContain('绩效考核 · 2026年度');
    expect(page.text).toMatch(/<td>坛山街道<\/td><td>—<\/td><td>85<\/td><td>良好<\/td>/);
    expect(page.text).toContain('整改未通过审核（-10分）');
    expect(page.text).toContain('<td>2026年12月20日</td>');
    expect(page.text).toContain('已按截止时情况锁定（2026年12月21日 00:00）');
    expect(page.text).toContain('2027年1月10日 整改审核：95分（优秀）');
    expect(page.text).not.toContain('吴林街道');
    expect(page.text).toContain('href="/assessment" aria-current="page">绩效考核');
  });

  it('opens on the newest year and lists every year the register holds', async () => {
    const { agent } = await signIn(h.app, LOGINS.office);
    const page = await agent.get('/assessment').expect(200);
    expect(page.text).toContain('绩效考核 · 2027年度');
    expect(page.text).toMatch(/<td>吴林街道<\/td>.*<td>100<\/td>/s);
    expect(page.text).toContain('截止前，可随销号、审核更新');
    expect(page.text).toContain('<option value="2026">2026年</option>');
  });

  it('lets the offices the results are copied to read it, and refuses units and teams', async () => {
    await (await signIn(h.app, 'zuzhibu')).agent.get('/assessment?year=2026').expect(200);
    for (const login of [LOGINS.unitA, LOGINS.teamLeader, LOGINS.owner]) {
      await (await signIn(h.app, login)).agent.get('/assessment').expect(403);
    }
    await (await signIn(h.app, LOGINS.office)).agent.get('/assessment?year=26x').expect(400);
  });
});
