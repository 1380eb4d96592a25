import { auditTrail } from '../../src/db/audit';
import { assistantInput } from '../../src/db/plan-assistant';
import { listRecusals, recordRecusal, withdrawRecusal } from '../../src/db/recusals';
import { seedDemoData } from '../../src/db/seed';
import teamCheck from '../../workers/team-check';
import { dialects, rejectionOf, useStores } from '../support/stores';
import { completed, harness, job } from '../support/workers';

const office = { name: 'anweiban', at: '2026-12-10T02:00:00.000Z' };
const team = (n: number, units: string[]) => ({
  name: `第${n}巡查组`, leaderId: `p-leader-${n}`, deputyId: `p-deputy-${n}`,
  memberIds: [`p-member-${n * 4 - 3}`, `p-member-${n * 4 - 2}`, `p-member-${n * 4 - 1}`, `p-member-${n * 4}`],
  expertIds: [`p-expert-${n}`], unitCodes: units,
});

describe.each(dialects)('recusals (回避) on %s', (dialect) => {
  const stores = useStores(dialect);

  it('records, re-records with a new reason, lists and withdraws a recusal, each audited', async () => {
    // given
    const { db } = await stores.open();
    await seedDemoData(db);
    // when
    await recordRecusal(db, office, { personId: 'p-leader-1', unitCode: '370404103', reason: '配偶在该单位任职' });
    await recordRecusal(db, { ...office, name: 'admin' }, { personId: 'p-leader-1', unitCode: '370404103', reason: '近亲属在该单位任职' });
    await recordRecusal(db, office, { personId: 'p-member-2', unitCode: '370404001', reason: '涉及本人的信访事项尚未办结' });
    // then
    expect(await listRecusals(db)).toEqual([
      { personId: 'p-leader-1', unitCode: '370404103', reason: '近亲属在该单位任职', recordedBy: 'admin', recordedAt: office.at },
      { personId: 'p-member-2', unitCode: '370404001', reason: '涉及本人的信访事项尚未办结', recordedBy: 'anweiban', recordedAt: office.at },
    ]);
    // when withdrawn, twice
    expect(await withdrawRecusal(db, office, 'p-member-2', '370404001')).toBe(true);
    expect(await withdrawRecusal(db, office, 'p-member-2', '370404001')).toBe(false);
    // then
    expect((await listRecusals(db)).map((r) => r.personId)).toEqual(['p-leader-1']);
    const trail = await auditTrail(db, { entity: 'recusals' });
    expect(trail.map((e) => `${e.action} ${e.entityId}`).sort()).toEqual(['record p-leader-1:370404103', 'record p-leader-1:370404103', 'record p-member-2:370404001', 'withdraw p-member-2:370404001']);
  }, 60_000);

  it('refuses an unknown person or unit, the home unit and a missing reason, and stores nothing', async () => {
    // given
    const { db } = await stores.open();
    await seedDemoData(db);
    const home = (await db.selectFrom('people').select('unit_code').where('id', '=', 'p-leader-1').executeTakeFirstOrThrow()).unit_code;
    // when / then
    expect(await rejectionOf(recordRecusal(db, office, { personId: 'nobody', unitCode: '370404103', reason: '亲属' }))).toBe('人员名录中没有 nobody。');
    expect(await rejectionOf(recordRecusal(db, office, { personId: 'p-leader-1', unitCode: '999', reason: '亲属' }))).toBe('单位名录中没有 999。');
    expect(await rejectionOf(recordRecusal(db, office, { personId: 'p-leader-1', unitCode: home, reason: '亲属' }))).toMatch(/是王建国本人所在单位，已自动回避，无需登记。$/);
    expect(await rejectionOf(recordRecusal(db, office, { personId: 'p-leader-1', unitCode: '370404103', reason: '  ' }))).toBe('请填写回避事由。');
    expect(await listRecusals(db)).toEqual([]);
  }, 60_000);

  it('reaches the plan assistant and the team check', async () => {
    // given a member of 第1巡查组 recused from 榴园镇
    const store = await stores.open();
    await seedDemoData(store.db);
    await recordRecusal(store.db, office, { personId: 'p-member-2', unitCode: '370404103', reason: '近亲属在该单位任职' });
    const h = await harness(store);
    // when
    const input = await assistantInput(store.db, { year: 2027, cycleStart: '2025-11-12', today: '2026-12-10' });
    const refused = completed(await h.run(teamCheck, job('yc-team-check', { teams: [team(1, ['370404103']), team(2, ['370404001'])] })));
    const elsewhere = completed(await h.run(teamCheck, job('yc-team-check', { teams: [team(1, ['370404001']), team(2, ['370404103'])] })));
    // then
    expect(input.recusals).toEqual([{ personId: 'p-member-2', unitCode: '370404103' }]);
    const name = (await store.db.selectFrom('people').select('name').where('id', '=', 'p-member-2').executeTakeFirstOrThrow()).name;
    expect(refused).toEqual({ teamValid: false, teamChanges: [], teamProblems: [`巡查组“第1巡查组”的${name}应当回避榴园镇（近亲属在该单位任职）。`] });
    expect(elsewhere).toMatchObject({ teamValid: true, teamProblems: [] });
    await h.cleanup();
  }, 60_000);
});
