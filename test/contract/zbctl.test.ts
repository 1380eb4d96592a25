import { eventually, fixture, NOW, startContractEnv, zbctl, type ContractEnv } from './harness';

/** zbctl prints JSON documents; this reads the first one. */
const json = (out: string) => JSON.parse(out.slice(out.indexOf('{'))) as Record<string, unknown>;

describe('zbctl (the Go client, its bundled Linux binary) against the gRPC gateway', () => {
  let env: ContractEnv;

  beforeAll(async () => {
    env = await startContractEnv();
  });
  afterAll(async () => {
    await env.close();
  });

  const state = async (processInstanceKey: string) =>
    (await env.rest.getProcessInstance({ processInstanceKey }, NOW)).state;

  it('shows the status of a one-broker cluster', async () => {
    // when
    const out = await zbctl(env, 'status');
    // then
    expect(out).toContain('Cluster size: 1');
    expect(out).toMatch(/Partition 1\s*:\s*Leader, Healthy/);
  });

  it('deploys with DeployProcess and with DeployResource', async () => {
    // when
    const legacy = json(await zbctl(env, 'deploy', fixture('contract-service.bpmn')));
    const resource = json(await zbctl(env, 'deploy', 'resource', fixture('contract-straight.bpmn'), fixture('contract-message.bpmn')));
    // then
    expect(legacy.processes).toEqual([expect.objectContaining({ bpmnProcessId: 'contract-service', version: 1 })]);
    expect(resource.deployments).toEqual([
      { process: expect.objectContaining({ bpmnProcessId: 'contract-straight', version: 1 }) },
      { process: expect.objectContaining({ bpmnProcessId: 'contract-message', version: 1 }) },
    ]);
  });

  it('creates instances with and without waiting for the result', async () => {
    // when
    const created = json(await zbctl(env, 'create', 'instance', 'contract-service', '--variables', '{"企业":"丙"}'));
    const withResult = json(await zbctl(env, 'create', 'instance', 'contract-straight', '--withResult', '--variables', '{"评分":88}'));
    // then
    expect(String(created.processInstanceKey)).toMatch(/^\d+$/);
    expect(await state(String(created.processInstanceKey))).toBe('ACTIVE');
    expect(JSON.parse(String(withResult.variables))).toEqual({ 评分: 88 });
    expect(await state(String(withResult.processInstanceKey))).toBe('COMPLETED');
  });

  it('activates and completes a job', async () => {
    // given
    const created = json(await zbctl(env, 'create', 'instance', 'contract-service', '--variables', '{"企业":"丁"}'));
    const instanceKey = String(created.processInstanceKey);
    // when
    const activated = json(await zbctl(env, 'activate', 'jobs', 'contract-check', '--maxJobsToActivate', '10', '--requestTimeout', '5s'));
    const job = (activated.jobs as { key: string; processInstanceKey: string; variables: string }[]).find((j) => String(j.processInstanceKey) === instanceKey);
    await zbctl(env, 'complete', 'job', String(job?.key), '--variables', '{"结论":"合格"}');
    // then
    expect(job && JSON.parse(job.variables)).toEqual({ 企业: '丁' });
    await eventually(async () => (await state(instanceKey)) === 'COMPLETED');
  });

  it('publishes a message that a waiting instance receives', async () => {
    // given
    const created = json(await zbctl(env, 'create', 'instance', 'contract-message', '--variables', '{"caseId":"ZB-7"}'));
    // when
    const out = await zbctl(env, 'publish', 'message', 'contract-receipt', '--correlationKey', 'ZB-7', '--variables', '{"回执":"收到"}');
    // then
    expect(String(json(out).key)).toMatch(/^\d+$/);
    await eventually(async () => (await state(String(created.processInstanceKey))) === 'COMPLETED');
  });

  it('cancels an instance', async () => {
    // given
    const created = json(await zbctl(env, 'create', 'instance', 'contract-message', '--variables', '{"caseId":"ZB-8"}'));
    // when
    await zbctl(env, 'cancel', 'instance', String(created.processInstanceKey));
    // then
    expect(await state(String(created.processInstanceKey))).toBe('TERMINATED');
  });
});
