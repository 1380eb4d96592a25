import { activeElement, elementInstances, eventually, fixture, instanceState, restCall, startContractEnv, type ContractEnv } from './harness';


describe('process instance modification and signals through the gRPC client of @camunda8/sdk', () => {
  let env: ContractEnv;

  beforeAll(async () => {
    env = await startContractEnv();
    await env.zbc.deployResources([
      { processFilename: fixture('contract-modify.bpmn') },
      { processFilename: fixture('contract-signal-catch.bpmn') },
      { processFilename: fixture('contract-signal-start.bpmn') },
    ] as never);
  });
  afterAll(async () => {
    await env.close();
  });

  const poll = (type: string, requestTimeout: number) =>
    env.zbc.activateJobs({ type, worker: 'contract', timeout: 30_000, maxJobsToActivate: 5, requestTimeout });

  it('moves an instance from one task to the next, with variables, and the new task runs to the end', async () => {
    // given
    const { processInstanceKey } = await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-modify', variables: { 企业: '甲' } });
    const register = await activeElement(env, processInstanceKey, 'register');
    // when
    await env.zbc.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [{ elementId: 'review', ancestorElementInstanceKey: '-1', variableInstructions: [{ variables: { 复核人: '王科长' }, scopeId: '' }] }],
      terminateInstructions: [{ elementInstanceKey: register.elementInstanceKey }],
    });
    // then
    const reviewJobs = await poll('contract-review', 5_000);
    expect(reviewJobs.map((j) => j.variables)).toEqual([{ 企业: '甲', 复核人: '王科长' }]);
    expect(await poll('contract-register', -1)).toEqual([]);
    expect((await elementInstances(env, processInstanceKey)).find((e) => e.elementId === 'register')?.state).toBe('TERMINATED');
    await env.zbc.completeJob({ jobKey: reviewJobs[0].key, variables: {} });
    await eventually(async () => (await instanceState(env, processInstanceKey)) === 'COMPLETED');
  });

  it('refuses a modification naming an unknown element, and leaves the instance as it was', async () => {
    // given
    const { processInstanceKey } = await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-modify', variables: {} });
    const register = await activeElement(env, processInstanceKey, 'register');
    // when
    const modification = env.zbc.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: [{ elementId: 'no-such-task', ancestorElementInstanceKey: '-1', variableInstructions: [] }],
      terminateInstructions: [{ elementInstanceKey: register.elementInstanceKey }],
    });
    // then
    await expect(modification).rejects.toMatchObject({ code: 3, details: expect.stringContaining("'no-such-task'") });
    expect((await elementInstances(env, processInstanceKey)).map((e) => [e.elementId, e.state])).toEqual(
      expect.arrayContaining([['register', 'ACTIVE']]),
    );
    await env.zbc.cancelProcessInstance(processInstanceKey);
  });

  it('broadcasts a signal that a waiting instance catches and that starts a new instance with its variables', async () => {
    // given
    const waiting = await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-signal-catch', variables: {} });
    await activeElement(env, waiting.processInstanceKey, 'wait');
    // when
    const signal = await env.zbc.broadcastSignal({ signalName: 'contract-halt', variables: { 停产原因: '重大事故隐患' } });
    // then
    expect(signal.key).toMatch(/^\d+$/);
    await eventually(async () => (await instanceState(env, waiting.processInstanceKey)) === 'COMPLETED');
    const caught = await restCall(env, 'POST', '/variables/search', { filter: { processInstanceKey: waiting.processInstanceKey, name: '停产原因' } });
    expect((caught.body as { items: { value: string }[] }).items.map((v) => v.value)).toEqual(['"重大事故隐患"']);
    const notify = await poll('contract-halt-notify', 5_000);
    expect(notify).toHaveLength(1);
    expect(notify[0]).toMatchObject({ bpmnProcessId: 'contract-signal-start', variables: { 停产原因: '重大事故隐患' } });
    await env.zbc.completeJob({ jobKey: notify[0].key, variables: {} });
  });

  it('refuses a signal without a name', async () => {
    // when
    const unnamed = env.zbc.broadcastSignal({ signalName: '', variables: {} });
    // then
    await expect(unnamed).rejects.toMatchObject({ code: 3 });
  });
});
