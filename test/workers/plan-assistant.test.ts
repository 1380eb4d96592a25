import { planProposal } from '../../src/db/plan-assistant';
import { recordRecusal } from '../../src/db/recusals';
import { seedDemoData } from '../../src/db/seed';
import planCheck from '../../workers/plan-check';
import record from '../../workers/record';
import teamCheck from '../../workers/team-check';
import { dialects, useStores } from '../support/stores';
import { completed, harness, job } from '../support/workers';

jest.setTimeout(120_000);

describe.each(dialects)('plan assistant on the demo district in the %s store', (dialect) => {
  const stores = useStores(dialect);

  it('proposes a 2027 plan and then its teams that the plan check and the team check accept', async () => {
    // given the demo district, nothing inspected yet, a cycle starting with 2027
    const store = await stores.open();
    await seedDemoData(store.db);
    const h = await harness(store, { now: '2026-12-06T09:00:00+08:00' });
    // when the office asks for the plan
    const proposal = await planProposal(store.db, { year: 2027, cycleStart: '2027-01-01', today: '2026-12-06' });
    // then the plan worker accepts it as the form would submit it
    expect(proposal.reasons).toEqual([]);
    const plan = { ...proposal.plan!, planTheme: '危险化学品和城镇燃气安全专项' };
    expect(plan.units).toHaveLength(21);
    expect(proposal.trainings.map((t) => t.no)).toEqual(plan.rounds.map((r) => r.no));
    expect(completed(await h.run(planCheck, job('yc-plan-check', { plan })))).toEqual({ planValid: true, planProblems: [] });
    // when the plan is approved and the office asks for the teams
    const { planId } = completed<{ planId: string }>(await h.run(record, job('yc-record', { plan }, { action: 'plan-approved' })));
    const teams = await planProposal(store.db, { year: 2027, cycleStart: '2027-01-01', today: '2026-12-06', planId });
    // then the teams cover exactly the plan's units and the team worker accepts them
    expect(teams.reasons).toEqual([]);
    expect(teams.teams!.flatMap((t) => t.unitCodes).sort()).toEqual([...plan.units].sort());
    expect(completed(await h.run(teamCheck, job('yc-team-check', { teams: teams.teams })))).toEqual({ teamValid: true, teamProblems: [], teamChanges: [] });
  });

  it('explains in Chinese why the demo district without an outside expert has no schedule', async () => {
    // given the demo district whose only experts work at 区应急管理局
    const store = await stores.open();
    await seedDemoData(store.db);
    await store.db.deleteFrom('people').where('id', '=', 'p-expert-4').execute();
    // when
    const proposal = await planProposal(store.db, { year: 2027, cycleStart: '2027-01-01', today: '2026-12-06' });
    // then
    expect(proposal).toMatchObject({ feasible: false, reasons: ['区应急管理局：可担任专家的人员（秦振东、许文博、何丽萍）均来自该单位或需回避，需增补一名其他单位专家。'] });
  });

  it('keeps to the recusal register: the outside expert recused from 区应急管理局 leaves it without a schedule', async () => {
    // given the demo district, whose one expert from outside 区应急管理局 is recorded as recused from it
    const store = await stores.open();
    await seedDemoData(store.db);
    const unit = await store.db.selectFrom('units').select('code').where('name', '=', '区应急管理局').executeTakeFirstOrThrow();
    await recordRecusal(store.db, { name: 'anweiban', at: '2026-12-06T01:00:00.000Z' }, { personId: 'p-expert-4', unitCode: unit.code, reason: '近亲属在该单位任职' });
    // when
    const proposal = await planProposal(store.db, { year: 2027, cycleStart: '2027-01-01', today: '2026-12-06' });
    // then
    expect(proposal.feasible).toBe(false);
    expect(proposal.reasons).toEqual([expect.stringMatching(/^区应急管理局：可担任专家的人员（[^）]+）均来自该单位或需回避，需增补一名其他单位专家。$/)]);
  });
});
