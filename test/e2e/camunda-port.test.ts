import { REPORT_FORM, REPORT_PROCESS, type Stack, startStack } from './support/stack';

/** The web app's CamundaPort against the embedded engine's REST /v2 through the SDK: the shapes the routes rely on. */
describe('web CamundaPort against the embedded engine', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  }, 60_000);
  afterAll(() => s.close());

  it('deploys, finds the unit-scoped user task, reads its form and variables, assigns and completes it', async () => {
    // given
    const deployed = await s.camunda.deploy([
      { name: 'e2e-report.form', content: JSON.stringify(REPORT_FORM) },
      { name: 'e2e-rectification.bpmn', content: REPORT_PROCESS },
    ]);
    const process = deployed.find((d) => d.processDefinition)!.processDefinition!;
    const instance = await s.engine.createProcessInstance({ bpmnProcessId: 'e2e-rectification', variables: { unitCode: '370404001', dueDate: '2026-12-31T23:59:59+08:00', inspectionId: 'INS-1' } });
    // when
    const found = await s.camunda.searchUserTasks({ filter: { state: 'CREATED', candidateGroup: 'unit:370404001' }, page: { limit: 10 } });
    const task = found.items[0]!;
    const form = await s.camunda.getUserTaskForm(task.userTaskKey);
    const vars = await s.camunda.searchUserTaskVariables(task.userTaskKey);
    await s.camunda.assignUserTask(task.userTaskKey, 'danwei-370404001');
    const assigned = await s.camunda.getUserTask(task.userTaskKey);
    await s.camunda.completeUserTask(task.userTaskKey, { report: '已完成整改', fixedCount: 3 });
    // then
    expect(process.processDefinitionId).toBe('e2e-rectification');
    expect(instance.processInstanceKey).toMatch(/^\d+$/);
    expect(found.items).toHaveLength(1);
    expect(task.candidateGroups).toEqual(['unit', 'unit:370404001']);
    expect(task.priority).toBe(80);
    expect(task.dueDate).toBeDefined();
    expect(JSON.parse(typeof form!.schema === 'string' ? form!.schema : JSON.stringify(form!.schema)).id).toBe('e2e-report');
    expect(vars.items.map((v) => v.name)).toEqual(expect.arrayContaining(['unitCode', 'inspectionId']));
    expect(assigned.assignee).toBe('danwei-370404001');
    const other = await s.camunda.searchUserTasks({ filter: { state: 'CREATED', candidateGroup: 'unit:370404002' }, page: { limit: 10 } });
    expect(other.items).toHaveLength(0);
  });

  it('answers no form for a task without one, and refuses a message nothing waits for with 404', async () => {
    // given
    const plain = REPORT_PROCESS.replace('e2e-rectification', 'e2e-plain').replace('bpmnElement="e2e-rectification"', 'bpmnElement="e2e-plain"').replace('<zeebe:formDefinition formId="e2e-report" />', '');
    await s.camunda.deploy([{ name: 'e2e-plain.bpmn', content: plain }]);
    const started = await s.camunda.createProcessInstance('e2e-plain', { unitCode: '370404009', dueDate: '2026-12-31T23:59:59+08:00' });
    const task = (await s.camunda.searchUserTasks({ filter: { candidateGroup: 'unit:370404009' }, page: { limit: 1 } })).items[0]!;
    // when
    const form = await s.camunda.getUserTaskForm(task.userTaskKey);
    const refused = await s.camunda.correlateMessage({ name: 'complaint-received', correlationKey: 'INS-1', variables: { complaint: { content: '反映内容' } } }).then(() => undefined, (err: unknown) => err);
    // then
    expect(started.processInstanceKey).toMatch(/^\d+$/);
    expect(task.processInstanceKey).toBe(started.processInstanceKey);
    expect(form ?? undefined).toBeUndefined();
    expect(refused).toMatchObject({ status: 404 });
  });

  it('reads definitions, their XML, instances, element instances and variables for monitoring', async () => {
    // when
    const defs = await s.camunda.searchProcessDefinitions({ filter: { processDefinitionId: 'e2e-rectification' }, page: { limit: 10 } });
    const xml = await s.camunda.getProcessDefinitionXml(defs.items[0]!.processDefinitionKey);
    const instances = await s.camunda.searchProcessInstances({ filter: { processDefinitionId: 'e2e-rectification', state: 'ACTIVE' }, page: { limit: 10 } });
    const key = instances.items[0]!.processInstanceKey;
    const elements = await s.camunda.searchElementInstances({ filter: { processInstanceKey: key }, page: { limit: 100 } });
    const variables = await s.camunda.searchVariables({ filter: { processInstanceKey: key }, page: { limit: 100 } });
    const byUnit = await s.camunda.searchProcessInstances({ filter: { variables: [{ name: 'unitCode', value: JSON.stringify('370404001') }] }, page: { limit: 10 } });
    // then
    expect(xml).toContain('<bpmn:process id="e2e-rectification"');
    expect(elements.items.filter((e) => e.state === 'ACTIVE' && e.type !== 'PROCESS').map((e) => e.elementId)).toEqual(['review']);
    expect(elements.items.filter((e) => e.state === 'COMPLETED').map((e) => e.elementId)).toEqual(expect.arrayContaining(['start', 'report']));
    expect(variables.items.find((v) => v.name === 'fixedCount')?.value).toBe('3');
    expect(byUnit.items.map((i) => i.processInstanceKey)).toContain(key);
  });
});
