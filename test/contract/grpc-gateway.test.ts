import { eventually, instanceState, fixture, restCall, startContractEnv, type ContractEnv, describeEmbedded } from './harness';
import { observed } from '../support/observed';

describeEmbedded('gRPC gateway translation through @camunda8/sdk against the real engine', () => {
  let env: ContractEnv;

  beforeAll(async () => {
    env = await startContractEnv();
    await env.zbc.deployResource({ processFilename: fixture('contract-gateway.bpmn') });
  });
  afterAll(async () => {
    await env.close();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  /** Starts an instance whose only job has the given type; resolves with the instance key. */
  const startWith = async (jobType: string, variables: Record<string, unknown> = {}) =>
    (await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-gateway', variables: { jobType, ...variables } })).processInstanceKey;
  const jobOf = async (processInstanceKey: string) => {
    const res = await restCall(env, 'POST', '/jobs/search', { filter: { processInstanceKey } });
    return (res.body as { items: { jobKey: string; state: string }[] }).items[0];
  };

  it('answers Topology with one healthy leader of partition 1 on its own port', async () => {
    // when
    const topology = await env.zbc.topology();
    // then
    expect(topology.brokers).toHaveLength(1);
    expect(topology.brokers[0].partitions).toEqual([{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }]);
    expect(topology.brokers[0].port).toBe(env.gateways.grpcPort);
  });

  it('refuses a job activation without type, maximum or timeout with the broker\'s rejection texts', async () => {
    // when
    const attempts = [
      { type: '', maxJobsToActivate: 1, timeout: 30_000 },
      { type: 'gw-none', maxJobsToActivate: 0, timeout: 30_000 },
      { type: 'gw-none', maxJobsToActivate: 1, timeout: 0 },
    ].map((req) => observed(env.zbc.activateJobs({ ...req, worker: 'w', requestTimeout: -1 })));
    // then
    const rejected = (reason: string) => ({ code: 3, details: `Command 'ACTIVATE' rejected with code 'INVALID_ARGUMENT': ${reason}` });
    await expect(attempts[0]).rejects.toMatchObject(rejected('Expected to activate job batch with type to be present, but it was blank'));
    await expect(attempts[1]).rejects.toMatchObject(rejected("Expected to activate job batch with max jobs to activate to be greater than zero, but it was '0'"));
    await expect(attempts[2]).rejects.toMatchObject(rejected("Expected to activate job batch with timeout to be greater than zero, but it was '0'"));
  });

  it('maps rejections to Zeebe status codes with the engine message text', async () => {
    // given
    const instance = await startWith('gw-reject');
    const [job] = await env.zbc.activateJobs({ type: 'gw-reject', worker: 'w', timeout: 30_000, maxJobsToActivate: 1, requestTimeout: 5_000 });
    await env.zbc.failJob({ jobKey: job.key, retries: 0, errorMessage: '无法连接', retryBackOff: 0 });
    // when
    const notFound = observed(env.zbc.completeJob({ jobKey: '2251799813685404', variables: {} }));
    const invalidState = observed(env.zbc.completeJob({ jobKey: job.key, variables: {} }));
    // then
    await expect(notFound).rejects.toMatchObject({
      code: 5,
      details: expect.stringMatching(/^Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key '2251799813685404', but no such job was found/),
    });
    await expect(invalidState).rejects.toMatchObject({
      code: 9,
      details: expect.stringContaining(`rejected with code 'INVALID_STATE': Expected to complete job with key '${job.key}', but it is in state 'FAILED'`),
    });
    await env.zbc.cancelProcessInstance(instance);
  });

  it('passes completion variables through as JSON and refuses a variable document that is not an object', async () => {
    // given
    const instance = await startWith('gw-vars');
    const [job] = await env.zbc.activateJobs({ type: 'gw-vars', worker: 'w', timeout: 30_000, maxJobsToActivate: 1, requestTimeout: 5_000 });
    // when
    await env.zbc.completeJob({ jobKey: job.key, variables: { 结论: '合格', 分数: 95 } });
    const bad = observed(env.zbc.setVariables({ elementInstanceKey: instance, variables: [1, 2] as never, local: false }));
    // then
    await eventually(async () => (await instanceState(env, instance)) === 'COMPLETED');
    const vars = await restCall(env, 'POST', '/variables/search', { filter: { processInstanceKey: instance }, sort: [{ field: 'name' }] });
    expect((vars.body as { items: { name: string; value: string }[] }).items.map((v) => [v.name, v.value])).toEqual([
      ['jobType', '"gw-vars"'], ['分数', '95'], ['结论', '"合格"'],
    ]);
    await expect(bad).rejects.toMatchObject({ code: 3, details: expect.stringContaining("Property 'variables' is invalid") });
  });

  it('long-polls ActivateJobs and answers as soon as a job is created', async () => {
    // given
    const activate = jest.spyOn(env.engine, 'activateJobs');
    const polling = env.zbc.activateJobs({ type: 'gw-poll', worker: 'w1', timeout: 30_000, maxJobsToActivate: 5, requestTimeout: 20_000 });
    // The engine holds the request: there is no job of this type yet.
    await eventually(() => activate.mock.calls.length === 1);
    // when
    const instance = await startWith('gw-poll', { 企业: '甲' });
    const jobs = await polling;
    // then
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      key: (await jobOf(instance)).jobKey, worker: 'w1', variables: { 企业: '甲', jobType: 'gw-poll' }, customHeaders: { 区: '峄城' },
    });
    expect(activate).toHaveBeenCalledTimes(1);
    await env.zbc.completeJob({ jobKey: jobs[0].key, variables: {} });
  });

  it('pushes jobs to StreamActivatedJobs, and closes the engine-side stream when the client goes away', async () => {
    // given
    const closed: string[] = [];
    const original = env.engine.openJobStream.bind(env.engine);
    const open = jest.spyOn(env.engine, 'openJobStream').mockImplementation((req, stream) => {
      const close = original(req, stream);
      return () => {
        closed.push(req.worker);
        close();
      };
    });
    const received: string[] = [];
    const worker = await env.zbc.streamJobs({
      type: 'gw-stream', worker: 'streamer', timeout: 30_000, tenantIds: [],
      taskHandler: (job) => {
        received.push(job.key);
        return job.complete();
      },
    });
    await eventually(() => open.mock.calls.length === 1);
    const pushed = await startWith('gw-stream');
    await eventually(async () => (await instanceState(env, pushed)) === 'COMPLETED');
    // when
    worker.close();
    await eventually(() => closed.length === 1);
    const after = await startWith('gw-stream');
    // then
    expect(received).toEqual([(await jobOf(pushed)).jobKey]);
    const left = await env.zbc.activateJobs({ type: 'gw-stream', worker: 'poller', timeout: 30_000, maxJobsToActivate: 5, requestTimeout: -1 });
    expect(left.map((j) => j.processInstanceKey)).toEqual([after]);
    await env.zbc.completeJob({ jobKey: left[0].key, variables: {} });
  });
});
