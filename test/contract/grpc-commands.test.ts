import { elementInstances, eventually, instanceState, fixture, restCall, startContractEnv, type ContractEnv } from './harness';
import { observed } from '../support/observed';

describe('gRPC commands through @camunda8/sdk: errors, variables, retries, decisions, deletion, limits', () => {
  let env: ContractEnv;

  beforeAll(async () => {
    env = await startContractEnv();
    await env.zbc.deployResources([
      { processFilename: fixture('contract-error.bpmn') },
      { processFilename: fixture('contract-user-task.bpmn') },
      { formFilename: fixture('contract-review-form.form') },
      { decisionFilename: fixture('contract-risk.dmn') },
    ] as never);
  });
  afterAll(async () => {
    await env.close();
  });

  const activateOne = async (type: string) => {
    const jobs = await env.zbc.activateJobs({ type, worker: 'contract', timeout: 30_000, maxJobsToActivate: 1, requestTimeout: 5_000 });
    expect(jobs).toHaveLength(1);
    return jobs[0];
  };

  it('throws a business error that the boundary event catches', async () => {
    // given
    const created = await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-error', variables: {} });
    const job = await activateOne('contract-verify');
    // when
    await env.zbc.throwError({ jobKey: job.key, errorCode: 'NOT_QUALIFIED', errorMessage: '证照过期' });
    // then
    await eventually(async () => (await instanceState(env, created.processInstanceKey)) === 'COMPLETED');
    expect((await elementInstances(env, created.processInstanceKey)).map((e) => e.elementId)).toContain('rejected');
  });

  it('sets variables, updates retries and timeout, and fails a job with a back-off', async () => {
    // given
    const created = await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-error', variables: { 批次: 1 } });
    const job = await activateOne('contract-verify');
    // when
    const set = await env.zbc.setVariables({ elementInstanceKey: created.processInstanceKey, variables: { 批次: 2, 备注: '复核' }, local: false });
    await env.zbc.updateJobRetries({ jobKey: job.key, retries: 5 });
    await env.zbc.updateJobTimeout({ jobKey: job.key, timeout: 60_000 });
    await env.zbc.failJob({ jobKey: job.key, retries: 4, errorMessage: '暂时无法连接', retryBackOff: 3_600_000 });
    const immediately = await env.zbc.activateJobs({ type: 'contract-verify', worker: 'contract', timeout: 30_000, maxJobsToActivate: 1, requestTimeout: -1 });
    // then
    expect((set as unknown as { key: string }).key).toMatch(/^\d+$/);
    const variables = (await restCall(env, 'POST', '/variables/search', { filter: { processInstanceKey: created.processInstanceKey }, sort: [{ field: 'name' }] })).body as { items: { name: string; value: string }[] };
    expect(variables.items.map((v) => [v.name, v.value])).toEqual([['备注', '"复核"'], ['批次', '2']]);
    expect(immediately).toEqual([]);
    const jobs = (await restCall(env, 'POST', '/jobs/search', { filter: { jobKey: job.key } })).body as { items: { state: string; retries: number; errorMessage: string }[] };
    expect(jobs.items).toEqual([expect.objectContaining({ state: 'FAILED', retries: 4, errorMessage: '暂时无法连接' })]);
    await env.zbc.cancelProcessInstance(created.processInstanceKey);
  });

  it('refuses to migrate an unknown process instance with Zeebe\'s rejection', async () => {
    // when
    const migration = env.zbc.migrateProcessInstance({
      processInstanceKey: '2251799813685999',
      migrationPlan: { targetProcessDefinitionKey: '2251799813685998', mappingInstructions: [] },
    });
    // then
    await expect(migration).rejects.toMatchObject({
      code: 5,
      details: expect.stringContaining("Expected to migrate process instance but no process instance found with key '2251799813685999'"),
    });
  });

  it('lists a deployment\'s processes, decisions, decision requirements and forms in that order, as Zeebe does', async () => {
    // when: the resources are given in the opposite order
    const deployed = await env.zbc.deployResources([
      { formFilename: fixture('contract-review-form.form') },
      { decisionFilename: fixture('contract-risk.dmn') },
      { processFilename: fixture('contract-straight.bpmn') },
    ] as never);
    // then
    const kinds = (deployed.deployments as Record<string, unknown>[]).map((d) => Object.keys(d).find((k) => d[k] !== undefined && d[k] !== null));
    expect(kinds).toEqual(['process', 'decision', 'decisionRequirements', 'form']);
  });

  it('evaluates a decision by id', async () => {
    // when
    const result = await env.zbc.evaluateDecision({ decisionId: 'contract-risk', variables: { hazards: 4 } });
    // then
    expect(JSON.parse(result.decisionOutput)).toBe('重大');
    expect(result).toMatchObject({ decisionId: 'contract-risk', decisionName: '风险等级', decisionVersion: 1 });
    expect(result.evaluatedDecisions[0].matchedRules).toEqual([expect.objectContaining({ ruleId: 'r1', ruleIndex: 1 })]);
  });

  it('deletes a process definition, after which it cannot be started', async () => {
    // given
    const deployed = await env.zbc.deployResource({ processFilename: fixture('contract-straight.bpmn') });
    const key = deployed.deployments[0].process.processDefinitionKey;
    // when
    await env.zbc.deleteResource({ resourceKey: key });
    const start = observed(env.zbc.createProcessInstance({ bpmnProcessId: 'contract-straight', variables: {} }));
    const again = observed(env.zbc.deleteResource({ resourceKey: key }));
    // then
    await expect(start).rejects.toMatchObject({ code: 5 });
    await expect(again).rejects.toMatchObject({ code: 5 });
  });

  it('refuses a request above the message size limit with INVALID_ARGUMENT, not a retryable code', async () => {
    // when
    const huge = env.zbc.publishMessage({ name: 'contract-receipt', correlationKey: 'x', variables: { blob: 'x'.repeat(4_300_000) } });
    // then
    await expect(huge).rejects.toMatchObject({ code: 3, details: expect.stringContaining('at most 4194304 bytes') });
  });
});
