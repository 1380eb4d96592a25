import { eventually, fixture, NOW, restCall, startContractEnv, type ContractEnv } from './harness';

/** OCA brands its key types; the wire carries plain strings. */
const key = (value: unknown) => value as never;

describe('REST /v2 through the orchestration-cluster client of @camunda8/sdk', () => {
  let env: ContractEnv;

  beforeAll(async () => {
    env = await startContractEnv();
    await env.strictRest.deployResourcesFromFiles([
      fixture('contract-service.bpmn'),
      fixture('contract-rest.bpmn'),
      fixture('contract-user-task.bpmn'),
      fixture('contract-review-form.form'),
      fixture('contract-message.bpmn'),
      fixture('contract-timer.bpmn'),
    ]);
    // starting an engine and deploying six resources can take longer than jest's 5 s on a busy machine
  }, 30_000);
  afterAll(async () => {
    await env.close();
  });

  const instanceState = async (processInstanceKey: string) =>
    (await env.strictRest.getProcessInstance({ processInstanceKey }, NOW)).state;

  it('deploys from files and lists processes and forms', async () => {
    // when
    const result = await env.strictRest.deployResourcesFromFiles([fixture('contract-user-task.bpmn'), fixture('contract-review-form.form')]);
    // then
    expect(result.processes).toEqual([expect.objectContaining({ processDefinitionId: 'contract-user-task', processDefinitionVersion: 1 })]);
    expect(result.forms).toEqual([expect.objectContaining({ formId: 'contract-review-form', version: 1 })]);
  });

  it('deletes a process definition through POST /v2/resources/{key}/deletion, after which it cannot be started', async () => {
    // given
    const deployed = await env.strictRest.deployResourcesFromFiles([fixture('contract-straight.bpmn')]);
    const resourceKey = deployed.processes[0]!.processDefinitionKey;
    // when
    await env.strictRest.deleteResource({ resourceKey: key(resourceKey) });
    // then
    const started = await restCall(env, 'POST', '/process-instances', { processDefinitionKey: resourceKey });
    expect(started.status).toBe(404);
    const again = await restCall(env, 'POST', `/resources/${resourceKey}/deletion`, {});
    expect(again.status).toBe(404);
  });

  describe('with a REST job worker', () => {
    let worker: ReturnType<ContractEnv['rest']['createJobWorker']>;

    beforeAll(() => {
      // Short polls: a job created while a poll is being served is picked up by the next poll at the latest.
      worker = env.rest.createJobWorker({
        jobType: 'contract-rest',
        jobTimeoutMs: 30_000,
        maxParallelJobs: 4,
        pollTimeoutMs: 1_000,
        jobHandler: (job) => job.complete({ 结论: `合格-${String((job.variables as { n?: number }).n)}` }),
      });
    });
    afterAll(() => {
      worker.stop();
    });

    it('completes jobs with variables', async () => {
      // when
      const created = await env.strictRest.createProcessInstance({ processDefinitionId: 'contract-rest', variables: { n: 1 } });
      // then
      await eventually(async () => (await instanceState(created.processInstanceKey)) === 'COMPLETED');
      const vars = await env.strictRest.searchVariables({ filter: { processInstanceKey: key(created.processInstanceKey), name: '结论' } }, NOW);
      expect(vars.items.map((v) => v.value)).toEqual(['"合格-1"']);
    });

    it('creates an instance awaiting completion, and answers 504 when it does not complete in time', async () => {
      // when
      const result = await env.strictRest.createProcessInstance({
        processDefinitionId: 'contract-rest', variables: { n: 2 }, awaitCompletion: true, requestTimeout: 20_000,
      } as never);
      const timeout = await restCall(env, 'POST', '/process-instances', { processDefinitionId: 'contract-user-task', awaitCompletion: true, requestTimeout: 200 });
      // then
      expect(result.variables).toEqual({ n: 2, 结论: '合格-2' });
      expect(timeout.status).toBe(504);
      expect(timeout.body).toMatchObject({ title: 'DEADLINE_EXCEEDED' });
    });
  });

  it('publishes and correlates messages', async () => {
    // given
    const first = await env.strictRest.createProcessInstance({ processDefinitionId: 'contract-message', variables: { caseId: 'YC-001' } });
    const second = await env.strictRest.createProcessInstance({ processDefinitionId: 'contract-message', variables: { caseId: 'YC-002' } });
    // when
    const published = await env.strictRest.publishMessage({ name: 'contract-receipt', correlationKey: 'YC-001', timeToLive: 0, variables: { 回执: '已整改' } });
    const correlated = await env.strictRest.correlateMessage({ name: 'contract-receipt', correlationKey: 'YC-002' });
    const nothing = await restCall(env, 'POST', '/messages/correlation', { name: 'contract-receipt', correlationKey: 'YC-999' });
    // then
    expect(published.messageKey).toMatch(/^\d+$/);
    expect(correlated.processInstanceKey).toBe(second.processInstanceKey);
    await eventually(async () => (await instanceState(first.processInstanceKey)) === 'COMPLETED');
    await eventually(async () => (await instanceState(second.processInstanceKey)) === 'COMPLETED');
    expect(nothing.status).toBe(404);
  });

  it('broadcasts a signal and refuses one without a name', async () => {
    // when
    const signal = await env.strictRest.broadcastSignal({ signalName: 'contract-alarm', variables: { 级别: '红色' } });
    const unnamed = await restCall(env, 'POST', '/signals/broadcast', { signalName: '' });
    // then
    expect(signal).toMatchObject({ signalKey: expect.stringMatching(/^\d+$/), tenantId: '<default>' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body).toMatchObject({ title: 'INVALID_ARGUMENT', detail: expect.stringContaining('signalName') });
  });

  it('lists user tasks by candidate group, shows their form, assigns and completes them', async () => {
    // given
    const created = await env.strictRest.createProcessInstance({ processDefinitionId: 'contract-user-task', variables: { 企业: '乙' } });
    const found = await eventually(async () => {
      const page = await env.strictRest.searchUserTasks({ filter: { candidateGroup: 'inspectors', state: 'CREATED', processInstanceKey: key(created.processInstanceKey) } }, NOW);
      return page.items.length === 1 ? page.items[0] : undefined;
    });
    const userTaskKey = found.userTaskKey;
    // when
    // Camunda 8.8 sends the schema as JSON text, which the client's own strict schema does not expect.
    const form = await env.rest.getUserTaskForm({ userTaskKey }, NOW);
    await env.strictRest.assignUserTask({ userTaskKey, assignee: '张科长' });
    const conflict = await restCall(env, 'POST', `/user-tasks/${userTaskKey}/assignment`, { assignee: '李科员', allowOverride: false });
    const assigned = await env.strictRest.searchUserTasks({ filter: { assignee: '张科长', processInstanceKey: key(created.processInstanceKey) } }, NOW);
    await env.strictRest.completeUserTask({ userTaskKey, variables: { opinion: '同意' } });
    // then
    expect(found).toMatchObject({ name: '审核整改报告', candidateGroups: ['inspectors', 'leaders'], processDefinitionId: 'contract-user-task' });
    expect(JSON.parse((form as unknown as { schema: string }).schema)).toMatchObject({ id: 'contract-review-form' });
    expect(conflict.status).toBe(409);
    expect(assigned.items.map((t) => t.userTaskKey)).toEqual([userTaskKey]);
    await eventually(async () => (await instanceState(created.processInstanceKey)) === 'COMPLETED');
    const task = await env.strictRest.getUserTask({ userTaskKey }, NOW);
    expect(task.state).toBe('COMPLETED');
  });

  it('shows an incident for a job out of retries, and resolves it after the retries are raised', async () => {
    // given
    const created = await env.strictRest.createProcessInstance({ processDefinitionId: 'contract-service' });
    const jobs = await env.zbc.activateJobs({ type: 'contract-check', worker: 'failing', timeout: 30_000, maxJobsToActivate: 1, requestTimeout: 5_000 });
    await env.zbc.failJob({ jobKey: jobs[0].key, retries: 0, errorMessage: '数据库连接失败', retryBackOff: 0 });
    // when
    const incident = await eventually(async () => {
      const page = await env.strictRest.searchIncidents({ filter: { processInstanceKey: key(created.processInstanceKey), state: 'ACTIVE' } }, NOW);
      return page.items?.[0];
    });
    const flagged = await env.strictRest.searchProcessInstances({ filter: { hasIncident: true, processInstanceKey: key(created.processInstanceKey) } }, NOW);
    await env.strictRest.updateJob({ jobKey: jobs[0].key, changeset: { retries: 1 } });
    await env.strictRest.resolveIncident({ incidentKey: key(incident.incidentKey) });
    const again = await env.zbc.activateJobs({ type: 'contract-check', worker: 'healthy', timeout: 30_000, maxJobsToActivate: 1, requestTimeout: 5_000 });
    await env.zbc.completeJob({ jobKey: again[0].key, variables: {} });
    // then
    expect(incident).toMatchObject({ errorType: 'JOB_NO_RETRIES', errorMessage: '数据库连接失败', jobKey: jobs[0].key });
    expect(Number(flagged.page.totalItems)).toBe(1);
    await eventually(async () => (await instanceState(created.processInstanceKey)) === 'COMPLETED');
    const resolved = await env.strictRest.getIncident({ incidentKey: key(incident.incidentKey) }, NOW);
    expect(resolved.state).toBe('RESOLVED');
  });

  it('fires a timer when the pinned clock moves past it', async () => {
    // given
    const start = Date.UTC(2026, 0, 5, 8, 0, 0);
    await env.strictRest.pinClock({ timestamp: start });
    const created = await env.strictRest.createProcessInstance({ processDefinitionId: 'contract-timer' });
    // when
    await env.strictRest.pinClock({ timestamp: start + 24 * 3600 * 1000 });
    // then
    await eventually(async () => (await instanceState(created.processInstanceKey)) === 'COMPLETED');
    const instance = await env.strictRest.getProcessInstance({ processInstanceKey: created.processInstanceKey }, NOW);
    expect(instance.startDate).toBe('2026-01-05T08:00:00.000Z');
    await env.strictRest.resetClock();
  });

  it('cancels an instance and answers 404 for an unknown one', async () => {
    // given
    const created = await env.strictRest.createProcessInstance({ processDefinitionId: 'contract-user-task' });
    // when
    await env.strictRest.cancelProcessInstance({ processInstanceKey: created.processInstanceKey });
    const unknown = await restCall(env, 'POST', '/process-instances/2251799813999999/cancellation');
    // then
    expect(await instanceState(created.processInstanceKey)).toBe('TERMINATED');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ title: 'NOT_FOUND', status: 404 });
  });
});
