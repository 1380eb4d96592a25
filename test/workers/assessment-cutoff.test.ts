// The assessment register at the cut-off (三（三）6): scores change in place before the year's cut-off, the year
// freezes at the end of the cut-off day with what is known, and a closure after it is kept as an update.
import { assessmentRegister, assessmentYears } from '../../src/db/assessment-register';
import { openInspection, recordRectification, recordReview, registerProblems } from '../../src/db/registers/inspections';
import { seedDemoData } from '../../src/db/seed';
import assessment from '../../workers/assessment';
import { dialects, useStores } from '../support/stores';
import { completed, harness, job, type Harness } from '../support/workers';

const system = (at: string) => ({ name: 'test', at });

describe.each(dialects)('assessment cut-off on %s', (dialect) => {
  const stores = useStores(dialect);

  const scoreAs = (h: Harness, processId: string, inspectionId: string, at: string) => {
    h.deps.clock = () => new Date(at);
    return h.run(assessment, { ...job('yc-assessment', { inspectionId }, { action: 'score' }), bpmnProcessId: processId });
  };
  const freezeAt = (h: Harness, year: number, at: string) => {
    h.deps.clock = () => new Date(at);
    return h.run(assessment, job('yc-assessment', { assessmentYear: year }, { action: 'freeze' }));
  };

  it('scores in place before the cut-off, freezes at its end and keeps a later review as an update', async () => {
    // given an inspection of 榴园镇 with one 较大 problem and a cut-off on 20 December
    const store = await stores.open();
    await seedDemoData(store.db);
    const h = await harness(store);
    h.deps.settings.assessmentCutoff = '12-20';
    const inspectionId = await openInspection(store.db, system('2026-09-01T00:00:00Z'), { unitCode: '370404103' });
    await registerProblems(store.db, system('2026-09-10T00:00:00Z'), inspectionId,
      [{ category: '隐患排查', severity: '较大', description: '配电室未设置挡鼠板' }]);

    // when the results are scored in September
    const scored = completed(await scoreAs(h, 'inspection-results', inspectionId, '2026-09-16T02:00:00Z'));
    // then they belong to 2026, whose assessment freezes when 20 December has ended in China
    expect(scored).toMatchObject({ score: 95, assessmentYear: 2026, assessmentCutoffAt: '2026-12-21T00:00:00+08:00', updatedAfterCutoff: false });

    // when the review before the cut-off does not accept the rectification
    const rectificationId = await recordRectification(store.db, system('2026-11-01T00:00:00Z'), inspectionId, '已整改');
    await recordReview(store.db, system('2026-11-05T00:00:00Z'), rectificationId, false, '未提供整改照片');
    const rescored = completed(await scoreAs(h, 'rectification-case', inspectionId, '2026-11-05T02:00:00Z'));
    // then the entry is scored again in place
    expect(rescored).toMatchObject({ score: 85, assessmentId: scored.assessmentId, updatedAfterCutoff: false });
    expect((await assessmentRegister(store.db, 2026))[0]).toMatchObject({ score: 85, frozenAt: null, updates: [] });

    // when the freeze runs a minute before the end of the cut-off day, nothing is frozen
    expect(completed(await freezeAt(h, 2026, '2026-12-20T23:59:00+08:00'))).toEqual({ assessmentYear: 2026, frozen: 0 });
    // when the cut-off day has ended the year freezes with what is known: 85
    expect(completed(await freezeAt(h, 2026, '2026-12-21T00:00:00+08:00'))).toEqual({ assessmentYear: 2026, frozen: 1 });
    expect(completed(await freezeAt(h, 2026, '2026-12-21T00:05:00+08:00'))).toEqual({ assessmentYear: 2026, frozen: 0 });

    // when the rectification is accepted in January
    await recordReview(store.db, system('2027-01-10T00:00:00Z'), rectificationId, true, '整改到位');
    const later = completed(await scoreAs(h, 'rectification-case', inspectionId, '2027-01-10T02:00:00Z'));
    // then the new score is an update beside the frozen one, which stays
    expect(later).toMatchObject({ score: 95, assessmentYear: 2026, updatedAfterCutoff: true });
    const [row] = await assessmentRegister(store.db, 2026);
    expect(row).toMatchObject({
      unitName: '榴园镇', score: 85, grade: '良好', frozenAt: '2026-12-20T16:00:00.000Z',
      updates: [{ score: 95, grade: '优秀', reason: '整改审核', recordedAt: '2027-01-10T02:00:00.000Z' }],
    });
    const frozenScore = await store.db.selectFrom('assessments').select('score').where('inspection_id', '=', inspectionId).executeTakeFirstOrThrow();
    expect(frozenScore.score).toBe(85);
    // and the update cannot be rewritten
    const rewritten = await store.db.updateTable('assessment_updates').set({ score: 100 }).execute().then((r) => JSON.stringify(r), (e: Error) => e.message);
    expect(rewritten).toMatch(/append-only/);

    // when another unit's results are scored after the 2026 cut-off, they go into the 2027 assessment
    const next = await openInspection(store.db, system('2026-12-01T00:00:00Z'), { unitCode: '370404001' });
    expect(completed(await scoreAs(h, 'inspection-results', next, '2026-12-25T02:00:00Z')))
      .toMatchObject({ score: 100, assessmentYear: 2027, assessmentCutoffAt: '2027-12-21T00:00:00+08:00' });
    expect(await assessmentYears(store.db)).toEqual([2027, 2026]);
    await h.cleanup();
  }, 60_000);
});
