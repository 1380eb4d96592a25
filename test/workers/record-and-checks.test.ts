import { auditTrail } from '../../src/db/audit';
import { seedDemoData } from '../../src/db/seed';
import { getInspection, problemsOf, teamMembersOf } from '../../src/db/registers/inspections';
import coverage from '../../workers/coverage';
import planCheck from '../../workers/plan-check';
import record from '../../workers/record';
import teamCheck from '../../workers/team-check';
import { dialects, useStores } from '../support/stores';
import { completed, harness, job } from '../support/workers';

const team = (n: number, units: string[]) => ({
  name: `第${n}巡查组`, leaderId: `p-leader-${n}`, deputyId: `p-deputy-${n}`,
  memberIds: [`p-member-${n * 4 - 3}`, `p-member-${n * 4 - 2}`, `p-member-${n * 4 - 1}`, `p-member-${n * 4}`],
  expertIds: [`p-expert-${n}`], unitCodes: units,
});

describe.each(dialects)('record, plan and team workers on %s', (dialect) => {
  const stores = useStores(dialect);

  it('records an inspection from opening to close, and a redelivered job records nothing twice', async () => {
    // given
    const store = await stores.open();
    await seedDemoData(store.db);
    const h = await harness(store);
    const open = job('yc-record', { unitCode: '370404103' }, { action: 'inspection-opened' });
    // when
    const first = await h.run(record, open);
    const again = await h.run(record, open);
    const inspectionId = completed<{ inspectionId: string }>(first).inspectionId;
    const problems = job('yc-record', { inspectionId, problems: [
      { category: 'C5', severity: '重大', industry: '工贸', description: '液氨储罐区未设置泄漏报警装置', enterpriseName: '枣庄榴韵饮品有限公司', legalBasis: '工贸令10号 第十三条', evidenceRefs: ['ev-1'] },
      { category: 'C3', severity: '一般', description: '镇安委会全年仅召开一次会议' },
    ] }, { action: 'problems-registered' });
    const registered = await h.run(record, problems);
    await h.run(record, problems);
    await h.run(record, job('yc-record', { inspectionId, methods: ['report', 'documents', 'covert'], onsiteEnd: '2026-09-15T18:00:00+08:00' }, { action: 'onsite-finished' }));
    const complaint = completed<{ complaintId: string }>(await h.run(record, job('yc-record', { inspectionId, complaint: { channel: '来电', complainant: null, content: '某冷库夜间违规作业' } }, { action: 'complaint-received' })));
    const reported = completed(await h.run(record, job('yc-record', { inspectionId, rectificationReport: { report: '已加装报警装置', investigation: '已立案' } }, { action: 'rectification-reported' })));
    const reviewed = await h.run(record, job('yc-record', { inspectionId, reviewDecision: 'accept', reviewOpinion: '同意' }, { action: 'rectification-reviewed' }));
    const closed = await h.run(record, job('yc-record', { inspectionId }, { action: 'inspection-closed' }));
    // then
    expect(again).toEqual(first);
    expect(first).toMatchObject({ outcome: 'complete', variables: { unitName: '榴园镇', inspectionNo: 'XC-2026-001' } });
    expect(reported.rectificationId).toBeTruthy();
    const methodNotes = await store.db.selectFrom('methods_used').select(['id', 'note']).where('id', '=', complaint.complaintId).execute();
    expect(methodNotes).toEqual([{ id: complaint.complaintId, note: '来信来电（来电）：某冷库夜间违规作业' }]);
    expect(reviewed.outcome).toBe('complete');
    expect((await problemsOf(store.db, inspectionId))[0].enterprise_code).toBe('YC-E-01');
    expect(completed<{ problemIds: string[] }>(registered).problemIds).toHaveLength(2);
    expect((await problemsOf(store.db, inspectionId)).map((p) => [p.no, p.category, p.severity])).toEqual([[1, 'C5', '重大'], [2, 'C3', '一般']]);
    expect(closed.outcome).toBe('complete');
    expect(await getInspection(store.db, inspectionId)).toMatchObject({ unit_code: '370404103', status: 'closed', onsite_end: '2026-09-15T18:00:00+08:00' });
    const methods = await store.db.selectFrom('methods_used').select(['method', 'note']).where('inspection_id', '=', inspectionId).orderBy('method').execute();
    expect(methods.map((m) => m.method)).toEqual([1, 3, 3, 5]);
    const trail = await auditTrail(store.db, { entity: 'inspections', entityId: inspectionId });
    expect(trail.map((e) => e.action)).toEqual(['open', 'onsite-finish', 'method-used', 'method-used', 'method-used', 'method-used',
      'rectification-report', 'rectification-review', 'close']);
    expect(methods.find((m) => m.method === 3 && m.note)?.note).toBe('来信来电（来电）：某冷库夜间违规作业');
    expect(trail.every((e) => e.actor === 'worker:yc-record')).toBe(true);
    const unknown = await h.run(record, job('yc-record', { inspectionId: 'nope' }, { action: 'report-approved' }));
    expect(unknown).toMatchObject({ outcome: 'fail', retries: 0, errorMessage: 'yc-record: no inspection nope' });
    await h.cleanup();
  }, 60_000);

  it('records approved teams and checks proposals: valid teams pass, violations come back as reasons', async () => {
    // given
    const store = await stores.open();
    await seedDemoData(store.db);
    const h = await harness(store);
    const teams = [team(1, ['370404103']), team(2, ['370404001'])];
    // when
    const ok = await h.run(teamCheck, job('yc-team-check', { teams }));
    const recusal = await h.run(teamCheck, job('yc-team-check', { teams: [team(1, ['YC-M-06']), team(2, [])] }));
    const plan = await h.run(record, job('yc-record', { plan: { year: 2026, cycleStart: '2025-01-01', units: ['370404103'],
      rounds: [{ no: 1, start: '2026-03-02', end: '2026-03-20', units: ['370404103'] }] } }, { action: 'plan-approved' }));
    const planId = completed<{ planId: string }>(plan).planId;
    const approved = await h.run(record, job('yc-record', { planId, teams }, { action: 'teams-approved' }));
    // then
    expect(ok).toEqual({ outcome: 'complete', variables: { teamValid: true, teamProblems: [], teamChanges: [] } });
    expect(recusal).toEqual({ outcome: 'complete', variables: { teamValid: false, teamChanges: [],
      teamProblems: ['巡查组“第1巡查组”的刘洪涛应当回避：不能巡查本人所在单位区应急管理局。', '巡查组“第1巡查组”的秦振东应当回避：不能巡查本人所在单位区应急管理局。'] } });
    // a round's adjustment (二（三）): a declared change goes to the committee, an unannounced one is refused
    const swapped = [{ ...teams[0], memberIds: [...teams[0].memberIds.slice(0, 3), 'p-member-8'] }, { ...teams[1], memberIds: [...teams[1].memberIds.slice(0, 3), 'p-member-4'] }];
    const declared = completed<{ teamValid: boolean; teamChanges: string[] }>(await h.run(teamCheck, job('yc-team-check', { teams: swapped, approvedTeams: teams, adjustmentReason: '两名组员对调' })));
    const unannounced = completed<{ teamValid: boolean }>(await h.run(teamCheck, job('yc-team-check', { teams: swapped, approvedTeams: teams })));
    const unchanged = completed<{ teamValid: boolean }>(await h.run(teamCheck, job('yc-team-check', { teams, approvedTeams: teams, adjustmentReason: '调整' })));
    expect(declared.teamValid).toBe(true);
    expect(declared.teamChanges).toHaveLength(2);
    expect(unannounced.teamValid).toBe(false);
    expect(unchanged.teamValid).toBe(false);
    const teamId = completed<{ teamIds: Record<string, string> }>(approved).teamIds['第1巡查组'];
    expect((await teamMembersOf(store.db, teamId)).filter((m) => m.role === 'leader' || m.role === 'deputy').map((m) => m.personId).sort())
      .toEqual(['p-deputy-1', 'p-leader-1']);
    await h.cleanup();
  }, 60_000);

  it('opens an inspection for the team whose id the round passes, not for a newer team of the same name', async () => {
    // given two plans of the cycle, each with an approved 第1巡查组
    const store = await stores.open();
    await seedDemoData(store.db);
    const h = await harness(store);
    const teamsOf = async (year: number): Promise<Record<string, string>> => {
      const plan = completed<{ planId: string }>(await h.run(record, job('yc-record', { plan: { year, cycleStart: '2026-01-01', units: ['370404103'],
        rounds: [{ no: 1, start: `${year}-03-02`, end: `${year}-03-20`, units: ['370404103'] }] } }, { action: 'plan-approved' })));
      return completed<{ teamIds: Record<string, string> }>(await h.run(record, job('yc-record', { planId: plan.planId, teams: [team(1, ['370404103'])] }, { action: 'teams-approved' }))).teamIds;
    };
    const first = await teamsOf(2026);
    const second = await teamsOf(2027);
    // when the round of the first plan opens its inspection, and a round hands over a team without a recorded id
    const opened = completed<{ inspectionId: string; teamId: string }>(await h.run(record,
      job('yc-record', { unitCode: '370404103', team: { id: first['第1巡查组'], name: '第1巡查组' } }, { action: 'inspection-opened' })));
    const unrecorded = await h.run(record, job('yc-record', { unitCode: '370404103', team: { name: '第1巡查组' } }, { action: 'inspection-opened' }));
    // then
    expect(first['第1巡查组']).not.toBe(second['第1巡查组']);
    expect(opened.teamId).toBe(first['第1巡查组']);
    expect((await getInspection(store.db, opened.inspectionId))?.team_id).toBe(first['第1巡查组']);
    expect(unrecorded).toMatchObject({ outcome: 'fail', retries: 0 });
    expect((unrecorded as { errorMessage: string }).errorMessage).toContain('the team has no id');
    await h.cleanup();
  }, 60_000);

  it('checks the annual plan against coverage and on-site duration, and reports coverage gaps', async () => {
    // given
    const store = await stores.open();
    await seedDemoData(store.db);
    const h = await harness(store, { now: '2026-06-01T00:00:00Z' });
    const all = (await store.db.selectFrom('units').select('code').where('kind', 'in', ['town', 'subdistrict', 'member', 'zone']).orderBy('code').execute()).map((u) => u.code);
    const firstHalf = all.slice(0, 20);
    const secondHalf = all.slice(20);
    // when
    const year2026 = await h.run(planCheck, job('yc-plan-check', { plan: { year: 2026, cycleStart: '2025-01-01', units: firstHalf,
      rounds: [{ no: 1, start: '2026-03-02', end: '2026-03-20', units: firstHalf }] } }));
    const short = await h.run(planCheck, job('yc-plan-check', { plan: { year: 2026, cycleStart: '2026-01-01', units: all,
      rounds: [{ no: 1, start: '2026-03-02', end: '2026-03-10', units: all }] } }));
    await h.run(record, job('yc-record', { unitCode: secondHalf[0] }, { action: 'inspection-opened' }));
    const gaps = await h.run(coverage, job('yc-coverage', {}));
    // then
    expect(year2026.outcome).toBe('complete');
    const problems = completed<{ planValid: boolean; planProblems: string[] }>(year2026);
    expect(problems.planValid).toBe(false);
    expect(problems.planProblems).toHaveLength(1);
    expect(problems.planProblems[0]).toMatch(/^本巡查周期（2025-01-01起2年）结束前仍有22个单位未安排巡查：/);
    expect(completed<{ planProblems: string[] }>(short).planProblems).toEqual(['第1轮现场巡查时间为9天，原则上不少于14天（两周）。']);
    const cov = completed<{ coverageGaps: string[]; coverageOk: boolean }>(gaps);
    expect(cov.coverageOk).toBe(false);
    expect(cov.coverageGaps).toHaveLength(all.length - 1);
    expect(cov.coverageGaps).not.toContain(secondHalf[0]);
    await h.cleanup();
  }, 60_000);
});
