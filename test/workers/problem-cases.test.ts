import { seedDemoData } from '../../src/db/seed';
import { problemsOf } from '../../src/db/registers/inspections';
import publish from '../../workers/publish';
import record from '../../workers/record';
import { type OutgoingMessage } from '../../workers/runtime/messages';
import { dialects, useStores } from '../support/stores';
import { completed, harness, job } from '../support/workers';

/**
 * The register row of each problem follows its case (四（二）闭环): 处置中, 整改中 until the unit's rectification is
 * accepted, 已销号 when the case closes; the cases are started by messages whose ids make a redelivery harmless.
 */
describe.each(dialects)('problem cases on %s', (dialect) => {
  const stores = useStores(dialect);

  const inspectionWithProblems = async () => {
    const store = await stores.open();
    await seedDemoData(store.db);
    const h = await harness(store);
    const { inspectionId } = completed<{ inspectionId: string }>(await h.run(record, job('yc-record', { unitCode: '370404103' }, { action: 'inspection-opened' })));
    const { problemIds } = completed<{ problemIds: string[] }>(await h.run(record, job('yc-record', { inspectionId, problems: [
      { category: 'C4', severity: '一般', description: '安全培训计划未落实' },
      { category: 'C5', severity: '一般', industry: '道路运输', description: '客运企业动态监控缺失' },
    ] }, { action: 'problems-registered' })));
    return { store, h, inspectionId, problemIds };
  };
  const statusOf = async (store: Awaited<ReturnType<typeof inspectionWithProblems>>['store'], inspectionId: string) =>
    (await problemsOf(store.db, inspectionId)).map((p) => p.status);

  it('keeps a problem the unit rectifies 整改中 until the rectification is accepted, then clears it', async () => {
    // given two registered problems, one the unit rectifies
    const { store, h, inspectionId, problemIds: [own, handed] } = await inspectionWithProblems();
    // when both cases open and the first goes to the unit's rectification
    for (const problemId of [own, handed]) await h.run(record, job('yc-record', { problemId }, { action: 'problem-case-opened' }));
    expect(await statusOf(store, inspectionId)).toEqual(['disposing', 'disposing']);
    const rectifying = completed(await h.run(record, job('yc-record', { problemId: own }, { action: 'problem-rectifying' })));
    // then it waits, 整改中, and only it is listed when the rectification is accepted
    expect(rectifying).toEqual({ problemRectified: false });
    expect(await statusOf(store, inspectionId)).toEqual(['rectifying', 'disposing']);
    await h.run(record, job('yc-record', { inspectionId, rectificationReport: { report: '已落实培训计划' } }, { action: 'rectification-reported' }));
    await h.run(record, job('yc-record', { inspectionId, reviewDecision: 'accept', reviewOpinion: '同意' }, { action: 'rectification-reviewed' }));
    expect(completed(await h.run(record, job('yc-record', { inspectionId }, { action: 'rectified-problems' })))).toEqual({ rectifiedProblemIds: [own] });
    // and a problem reaching the rectification route after the acceptance does not wait
    expect(completed(await h.run(record, job('yc-record', { problemId: handed }, { action: 'problem-rectifying' })))).toEqual({ problemRectified: true });
    await h.run(record, job('yc-record', { problemId: own }, { action: 'problem-cleared' }));
    expect(await statusOf(store, inspectionId)).toEqual(['cleared', 'rectified']);
    expect(completed(await h.run(record, job('yc-record', { inspectionId }, { action: 'rectified-problems' })))).toEqual({ rectifiedProblemIds: [handed] });
  }, 60_000);

  it('publishes each case start once under a stable id, and fails clearly without a publisher', async () => {
    const store = await stores.open();
    const h = await harness(store);
    const sent: OutgoingMessage[] = [];
    h.deps.messages = { publish: async (m) => { sent.push(m); } };
    const start = job('yc-publish', { correlationKey: 'Q-1', payload: { problemId: 'Q-1', inspectionId: 'I-1' } }, { message: 'problem-case-requested' });
    expect(completed(await h.run(publish, start))).toEqual({ publishedMessageId: 'problem-case-requested:Q-1' });
    expect(sent).toEqual([{ name: 'problem-case-requested', correlationKey: 'Q-1', messageId: 'problem-case-requested:Q-1', timeToLiveMs: 86_400_000,
      variables: { problemId: 'Q-1', inspectionId: 'I-1' } }]);
    expect(await h.run(publish, job('yc-publish', { correlationKey: 'Q-1' }, { message: 'something-else' }))).toMatchObject({ outcome: 'fail', retries: 0 });
    h.deps.messages = undefined;
    expect(await h.run(publish, start)).toMatchObject({ outcome: 'fail', retries: 0, errorMessage: expect.stringContaining('no message publisher') });
  }, 60_000);
});
