import { join } from 'node:path';
import { startWorkerEngine, type WorkerEngine } from '../support/worker-engine';

/** The SDK does not reopen a job stream the gateway broke; the runtime notices the outage and reopens them. */
describe('gRPC job streams across a gateway restart', () => {
  let env: WorkerEngine;

  beforeAll(async () => {
    env = await startWorkerEngine('grpc-stream', { healthCheckMs: 200 });
    await env.zbc.deployResource({ processFilename: join(__dirname, 'fixtures/worker-e2e.bpmn') });
  }, 60_000);
  afterAll(async () => { await env.close(); }, 30_000);

  it('reopens the streams when the gateway is back and handles the next jobs', async () => {
    // given the gateway goes away (the runtime sees it) and comes back on the same port
    const reopened = new Promise<void>((resolve) => env.runtime.events.once('reopened', () => resolve()));
    await env.restartGateways();
    await reopened;
    // when
    const result = await env.zbc.createProcessInstanceWithResult({
      bpmnProcessId: 'worker-e2e', requestTimeout: 8_000,
      variables: { unitCode: '370404101', onsiteEnd: '2026-03-20T17:00:00+08:00', departmentCode: 'YC-M-07',
        problems: [{ category: 'C5', severity: '一般', description: '燃气调压站未设置防护栏' }], receiptAccepted: true },
    });
    // then: finished well before the SDK's 10 s sidecar poll would have picked the jobs up
    expect(result.variables).toMatchObject({ reportDue: '2026-04-07T23:59:59+08:00', handoverNo: '峄安委办〔2026〕1号' });
  }, 30_000);
});
