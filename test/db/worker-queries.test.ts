import { audit } from '../../src/db/audit';
import { enterpriseByName, peopleWithUnits, unitNameOf, unitsByCode, unitsByName } from '../../src/db/organisation';
import {
  getPlan, getRound, inspectionEscalations, inspectionsOpenedIn, latestRectificationId, latestReviewAccepted, openInspection,
  openRectifiedProblems, planTeams, recordPlan, recordRectification, recordReview, recordTeams, registerProblems, teamNameOf, updateProblem,
} from '../../src/db/registers/inspections';
import { latestAcceptance, listHazard, recordAcceptance } from '../../src/db/registers/supervision';
import { seedDemoData } from '../../src/db/seed';
import { COPY_OFFICES } from '../../src/domain/disposal';
import { dialects, useStores } from '../support/stores';

const at = (time: string) => ({ name: 'tester', at: `2026-${time}+08:00` });

/** The store functions the workers read through: organisation, inspection register and acceptances. */
describe.each(dialects)('worker reads of the domain store on %s', (dialect) => {
  const stores = useStores(dialect);

  it('finds units, enterprises and people by code and name', async () => {
    // given
    const { db } = await stores.open();
    await seedDemoData(db);
    // when
    const [name, unknown, enterprise, notAnEnterprise] = await Promise.all([unitNameOf(db, '370404103'), unitNameOf(db, 'YC-X-99'),
      enterpriseByName(db, '峄城阴平燃气有限公司'), enterpriseByName(db, '榴园镇')]);
    const byCode = await unitsByCode(db, ['YC-E-04', '370404103', 'YC-X-99']);
    const offices = await unitsByName(db, COPY_OFFICES);
    const people = await peopleWithUnits(db, ['p-leader-1', 'p-leader-1', 'p-expert-1', 'p-nobody']);
    // then
    expect([name, unknown, enterprise?.code, notAnEnterprise]).toEqual(['榴园镇', undefined, 'YC-E-04', undefined]);
    expect(byCode.map((u) => u.name)).toEqual(['榴园镇', '峄城阴平燃气有限公司']);
    expect(offices.map((u) => u.name).sort()).toEqual([...COPY_OFFICES].sort());
    expect(await unitsByCode(db, [])).toEqual([]);
    expect(people.map((p) => [p.id, p.name, p.unitName])).toEqual([['p-expert-1', '秦振东', '区应急管理局'], ['p-leader-1', '王建国', '区委办公室']]);
  }, 60_000);

  it('reads plans, rounds, teams and the inspection register as the workers need them', async () => {
    // given a plan with one round, two teams and two inspections of the first team
    const { db } = await stores.open();
    await seedDemoData(db);
    const { planId, roundIds } = await recordPlan(db, at('01-10T09:00:00'), { year: 2026, cycleStart: '2025-01-01', units: ['370404103', '370404104'],
      rounds: [{ no: 1, start: '2026-03-02', end: '2026-03-16', units: ['370404103', '370404104'] }] });
    const teams = await recordTeams(db, at('01-20T09:00:00'), planId, [
      { name: '第2巡查组', leaderId: 'p-leader-2', deputyId: 'p-deputy-2', memberIds: ['p-member-3'], expertIds: ['p-expert-2'] },
      { name: '第1巡查组', leaderId: 'p-leader-1', deputyId: 'p-deputy-1', memberIds: ['p-member-1', 'p-member-2'], expertIds: ['p-expert-1'] },
    ]);
    const first = teams['第1巡查组'];
    const inspectionId = await openInspection(db, at('03-02T09:00:00'), { unitCode: '370404103', roundId: roundIds[0], teamId: first });
    await openInspection(db, at('03-02T10:00:00'), { unitCode: '370404104', roundId: roundIds[0], teamId: first });
    const [a, b, c] = await registerProblems(db, at('03-10T09:00:00'), inspectionId, [
      { category: 'C5', severity: '一般', description: '一' }, { category: 'C5', severity: '一般', description: '二' }, { category: 'C3', severity: '较大', description: '三' }]);
    await updateProblem(db, at('03-20T09:00:00'), a, 'rectify', { route: 'rectify', status: 'rectifying' });
    await updateProblem(db, at('03-20T09:00:00'), b, 'rectify', { route: 'rectify', status: 'cleared' });
    await updateProblem(db, at('03-20T09:00:00'), c, 'handover', { route: 'handover', status: 'handed-over' });
    // when the unit reports twice and the committee reviews both, the inspection's rectification escalated twice
    const noReview = await latestReviewAccepted(db, inspectionId);
    const r1 = await recordRectification(db, at('04-01T09:00:00'), inspectionId, '第一次');
    await recordReview(db, at('04-02T09:00:00'), r1, false, '退回');
    const r2 = await recordRectification(db, at('04-10T09:00:00'), inspectionId, '第二次');
    await recordReview(db, at('04-11T09:00:00'), r2, true, '通过');
    await audit(db, at('05-01T09:00:00'), 'escalate:催办', 'inspections', inspectionId, {});
    await audit(db, at('05-08T09:00:00'), 'escalate:督办函', 'inspections', inspectionId, {});
    await audit(db, at('05-08T09:00:00'), 'feedback', 'inspections', inspectionId, {});
    // then
    expect(noReview).toBeNull();
    expect(await latestReviewAccepted(db, inspectionId)).toBe(true);
    expect(await latestRectificationId(db, inspectionId)).toBe(r2);
    expect(await openRectifiedProblems(db, inspectionId)).toEqual([a]);
    expect(await inspectionEscalations(db, inspectionId)).toBe(2);
    expect(await inspectionsOpenedIn(db, 2026)).toBe(2);
    expect(await inspectionsOpenedIn(db, 2027)).toBe(0);
    expect(await getRound(db, roundIds[0])).toEqual({ start: '2026-03-02', end: '2026-03-16' });
    expect(await teamNameOf(db, first)).toBe('第1巡查组');
    expect(JSON.parse((await getPlan(db, planId))!.data)).toMatchObject({ year: 2026 });
    const composed = await planTeams(db, planId);
    expect(composed.map((t) => [t.name, t.unitCodes])).toEqual([['第1巡查组', ['370404103', '370404104']], ['第2巡查组', []]]);
    expect(composed[0].members.map((m) => `${m.personId}:${m.role}`).sort())
      .toEqual(['p-deputy-1:deputy', 'p-expert-1:expert', 'p-leader-1:leader', 'p-member-1:member', 'p-member-2:member']);
  }, 60_000);

  it('finds a hazard\'s latest acceptance and its latest passed one', async () => {
    // given a failed acceptance, then a passed one, then a failed one again
    const { db } = await stores.open();
    await seedDemoData(db);
    const hazardId = await listHazard(db, at('03-01T09:00:00'), { name: '液氨储罐区未设置泄漏报警装置', unit_code: '370404103' });
    await recordAcceptance(db, at('05-01T09:00:00'), hazardId, false, '未整改到位');
    await recordAcceptance(db, at('06-01T09:00:00'), hazardId, true, '整改到位', { experts: '秦振东' });
    await recordAcceptance(db, at('07-01T09:00:00'), hazardId, false, '复查发现反弹');
    // when
    const latest = await latestAcceptance(db, hazardId);
    const passed = await latestAcceptance(db, hazardId, true);
    // then
    expect([latest?.opinion, passed?.opinion, passed?.experts]).toEqual(['复查发现反弹', '整改到位', '秦振东']);
    expect(await latestAcceptance(db, 'no-such-hazard')).toBeUndefined();
  }, 60_000);
});
