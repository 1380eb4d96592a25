import { fixture, restCall, startContractEnv, type ContractEnv, describeEmbedded } from './harness';

describeEmbedded('REST /v2 gateway translation against the real engine', () => {
  let env: ContractEnv;

  beforeAll(async () => {
    // A small body limit, so an oversized request needs no megabytes.
    env = await startContractEnv({ limits: { maxJsonBodyBytes: 1024 } });
    await env.zbc.deployResource({ processFilename: fixture('contract-gateway.bpmn') });
  });
  afterAll(async () => {
    await env.close();
  });

  const startWith = async (jobType: string, variables: Record<string, unknown> = {}) =>
    (await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-gateway', variables: { jobType, ...variables } })).processInstanceKey;
  const management = (path: string, method: string, body?: unknown) =>
    fetch(`http://127.0.0.1:${env.gateways.managementPort}${path}`, {
      method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('answers a precise 400 problem for an invalid body', async () => {
    // when
    const res = await restCall(env, 'POST', '/jobs/activation', { type: '', timeout: 0, maxJobsToActivate: 1 });
    // then
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = res.body as { detail: string };
    expect(problem).toMatchObject({ status: 400, title: 'INVALID_ARGUMENT', instance: '/v2/jobs/activation' });
    expect(problem.detail).toContain('type: expected a non-empty job type');
    expect(problem.detail).toContain('timeout: expected a lock timeout of at least 1 ms');
  });

  it('answers engine rejections with Camunda status codes', async () => {
    // given
    const instance = await startWith('rest-reject');
    const [job] = await env.zbc.activateJobs({ type: 'rest-reject', worker: 'w', timeout: 30_000, maxJobsToActivate: 1, requestTimeout: 5_000 });
    await env.zbc.failJob({ jobKey: job.key, retries: 0, errorMessage: '无法连接', retryBackOff: 0 });
    // when
    const notFound = await restCall(env, 'POST', '/jobs/2251799813685404/completion', {});
    const conflict = await restCall(env, 'POST', `/jobs/${job.key}/completion`, { variables: {} });
    const badKey = await restCall(env, 'POST', '/jobs/abc/completion', {});
    // then
    expect(notFound.status).toBe(404);
    expect(notFound.body).toMatchObject({ title: 'NOT_FOUND', detail: expect.stringContaining("Command 'COMPLETE' rejected with code 'NOT_FOUND'") });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ title: 'INVALID_STATE' });
    expect(badKey.status).toBe(400);
    await env.zbc.cancelProcessInstance(instance);
  });

  it('activates jobs with variables and headers as objects and keys as strings', async () => {
    // given
    const instance = await startWith('rest-activate', { 企业: '甲' });
    // when
    const res = await restCall(env, 'POST', '/jobs/activation', {
      type: 'rest-activate', worker: 'w', timeout: 1000, maxJobsToActivate: 2, requestTimeout: -1, fetchVariable: ['企业'],
    });
    // then
    expect(res.status).toBe(200);
    const jobs = (res.body as { jobs: Record<string, unknown>[] }).jobs;
    expect(jobs).toEqual([
      expect.objectContaining({
        jobKey: expect.stringMatching(/^\d+$/), processInstanceKey: instance, variables: { 企业: '甲' }, customHeaders: { 区: '峄城' }, kind: 'BPMN_ELEMENT',
      }),
    ]);
    await env.zbc.cancelProcessInstance(instance);
  });

  it('rejects oversized and malformed JSON bodies, unknown filter fields and unknown endpoints', async () => {
    // when
    const large = await restCall(env, 'POST', '/messages/publication', { name: 'x', variables: { blob: 'x'.repeat(4000) } });
    const malformed = await fetch(`${env.restUrl}/messages/publication`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":' });
    const unknownFilter = await restCall(env, 'POST', '/user-tasks/search', { filter: { colour: 'red' } });
    const unknown = await restCall(env, 'GET', '/nothing-here');
    // then
    expect(large.status).toBe(413);
    expect(malformed.status).toBe(400);
    expect(unknownFilter.status).toBe(400);
    expect((unknownFilter.body as { detail: string }).detail).toContain('colour');
    expect(unknown.status).toBe(404);
  });

  it('pins the clock over REST, moves it on the management port and resets it there', async () => {
    // when
    const pin = await restCall(env, 'PUT', '/clock', { timestamp: '1767225600000' });
    const added = await management('/actuator/clock/add', 'POST', { offsetMilli: 60_000 });
    const pinnedNow = env.engine.clock.now();
    const reset = await management('/actuator/clock', 'DELETE');
    // then
    expect(pin.status).toBe(204);
    expect(await added.json()).toEqual({ epochMilli: 1_767_225_660_000, instant: '2026-01-01T00:01:00.000Z' });
    expect(pinnedNow).toBe(1_767_225_660_000);
    expect(reset.status).toBe(200);
    expect(Math.abs(env.engine.clock.now() - Date.now())).toBeLessThan(60_000);
  });
});
