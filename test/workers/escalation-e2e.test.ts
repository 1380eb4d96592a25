import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { documentRegister } from '../../src/db/documents';
import { auditTrail } from '../../src/db/audit';
import { assessmentOf } from '../../src/db/registers/publications';
import record from '../../workers/record';
import { completed, job } from '../support/workers';
import { eventually, startWorkerEngine, type WorkerEngine } from '../support/worker-engine';

const root = join(__dirname, '../..');

/**
 * The real escalation-ladder diagram for a whole inspection whose rectification report is overdue (problemId null,
 * as the rectification diagram calls it): 催办, 督办函, 通报 with points deducted, and the accountability referral.
 */
describe('real escalation-ladder diagram with the workers', () => {
  let env: WorkerEngine;
  let inspectionId: string;

  beforeAll(async () => {
    env = await startWorkerEngine('grpc-stream', { now: new Date().toISOString() });
    const forms = readdirSync(join(root, 'forms')).map((f) => ({ formFilename: join(root, 'forms', f) }));
    const processes = readdirSync(join(root, 'processes')).filter((f) => /\.(bpmn|dmn)$/.test(f))
      .map((f) => (f.endsWith('.dmn') ? { decisionFilename: join(root, 'processes', f) } : { processFilename: join(root, 'processes', f) }));
    await env.zbc.deployResources([...processes, ...forms] as never);
    inspectionId = completed(await env.h.run(record, job('yc-record', { unitCode: '370404102' }, { action: 'inspection-opened' }))).inspectionId;
  }, 60_000);
  afterAll(async () => { await env.close(); }, 30_000);

  const climb = async (escalationLevel: number) => {
    const rest = env.c8.getOrchestrationClusterApiClientLoose();
    const pi = await env.zbc.createProcessInstance({ bpmnProcessId: 'escalation-ladder', variables: {
      inspectionId, unitCode: '370404102', unitName: '底阁镇', problemId: null, escalationLevel } as never });
    return { pi, done: () => eventually(async () => (await rest.getProcessInstance({ processInstanceKey: pi.processInstanceKey }, { consistency: { waitUpToMs: 0 } })).state === 'COMPLETED') };
  };

  it('chases, issues the supervision letter, criticises with a deduction, and refers for accountability', async () => {
    // when
    await (await climb(0)).done();
    await (await climb(1)).done();
    await (await climb(3)).done();
    const refer = await climb(4);
    const rest = env.c8.getOrchestrationClusterApiClientLoose();
    const task = await eventually(async () => (await rest.searchUserTasks({ filter: { elementId: 'decide-escalation', state: 'CREATED' } } as never, { consistency: { waitUpToMs: 0 } })).items[0]);
    await rest.completeUserTask({ userTaskKey: task.userTaskKey, variables: { escalationDecision: 'refer', escalationOpinion: '移送问责' } } as never);
    await refer.done();
    // then
    const steps = (await auditTrail(env.store.db, { entity: 'inspections', entityId: inspectionId })).map((e) => e.action).filter((a) => a.startsWith('escalate:'));
    expect(steps).toEqual(['escalate:催办', 'escalate:督办函', 'escalate:通报', 'escalate:挂牌']);
    expect((await documentRegister(env.store.db, { docType: 'supervision-letter' }))).toHaveLength(1);
    const [referral] = await documentRegister(env.store.db, { docType: 'handover-letter' });
    expect(referral.title).toBe('关于移送安全生产巡查问题线索的函');
    expect((await assessmentOf(env.store.db, inspectionId))?.score).toBe(94); // three escalation steps so far at the time of 通报: −6
    expect(env.runtime.stats.fail).toBe(0);
  }, 60_000);
});
