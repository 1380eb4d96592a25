import { eventually, fixture, NOW, restCall, startContractEnv, type ContractEnv } from './harness';

/** OCA brands its key types; the wire carries plain strings. */
const key = (value: unknown) => value as never;

/** `POST /v2/process-instances/{key}/modification` through the orchestration-cluster client of @camunda8/sdk. */
describe('process instance modification over REST /v2', () => {
  let env: ContractEnv;

  beforeAll(async () => {
    env = await startContractEnv();
    await env.strictRest.deployResourcesFromFiles([fixture('contract-modify.bpmn')]);
  });
  afterAll(async () => {
    await env.close();
  });

  const elements = async (processInstanceKey: string) =>
    (await env.strictRest.searchElementInstances({ filter: { processInstanceKey: key(processInstanceKey) } }, NOW)).items ?? [];
  const elementIn = (processInstanceKey: string, elementId: string, state: string) =>
    eventually(async () => (await elements(processInstanceKey)).find((e) => e.elementId === elementId && e.state === state), 20_000);
  const start = async (caseId: string) =>
    (await env.strictRest.createProcessInstance({ processDefinitionId: 'contract-modify', variables: { caseId } })).processInstanceKey;

  it('moves the token: terminates the active task and activates another one with the variables given', async () => {
    // given
    const processInstanceKey = await start('改-1');
    const register = await elementIn(processInstanceKey, 'register', 'ACTIVE');
    // when
    await env.strictRest.modifyProcessInstance({
      processInstanceKey: key(processInstanceKey),
      activateInstructions: [{ elementId: 'review', variableInstructions: [{ variables: { 复核人: '王科长' } }] }],
      terminateInstructions: [{ elementInstanceKey: key(register.elementInstanceKey) }],
    });
    // then
    await elementIn(processInstanceKey, 'register', 'TERMINATED');
    await elementIn(processInstanceKey, 'review', 'ACTIVE');
    const jobs = await env.strictRest.activateJobs({ type: 'contract-review', worker: 'contract', timeout: 30_000, maxJobsToActivate: 5, requestTimeout: 5_000 });
    // a cluster may still hold jobs of earlier runs; this instance has exactly one
    const mine = jobs.jobs.filter((j) => j.processInstanceKey === processInstanceKey);
    expect(mine.map((j) => j.variables)).toEqual([{ caseId: '改-1', 复核人: '王科长' }]);
    await env.strictRest.completeJob({ jobKey: mine[0]!.jobKey, variables: {} });
    await eventually(async () => (await env.strictRest.getProcessInstance({ processInstanceKey: key(processInstanceKey) }, NOW)).state === 'COMPLETED', 20_000);
  });

  it('answers 204 with no body on the wire', async () => {
    // given
    const processInstanceKey = await start('改-2');
    await elementIn(processInstanceKey, 'register', 'ACTIVE');
    // when
    const res = await restCall(env, 'POST', `/process-instances/${processInstanceKey}/modification`, {
      activateInstructions: [{ elementId: 'review', ancestorElementInstanceKey: '-1' }],
    });
    // then
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    await elementIn(processInstanceKey, 'review', 'ACTIVE');
    await env.strictRest.cancelProcessInstance({ processInstanceKey: key(processInstanceKey) });
  });

  it('activates in the flow scope instance named by its key, with variables local to the element', async () => {
    // given
    const processInstanceKey = await start('改-4');
    const register = await elementIn(processInstanceKey, 'register', 'ACTIVE');
    // when
    await env.strictRest.modifyProcessInstance({
      processInstanceKey: key(processInstanceKey),
      activateInstructions: [{ elementId: 'review', ancestorElementInstanceKey: key(processInstanceKey), variableInstructions: [{ variables: { 复核意见: '同意' }, scopeId: 'review' }] }],
      terminateInstructions: [{ elementInstanceKey: key(register.elementInstanceKey) }],
    });
    // then
    const review = await elementIn(processInstanceKey, 'review', 'ACTIVE');
    const local = await eventually(async () => {
      const found = await env.strictRest.searchVariables({ filter: { processInstanceKey: key(processInstanceKey), name: '复核意见' } }, NOW);
      return found.items?.length ? found.items : undefined;
    }, 20_000);
    expect(local.map((v) => [v.scopeKey, v.value])).toEqual([[review.elementInstanceKey, '"同意"']]);
    await env.strictRest.cancelProcessInstance({ processInstanceKey: key(processInstanceKey) });
  });

  it('refuses an element the process does not have with 400 and the engine\'s text, and changes nothing', async () => {
    // given
    const processInstanceKey = await start('改-3');
    const register = await elementIn(processInstanceKey, 'register', 'ACTIVE');
    // when
    const refused = env.strictRest.modifyProcessInstance({
      processInstanceKey: key(processInstanceKey),
      activateInstructions: [{ elementId: 'nowhere' }],
      terminateInstructions: [{ elementInstanceKey: key(register.elementInstanceKey) }],
    });
    // then
    await expect(refused).rejects.toMatchObject({ status: 400 });
    const raw = await restCall(env, 'POST', `/process-instances/${processInstanceKey}/modification`, { activateInstructions: [{ elementId: 'nowhere' }] });
    expect(raw.status).toBe(400);
    expect(raw.headers.get('content-type')).toContain('application/problem+json');
    expect(raw.body).toMatchObject({
      title: 'INVALID_ARGUMENT',
      detail: expect.stringContaining("Expected to modify instance of process 'contract-modify' but it contains one or more activate instructions with an element that could not be found: 'nowhere'"),
    });
    expect((await elements(processInstanceKey)).filter((e) => e.elementId === 'register').map((e) => e.state)).toEqual(['ACTIVE']);
    await env.strictRest.cancelProcessInstance({ processInstanceKey: key(processInstanceKey) });
  });

  it('answers 404 for a process instance that does not exist, and 400 for an instruction without an element or a variable instruction without variables', async () => {
    // when
    const missing = await restCall(env, 'POST', '/process-instances/2251799813999999/modification', { activateInstructions: [{ elementId: 'review' }] });
    const noElement = await restCall(env, 'POST', '/process-instances/2251799813999999/modification', { activateInstructions: [{ variableInstructions: [] }] });
    const noVariables = await restCall(env, 'POST', '/process-instances/2251799813999999/modification', { activateInstructions: [{ elementId: 'review', variableInstructions: [{ variables: {} }] }] });
    // then
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ title: 'NOT_FOUND' });
    expect(noElement.status).toBe(400);
    expect(noVariables.status).toBe(400);
  });
});
