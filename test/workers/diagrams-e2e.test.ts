import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { completed, job } from '../support/workers';
import { deployAll } from '../support/process-driver';
import { eventually, startWorkerEngine, type WorkerEngine } from '../support/worker-engine';
import { getHandover, getHazard } from '../../src/db/registers/supervision';
import { handoverRegister, hazardRegister, publishedAnnouncements } from '../../src/db/web-queries';
import { documentRegister } from '../../src/db/documents';
import record from '../../workers/record';
import { chinaDate } from '../../src/domain/calendar';

const root = join(__dirname, '../..');
const ALL = { all: true } as const;
const FIRST_PAGE = { limit: 10, offset: 0 };

/** The real diagrams of processes/ driven by the real workers through the engine; the department completes its tasks over REST. */
describe('real diagrams with the workers (gRPC streaming)', () => {
  let env: WorkerEngine;

  beforeAll(async () => {
    env = await startWorkerEngine('grpc-stream', { now: '2026-10-09T02:00:00Z' });
    const forms = readdirSync(join(root, 'forms')).map((f) => ({ formFilename: join(root, 'forms', f) }));
    await env.zbc.deployResources([{ processFilename: join(root, 'processes/problem-handover.bpmn') }, ...forms] as never);
  }, 60_000);
  afterAll(async () => { await env.close(); }, 30_000);

  it('hands a problem over: letter with 文号, the department\'s receipt and result tasks, the register closed', async () => {
    // given a registered problem of 榴园镇
    const inspectionId = completed(await env.h.run(record, job('yc-record', { unitCode: '370404103' }, { action: 'inspection-opened' }))).inspectionId;
    const [problemId] = completed(await env.h.run(record, job('yc-record', { inspectionId, problems: [
      { category: 'C5', severity: '一般', industry: '城镇燃气', description: '燃气管道巡检记录缺失' }] }, { action: 'problems-registered' }))).problemIds;
    // when the handover process runs and the department answers
    const instance = await env.zbc.createProcessInstance({ bpmnProcessId: 'problem-handover', variables: {
      inspectionId, problemId, unitCode: '370404103', unitName: '榴园镇', departmentCode: 'YC-M-07',
      problem: { id: problemId, category: 'C5', severity: '一般', industry: '城镇燃气', description: '燃气管道巡检记录缺失' },
    } });
    const handover = await eventually(async () => (await handoverRegister(env.store.db, ALL, FIRST_PAGE)).rows[0]);
    const rest = env.c8.getOrchestrationClusterApiClientLoose();
    const complete = async (elementId: string, variables: Record<string, unknown>) => {
      const task = await eventually(async () => (await rest.searchUserTasks({ filter: { elementId, state: 'CREATED' } } as never, { consistency: { waitUpToMs: 0 } })).items[0]);
      expect(task).toMatchObject({ candidateGroups: ['department', 'department:YC-M-07'] });
      await rest.completeUserTask({ userTaskKey: task.userTaskKey, variables } as never);
    };
    await complete('sign-receipt', { receiptDecision: 'accept', receiptSigner: '王建国' });
    await eventually(async () => (await handoverRegister(env.store.db, ALL, FIRST_PAGE)).rows[0]?.status === 'received');
    await complete('report-result', { resultText: '已责令整改并罚款1万元', resultMeasures: '下达行政处罚决定书', resultEvidence: [] });
    // then
    const done = await eventually(async () => {
      const h = await getHandover(env.store.db, String(handover.id));
      return h?.status === 'done' ? h : undefined;
    });
    expect(done).toMatchObject({ department_code: 'YC-M-07', result_text: '已责令整改并罚款1万元', result_measures: '下达行政处罚决定书', receipt_signer: '王建国', handover_no: '峄安委办〔2026〕1号' });
    const letters = await documentRegister(env.store.db, { docType: 'handover-letter' });
    expect(letters.map((d) => d.doc_no)).toEqual(['峄安委办〔2026〕1号']);
    await eventually(async () => (await rest.getProcessInstance({ processInstanceKey: instance.processInstanceKey }, { consistency: { waitUpToMs: 0 } })).state === 'COMPLETED');
    expect(env.runtime.stats).toMatchObject({ error: 0, fail: 0 });
  }, 30_000);
});

/** A listed hazard from the 安委会's decision to 销号 on the real diagrams; staff complete their tasks over REST. */
describe('real listed-supervision and hazard-acceptance diagrams with the workers (REST polling)', () => {
  let env: WorkerEngine;
  const today = new Date().toISOString();

  beforeAll(async () => {
    env = await startWorkerEngine('rest', { now: today });
    await deployAll(env);
  }, 60_000);
  afterAll(async () => { await env.close(); }, 30_000);

  /** Completes the open user task of an element once it is there. */
  async function complete(elementId: string, variables: Record<string, unknown>): Promise<void> {
    const rest = env.c8.getOrchestrationClusterApiClientLoose();
    const task = await eventually(async () => (await rest.searchUserTasks({ filter: { elementId, state: 'CREATED' } } as never, { consistency: { waitUpToMs: 0 } })).items[0]);
    await rest.completeUserTask({ userTaskKey: task.userTaskKey, variables } as never);
  }

  it('lists, notifies, publishes, accepts and delists the hazard', async () => {
    // given a 重大 problem at an ammonia cold store
    const inspectionId = completed(await env.h.run(record, job('yc-record', { unitCode: '370404103' }, { action: 'inspection-opened' }))).inspectionId;
    const [problemId] = completed(await env.h.run(record, job('yc-record', { inspectionId, problems: [{ category: 'C5', severity: '重大', industry: '工贸',
      description: '液氨储罐区未设置泄漏报警装置', enterpriseName: '枣庄榴韵饮品有限公司' }] }, { action: 'problems-registered' }))).problemIds;
    const problem = { id: problemId, category: 'C5', severity: '重大', industry: '工贸', description: '液氨储罐区未设置泄漏报警装置' };
    // when
    await env.zbc.createProcessInstance({ bpmnProcessId: 'listed-supervision', variables: {
      inspectionId, problemId, problem, unitCode: '370404103', unitName: '榴园镇', departmentCode: 'YC-M-06', enterpriseCode: 'YC-E-01' } });
    await complete('decide-listing', { listingDecision: 'list', listingOpinion: '同意挂牌督办', hazardName: '液氨储罐区未设置泄漏报警装置', responsiblePerson: '企业主要负责人', measures: '加装泄漏报警',
      funds: 40, rectifyDeadline: new Date(Date.now() + 90 * 86_400_000).toISOString(), emergencyPlan: '液氨泄漏专项预案', caseLeader: '副区长', stopProduction: true });
    const hazard = await eventually(async () => {
      const [h] = (await hazardRegister(env.store.db, ALL, FIRST_PAGE)).rows;
      return h?.status === 'PUBLISHED' ? h : undefined;
    });
    await env.zbc.publishMessage({ name: 'acceptance-requested', correlationKey: String(hazard.id), timeToLive: 10_000,
      variables: { acceptanceRequest: { selfAssessment: '已加装报警装置并联动喷淋，自评合格' } } as never });
    await complete('inspect-on-site', { acceptanceDate: today, acceptanceExperts: '秦振东', fundsSpent: 38, acceptanceFindings: '整改到位', acceptanceResult: 'passed' });
    await complete('approve-delisting', { spotChecked: true, delistDecision: 'delist', delistOpinion: '同意销号' });
    // then
    const closed = await eventually(async () => {
      const h = await getHazard(env.store.db, String(hazard.id));
      return h?.status === 'PUBLISHED_CLOSED' ? h : undefined;
    });
    expect(closed).toMatchObject({ listing_no: `峄安委挂〔${chinaDate(today).slice(0, 4)}〕1号`, enterprise_code: 'YC-E-01', funds: '40万元' });
    expect((await documentRegister(env.store.db, { docType: 'listing-notice' }))).toHaveLength(1);
    const board = await eventually(async () => { const b = await publishedAnnouncements(env.store.db); return b.length === 2 ? b : undefined; });
    expect(board.map((a) => a.kind).sort()).toEqual(['delisting', 'listing']);
    expect(env.runtime.stats.fail).toBe(0);
  }, 60_000);
});
