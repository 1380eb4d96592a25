import { eventually, fixture, NOW, restCall, startContractEnv, type ContractEnv } from './harness';

/** OCA brands its key types; the wire carries plain strings. */
const key = (value: unknown) => value as never;

/**
 * Process instance migration (gRPC MigrateProcessInstance, REST POST /v2/process-instances/{key}/migration):
 * version 1 runs `inspect` › `check`; version 2 renames the task `check-onsite` and adds `confirm` after it.
 */
describe('process instance migration through @camunda8/sdk', () => {
  let env: ContractEnv;
  let v1: string;
  let v2: string;

  beforeAll(async () => {
    env = await startContractEnv();
    v1 = (await env.zbc.deployResource({ processFilename: fixture('contract-migrate-v1.bpmn') })).deployments[0]!.process!.processDefinitionKey;
    v2 = (await env.zbc.deployResource({ processFilename: fixture('contract-migrate-v2.bpmn') })).deployments[0]!.process!.processDefinitionKey;
  }, 30_000);
  afterAll(async () => {
    await env.close();
  });

  const startOnV1 = async (caseId: string) => {
    const { processInstanceKey } = await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-migrate', version: 1, variables: { caseId } });
    return processInstanceKey;
  };
  const activate = async (type: string, processInstanceKey: string) =>
    eventually(async () => {
      const jobs = await env.zbc.activateJobs({ type, worker: 'contract', timeout: 30_000, maxJobsToActivate: 10, requestTimeout: 1_000 });
      return jobs.find((j) => j.processInstanceKey === processInstanceKey);
    }, 20_000);
  const mapping = [
    { sourceElementId: 'inspect', targetElementId: 'inspect' },
    { sourceElementId: 'check', targetElementId: 'check-onsite' },
  ];

  it('gRPC: moves the instance with its activated job to the new version, which then runs the new element after it', async () => {
    // given: the job of `check` is activated on version 1
    const processInstanceKey = await startOnV1('迁-1');
    const before = await activate('contract-migrate-check', processInstanceKey);
    expect(before.elementId).toBe('check');
    // when
    await env.zbc.migrateProcessInstance({ processInstanceKey, migrationPlan: { targetProcessDefinitionKey: v2, mappingInstructions: mapping } });
    // then: the same job completes, and the flow continues in version 2
    await env.zbc.completeJob({ jobKey: before.key, variables: { 核查结果: '合格' } });
    const confirm = await activate('contract-migrate-confirm', processInstanceKey);
    expect(confirm).toMatchObject({ processDefinitionKey: v2, processDefinitionVersion: 2, elementId: 'confirm' });
    expect(confirm.variables).toEqual({ caseId: '迁-1', 核查结果: '合格' });
    await env.zbc.completeJob({ jobKey: confirm.key, variables: {} });
    const instance = await eventually(async () => {
      const found = await env.strictRest.getProcessInstance({ processInstanceKey: key(processInstanceKey) }, NOW);
      return found.state === 'COMPLETED' ? found : undefined;
    }, 20_000);
    expect(instance).toMatchObject({ processDefinitionKey: v2, processDefinitionVersion: 2 });
  });

  it('REST: answers 204, and the job and element instances name the target element afterwards', async () => {
    // given
    const processInstanceKey = await startOnV1('迁-2');
    await eventually(async () => (await env.strictRest.searchJobs({ filter: { processInstanceKey: key(processInstanceKey) } }, NOW)).items?.[0], 20_000);
    // when
    const res = await restCall(env, 'POST', `/process-instances/${processInstanceKey}/migration`, { targetProcessDefinitionKey: v2, mappingInstructions: mapping });
    // then
    expect(res.status).toBe(204);
    const elements = (await env.strictRest.searchElementInstances({ filter: { processInstanceKey: key(processInstanceKey), state: 'ACTIVE' } }, NOW)).items ?? [];
    expect(elements.map((e) => [e.elementId, e.processDefinitionKey]).sort()).toEqual([['check-onsite', v2], ['inspect', v2]]);
    const job = await activate('contract-migrate-check', processInstanceKey);
    expect(job).toMatchObject({ elementId: 'check-onsite', processDefinitionKey: v2, bpmnProcessId: 'contract-migrate' });
    await env.strictRest.cancelProcessInstance({ processInstanceKey: key(processInstanceKey) });
  });

  it('refuses an active element without a mapping with Zeebe\'s text, and changes nothing', async () => {
    // given
    const processInstanceKey = await startOnV1('迁-3');
    // when
    const res = await restCall(env, 'POST', `/process-instances/${processInstanceKey}/migration`, {
      targetProcessDefinitionKey: v2, mappingInstructions: [{ sourceElementId: 'inspect', targetElementId: 'inspect' }],
    });
    // then
    expect(res.status).toBe(409);
    expect((res.body as { detail: string }).detail).toContain(
      `Expected to migrate process instance '${processInstanceKey}' but no mapping instruction defined for active element with id 'check'. `
      + 'Elements cannot be migrated without a mapping.');
    const instance = await env.strictRest.getProcessInstance({ processInstanceKey: key(processInstanceKey) }, NOW);
    expect(instance).toMatchObject({ processDefinitionKey: v1, processDefinitionVersion: 1 });
    await env.strictRest.cancelProcessInstance({ processInstanceKey: key(processInstanceKey) });
  });

  it('refuses unknown element ids, a type change and a changed flow scope', async () => {
    // given
    const processInstanceKey = await startOnV1('迁-4');
    const migrate = (mappingInstructions: { sourceElementId: string; targetElementId: string }[]) =>
      restCall(env, 'POST', `/process-instances/${processInstanceKey}/migration`, { targetProcessDefinitionKey: v2, mappingInstructions });
    // when
    const unknownTarget = await migrate([{ sourceElementId: 'inspect', targetElementId: 'inspect' }, { sourceElementId: 'check', targetElementId: '不存在' }]);
    const otherType = await migrate([{ sourceElementId: 'inspect', targetElementId: 'check-onsite' }, { sourceElementId: 'check', targetElementId: 'confirm' }]);
    const otherScope = await migrate([{ sourceElementId: 'inspect', targetElementId: 'inspect' }, { sourceElementId: 'check', targetElementId: 'review' }]);
    // then
    expect([unknownTarget.status, otherType.status, otherScope.status]).toEqual([400, 409, 409]);
    expect((unknownTarget.body as { detail: string }).detail).toContain("mapping instructions contain a non-existing target element id '不存在'");
    expect((otherType.body as { detail: string }).detail).toContain(
      "active element with id 'inspect' and type 'SUB_PROCESS' is mapped to an element with id 'check-onsite' and different type 'SERVICE_TASK'");
    expect((otherScope.body as { detail: string }).detail).toContain(
      "the flow scope of active element with id 'check' is changed. The flow scope of the active element is expected to be 'inspect' but was 'contract-migrate'");
    await env.strictRest.cancelProcessInstance({ processInstanceKey: key(processInstanceKey) });
  });
});
