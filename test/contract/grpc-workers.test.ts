import { eventually, fixture, NOW, startContractEnv, TARGET, type ContractEnv } from './harness';
import { observed } from '../support/observed';

/** A fresh embedded engine starts at version 1; a shared cluster may already hold earlier versions. */
const firstVersion = TARGET === 'embedded' ? 1 : expect.any(Number);
const itEmbedded = TARGET === 'embedded' ? it : it.skip;

describe('gRPC through @camunda8/sdk: workers, deployment, instances', () => {
  let env: ContractEnv;

  beforeAll(async () => {
    env = await startContractEnv();
  });
  afterAll(async () => {
    await env.close();
  });

  it('deploys BPMN and form files and reports their keys', async () => {
    // when
    const result = await env.zbc.deployResources([
      { processFilename: fixture('contract-service.bpmn') },
      { formFilename: fixture('contract-review-form.form') },
    ] as never);
    // then
    expect(result.deployments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ process: expect.objectContaining({ bpmnProcessId: 'contract-service', version: firstVersion, resourceName: fixture('contract-service.bpmn') }) }),
        expect.objectContaining({ form: expect.objectContaining({ formId: 'contract-review-form', version: firstVersion, formKey: expect.stringMatching(/^\d+$/) }) }),
      ]),
    );
    expect(result.key).toMatch(/^\d+$/);
  });

  it('runs a polling worker: it receives variables and headers, and its completion finishes the instance', async () => {
    // given
    await env.zbc.deployResource({ processFilename: fixture('contract-service.bpmn') });
    const seen: { variables: unknown; headers: unknown }[] = [];
    const worker = env.zbc.createWorker({
      taskType: 'contract-check',
      // Short long-polls keep the test quick even when a job is created while a poll is being served.
      longPoll: 1_000,
      taskHandler: (job) => {
        seen.push({ variables: job.variables, headers: job.customHeaders });
        return job.complete({ 结论: '合格' });
      },
    });
    try {
      // when
      const instance = await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-service', variables: { 企业: '峄城水泥厂' } });
      // then
      await eventually(async () => {
        const res = await env.rest.getProcessInstance({ processInstanceKey: instance.processInstanceKey }, NOW);
        return res.state === 'COMPLETED' ? res : undefined;
      });
      expect(seen).toEqual([{ variables: { 企业: '峄城水泥厂' }, headers: { 区: '峄城' } }]);
    } finally {
      await worker.close();
    }
  });

  it('runs streaming workers that share the jobs, and createProcessInstanceWithResult returns the outcome', async () => {
    // given
    await env.zbc.deployResource({ processFilename: fixture('contract-service.bpmn') });
    const handledBy: string[] = [];
    const streams = await Promise.all(
      ['a', 'b'].map((name) =>
        env.zbc.streamJobs({
          type: 'contract-check',
          worker: `stream-${name}`,
          timeout: 30_000,
          tenantIds: [],
          taskHandler: (job) => {
            handledBy.push(name);
            return job.complete({ 处理人: name });
          },
        }),
      ),
    );
    try {
      // when
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          env.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'contract-service', variables: { n: i }, requestTimeout: 20_000 }),
        ),
      );
      // then
      expect(results.map((r) => r.variables.n).sort()).toEqual([0, 1, 2, 3, 4, 5]);
      expect(results.every((r) => r.variables.处理人 === 'a' || r.variables.处理人 === 'b')).toBe(true);
      expect(handledBy).toHaveLength(6);
    } finally {
      streams.forEach((s) => s.close());
    }
  });

  // Camunda answers DEADLINE_EXCEEDED here, which the SDK retries (creating an instance each time); the embedded
  // engine answers ABORTED instead, so this behaviour is the embedded engine's own.
  itEmbedded('ends createProcessInstanceWithResult that does not complete in time with a code the SDK does not retry', async () => {
    // given
    await env.zbc.deployResources([{ processFilename: fixture('contract-user-task.bpmn') }, { formFilename: fixture('contract-review-form.form') }] as never);
    // when
    const waiting = env.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'contract-user-task', variables: {}, requestTimeout: 300 });
    // then
    await expect(waiting).rejects.toMatchObject({ code: 10, details: expect.stringContaining('within the request timeout') });
    const started = await env.rest.searchProcessInstances({ filter: { processDefinitionId: 'contract-user-task' } } as never, NOW);
    expect(Number(started.page.totalItems)).toBe(1);
  });

  it('cancels an instance, and refuses a second cancellation with NOT_FOUND', async () => {
    // given
    await env.zbc.deployResource({ processFilename: fixture('contract-service.bpmn') });
    const instance = await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-service', variables: {} });
    // when
    await env.zbc.cancelProcessInstance(instance.processInstanceKey);
    const again = env.zbc.cancelProcessInstance(instance.processInstanceKey);
    // then
    await expect(again).rejects.toMatchObject({ code: 5, details: expect.stringContaining("rejected with code 'NOT_FOUND'") });
    const state = await env.rest.getProcessInstance({ processInstanceKey: instance.processInstanceKey }, NOW);
    expect(state.state).toBe('TERMINATED');
  });

  it('answers a job completion that is not possible with Zeebe status codes', async () => {
    // when
    const missing = observed(env.zbc.completeJob({ jobKey: '2251799813685999', variables: {} }));
    const unknownProcess = observed(env.zbc.createProcessInstance({ bpmnProcessId: 'no-such-process', variables: {} }));
    // then
    await expect(missing).rejects.toMatchObject({ code: 5 });
    await expect(unknownProcess).rejects.toMatchObject({
      code: 5,
      details: "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID 'no-such-process', but none found",
    });
  });
});
