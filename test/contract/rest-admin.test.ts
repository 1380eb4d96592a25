import { createEngine } from '../../src/engine';
import { readModels, startGateways } from '../../src/gateway';
import { eventually, fixture, restCall, startContractEnv, type ContractEnv, describeEmbedded } from './harness';

describeEmbedded('REST user-task changes and the management port over the real engine', () => {
  let env: ContractEnv;

  beforeAll(async () => {
    env = await startContractEnv();
    await env.zbc.deployResources([
      { processFilename: fixture('contract-user-task.bpmn') },
      { processFilename: fixture('contract-parent.bpmn') },
      { formFilename: fixture('contract-review-form.form') },
    ] as never);
  });
  afterAll(async () => {
    await env.close();
  });

  const management = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${env.gateways.managementPort}${path}`, init);

  it('updates a task (PATCH), unassigns it, and shows the changes in search', async () => {
    // given
    const created = await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-user-task', variables: {} });
    const task = await eventually(async () => {
      const res = await restCall(env, 'POST', '/user-tasks/search', { filter: { processInstanceKey: created.processInstanceKey, state: 'CREATED' } });
      return (res.body as { items: { userTaskKey: string }[] }).items[0];
    });
    // when
    const patched = await restCall(env, 'PATCH', `/user-tasks/${task.userTaskKey}`, {
      changeset: { candidateGroups: ['supervisors'], priority: 80, dueDate: '2026-12-01T09:00:00+08:00' },
    });
    await restCall(env, 'POST', `/user-tasks/${task.userTaskKey}/assignment`, { assignee: '孙科员' });
    const unassigned = await restCall(env, 'DELETE', `/user-tasks/${task.userTaskKey}/assignee`);
    const byDue = await restCall(env, 'POST', '/user-tasks/search', {
      filter: { candidateGroup: 'supervisors', priority: { $gte: 80 }, dueDate: { $lt: '2026-12-01T02:00:00Z' } },
    });
    const invalid = await restCall(env, 'PATCH', `/user-tasks/${task.userTaskKey}`, { changeset: { priority: 101 } });
    // then
    expect(patched.status).toBe(204);
    expect(unassigned.status).toBe(204);
    const items = (byDue.body as { items: Record<string, unknown>[] }).items;
    expect(items).toEqual([expect.objectContaining({ userTaskKey: task.userTaskKey, candidateGroups: ['supervisors'], priority: 80 })]);
    expect(items[0].assignee).toBeUndefined();
    expect(invalid.status).toBe(400);
  });

  it('shows the call hierarchy of a called instance, root first', async () => {
    // given
    const parent = await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-parent', variables: {} });
    const child = await eventually(async () => {
      const res = await restCall(env, 'POST', '/process-instances/search', { filter: { parentProcessInstanceKey: parent.processInstanceKey } });
      return (res.body as { items: { processInstanceKey: string }[] }).items[0];
    });
    // when
    const hierarchy = await restCall(env, 'GET', `/process-instances/${child.processInstanceKey}/call-hierarchy`);
    // then
    expect(hierarchy.body).toEqual([
      expect.objectContaining({ processInstanceKey: parent.processInstanceKey, processDefinitionName: '合同测试·上级流程' }),
      expect.objectContaining({ processInstanceKey: child.processInstanceKey, processDefinitionName: '合同测试·人工任务' }),
    ]);
  });

  it('reports health, moves the clock and purges all data', async () => {
    // given
    await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-user-task', variables: {} });
    // when
    const health = await (await management('/actuator/health')).json();
    const pinned = await (await management('/actuator/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ epochMilli: 1_800_000_000_000 }) })).json();
    const moved = (await (await management('/actuator/clock/add', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMilli: 1000 }) })).json()) as { epochMilli: number };
    await management('/actuator/clock', { method: 'DELETE' });
    const purge = await management('/actuator/cluster/purge', { method: 'POST' });
    const after = await restCall(env, 'POST', '/process-instances/search', {});
    const definitions = await restCall(env, 'POST', '/process-definitions/search', {});
    // then
    expect(health).toEqual({ status: 'UP' });
    expect(pinned).toEqual({ epochMilli: 1_800_000_000_000, instant: '2027-01-15T08:00:00.000Z' });
    expect(moved.epochMilli).toBe(1_800_000_001_000);
    expect(purge.status).toBe(202);
    expect((after.body as { page: { totalItems: number } }).page.totalItems).toBe(0);
    expect((definitions.body as { page: { totalItems: number } }).page.totalItems).toBe(0);
  });

  it('keeps the clock endpoints closed when the engine clock is not controlled', async () => {
    // given
    const engine = await createEngine({ dataDir: '', durability: 'memory', clockControlled: false, projections: [readModels()] });
    const gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0 });
    try {
      // when
      const pin = await fetch(`http://127.0.0.1:${gateways.restPort}/v2/clock`, {
        method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ timestamp: 0 }),
      });
      const actuator = await fetch(`http://127.0.0.1:${gateways.managementPort}/actuator/clock`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ epochMilli: 0 }),
      });
      const purge = await fetch(`http://127.0.0.1:${gateways.managementPort}/actuator/cluster/purge`, { method: 'POST' });
      // then
      expect(pin.status).toBe(403);
      expect(actuator.status).toBe(403);
      expect(purge.status).toBe(403);
      expect(Math.abs(engine.clock.now() - Date.now())).toBeLessThan(60_000);
    } finally {
      await gateways.close();
      await engine.close();
    }
  });
});
