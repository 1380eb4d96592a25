import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { completed, job } from '../support/workers';
import { eventually, startWorkerEngine, type WorkerEngine } from '../support/worker-engine';
import { handoverRegister } from '../../src/db/registers/supervision';
import { documentRegister } from '../../src/db/documents';
import record from '../../workers/record';

const root = join(__dirname, '../..');

/** The real diagrams of processes/ driven by the real workers through the engine; staff act by messages. */
describe('real diagrams with the workers (gRPC streaming)', () => {
  let env: WorkerEngine;

  beforeAll(async () => {
    env = await startWorkerEngine('grpc-stream', { now: '2026-10-09T02:00:00Z' });
    const forms = readdirSync(join(root, 'forms')).map((f) => ({ formFilename: join(root, 'forms', f) }));
    await env.zbc.deployResources([{ processFilename: join(root, 'processes/problem-handover.bpmn') }, ...forms] as never);
  }, 60_000);
  afterAll(async () => { await env.close(); }, 30_000);

  it('hands a problem over: letter with 文号, receipt and result by message, the register closed', async () => {
    // given a registered problem of 榴园镇
    const inspectionId = completed(await env.h.run(record, job('yc-record', { unitCode: '370404103' }, { action: 'inspection-opened' }))).inspectionId;
    const [problemId] = completed(await env.h.run(record, job('yc-record', { inspectionId, problems: [
      { category: 'C5', severity: '一般', industry: '城镇燃气', description: '燃气管道巡检记录缺失' }] }, { action: 'problems-registered' }))).problemIds;
    // when the handover process runs and the department answers
    const instance = await env.zbc.createProcessInstance({ bpmnProcessId: 'problem-handover', variables: {
      inspectionId, problemId, unitCode: '370404103', unitName: '榴园镇', departmentCode: 'YC-M-07',
      problem: { id: problemId, category: 'C5', severity: '一般', industry: '城镇燃气', description: '燃气管道巡检记录缺失' },
    } });
    const handover = await eventually(async () => (await handoverRegister(env.store.db))[0]);
    await env.zbc.publishMessage({ name: 'handover-receipt', correlationKey: handover.id, timeToLive: 10_000,
      variables: { handoverReceipt: { accepted: true, reason: null, by: 'bumen-YC-M-07', at: '2026-10-09T10:00:00+08:00' } } as never });
    await eventually(async () => (await handoverRegister(env.store.db))[0].status === 'received');
    await env.zbc.publishMessage({ name: 'handover-result', correlationKey: handover.id, timeToLive: 10_000,
      variables: { handoverResult: { text: '已责令整改并罚款1万元', by: 'bumen-YC-M-07', at: '2026-10-20T10:00:00+08:00' } } as never });
    // then
    const done = await eventually(async () => {
      const [h] = await handoverRegister(env.store.db);
      return h.status === 'done' ? h : undefined;
    });
    expect(done).toMatchObject({ department_code: 'YC-M-07', result_text: '已责令整改并罚款1万元', handover_no: '峄安委办〔2026〕1号' });
    const letters = await documentRegister(env.store.db, { docType: 'handover-letter' });
    expect(letters.map((d) => d.doc_no)).toEqual(['峄安委办〔2026〕1号']);
    const rest = env.c8.getOrchestrationClusterApiClientLoose();
    await eventually(async () => (await rest.getProcessInstance({ processInstanceKey: instance.processInstanceKey }, { consistency: { waitUpToMs: 0 } })).state === 'COMPLETED');
    expect(env.runtime.stats).toMatchObject({ error: 0, fail: 0 });
  }, 30_000);
});
