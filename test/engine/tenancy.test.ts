import { Rejection } from '../../src/engine/api';
import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

const refusal = (request: string, tenants: string) => ({
  rejectionType: 'INVALID_ARGUMENT',
  reason: `Expected to handle request ${request} with tenant identifier${tenants.startsWith('[') ? `s ${tenants}` : ` '${tenants}'`}, but multi-tenancy is disabled`,
});

describe('engine API without multi-tenancy: only the <default> tenant', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
    await h.deploy(bpmn('work').start().serviceTask('task', { type: 'work' }).end());
  });
  afterEach(() => h.close());

  it('rejects every command that names another tenant, and writes nothing', async () => {
    // given
    const recordsBefore = h.records.length;
    const resource = { name: 'other.bpmn', content: Buffer.from(bpmn('other').start().end().xml()) };
    // when
    const attempts = [
      [h.engine.deploy([resource], 'acme'), refusal('Deploy Resources', 'acme')],
      [h.engine.createProcessInstance({ bpmnProcessId: 'work', tenantId: 'acme' }), refusal('Create Process Instance', 'acme')],
      [h.engine.createProcessInstanceWithResult({ bpmnProcessId: 'work', tenantId: 'acme' }), refusal('Create Process Instance', 'acme')],
      [h.engine.publishMessage({ name: 'm', correlationKey: 'k', tenantId: 'acme' }), refusal('Publish Message', 'acme')],
      [h.engine.correlateMessage({ name: 'm', correlationKey: 'k', tenantId: 'acme' }), refusal('Correlate Message', 'acme')],
      [h.engine.broadcastSignal({ signalName: 's', tenantId: 'acme' }), refusal('Broadcast Signal', 'acme')],
      [h.engine.evaluateDecision({ decisionId: 'd', tenantId: 'acme' }), refusal('Evaluate Decision', 'acme')],
      [h.engine.activateJobs({ type: 'work', worker: 'w', timeout: 1000, maxJobsToActivate: 1, tenantIds: ['<default>', 'acme'] }), refusal('Activate Jobs', '[<default>, acme]')],
    ] as const;
    // then
    for (const [attempt, expected] of attempts) {
      await expect(attempt).rejects.toBeInstanceOf(Rejection);
      await expect(attempt).rejects.toMatchObject(expected);
    }
    expect(() => h.engine.openJobStream({ type: 'work', worker: 'w', timeout: 1000, tenantIds: ['acme'] }, { push: () => true }))
      .toThrow(expect.objectContaining(refusal('Stream Activated Jobs', 'acme')) as Error);
    expect(h.records.length).toBe(recordsBefore);
  });

  it('accepts the <default> tenant named explicitly', async () => {
    // when
    const named = await h.engine.createProcessInstance({ bpmnProcessId: 'work', tenantId: '<default>' });
    const omitted = await h.engine.createProcessInstance({ bpmnProcessId: 'work' });
    const jobs = await h.engine.activateJobs({ type: 'work', worker: 'w', timeout: 1000, maxJobsToActivate: 5, requestTimeout: -1, tenantIds: ['<default>'] });
    // then
    expect([named.tenantId, omitted.tenantId]).toEqual(['<default>', '<default>']);
    expect(jobs).toHaveLength(2);
  });
});
