import { activeElement, elementInstances, eventually, fixture, instanceState, startContractEnv, type ContractEnv } from './harness';


/** Modification that creates an event sub-process scope or a multi-instance body, through the gRPC client of @camunda8/sdk. */
describe('process instance modification into event sub-processes and multi-instance activities', () => {
  let env: ContractEnv;

  beforeAll(async () => {
    env = await startContractEnv();
    await env.zbc.deployResources([{ processFilename: fixture('contract-modify-scopes.bpmn') }] as never);
  });
  afterAll(async () => {
    await env.close();
  });

  const poll = (type: string, requestTimeout: number) =>
    env.zbc.activateJobs({ type, worker: 'contract', timeout: 30_000, maxJobsToActivate: 5, requestTimeout });

  it('activates a task inside an event sub-process: the sub-process instance is created, its start event is not run, nothing is interrupted', async () => {
    // given
    const { processInstanceKey } = await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-modify-scopes', variables: { caseId: '案-1', sites: [] } });
    await activeElement(env, processInstanceKey, 'register');
    // when
    await env.zbc.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [{ elementId: 'escalate', ancestorElementInstanceKey: '-1', variableInstructions: [{ variables: { 督办人: '李主任' }, scopeId: 'urgent' }] }],
    });
    // then
    const escalate = await poll('contract-scopes-escalate', 5_000);
    expect(escalate.map((j) => j.variables)).toEqual([{ caseId: '案-1', sites: [], 督办人: '李主任' }]);
    const urgent = await activeElement(env, processInstanceKey, 'urgent');
    expect(urgent.type).toBe('EVENT_SUB_PROCESS');
    expect((await elementInstances(env, processInstanceKey)).map((e) => e.elementId)).not.toContain('urgent-start');
    const register = await poll('contract-scopes-register', 5_000);
    expect(register).toHaveLength(1);
    await env.zbc.completeJob({ jobKey: escalate[0].key, variables: {} });
    await env.zbc.completeJob({ jobKey: register[0].key, variables: {} });
    await eventually(async () => (await instanceState(env, processInstanceKey)) === 'COMPLETED');
  });

  it('activates a multi-instance activity: its body evaluates the input collection given with the modification', async () => {
    // given
    const { processInstanceKey } = await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-modify-scopes', variables: { caseId: '案-2' } });
    const register = await activeElement(env, processInstanceKey, 'register');
    // when
    await env.zbc.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [{ elementId: 'inspect', ancestorElementInstanceKey: '-1', variableInstructions: [{ variables: { sites: ['一号井', '二号井'] }, scopeId: '' }] }],
      terminateInstructions: [{ elementInstanceKey: register.elementInstanceKey }],
    });
    // then
    const inspect = await poll('contract-scopes-inspect', 5_000);
    expect(inspect.map((j) => j.variables.site).sort()).toEqual(['一号井', '二号井']);
    expect((await activeElement(env, processInstanceKey, 'inspect')).type).toBe('MULTI_INSTANCE_BODY');
    for (const job of inspect) await env.zbc.completeJob({ jobKey: job.key, variables: {} });
    await eventually(async () => (await instanceState(env, processInstanceKey)) === 'COMPLETED');
  });

  it('refuses a variable instruction for a scope the process does not have, with Zeebe\'s text', async () => {
    // given
    const { processInstanceKey } = await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-modify-scopes', variables: { caseId: '案-3' } });
    await activeElement(env, processInstanceKey, 'register');
    // when
    const unknownScope = env.zbc.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [{ elementId: 'escalate', ancestorElementInstanceKey: '-1', variableInstructions: [{ variables: {}, scopeId: 'nowhere' }] }],
    });
    // then
    await expect(unknownScope).rejects.toMatchObject({
      code: 3,
      details: expect.stringContaining("Expected to modify instance of process 'contract-modify-scopes' but it contains one or more variable instructions "
        + "with a scope element id that could not be found: 'nowhere'"),
    });
    await env.zbc.cancelProcessInstance(processInstanceKey);
  });
});
