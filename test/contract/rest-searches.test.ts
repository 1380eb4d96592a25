import { fixture, restCall, startContractEnv, type ContractEnv } from './harness';

interface Page<T> {
  items: T[];
  page: { totalItems: number; startCursor?: string; endCursor?: string };
}

describe('REST /v2 searches and monitoring reads over the read models of a real engine', () => {
  let env: ContractEnv;
  let definitionKey: string;
  const instances: string[] = [];

  beforeAll(async () => {
    env = await startContractEnv();
    const deployed = await env.zbc.deployResources([
      { formFilename: fixture('contract-review-form.form') },
      { processFilename: fixture('contract-start-form.bpmn') },
    ] as never);
    const process = (deployed.deployments as { process?: { processDefinitionKey: string } }[]).find((d) => d.process);
    definitionKey = String(process?.process?.processDefinitionKey);
    for (const district of ['坛山街道', '榴园镇', '吴林街道']) {
      const created = await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-start-form', variables: { district } });
      instances.push(created.processInstanceKey);
    }
  });
  afterAll(async () => {
    await env.close();
  });

  const post = async <T>(path: string, body: unknown) => {
    const res = await restCall(env, 'POST', path, body);
    expect(res.status).toBe(200);
    return res.body as Page<T>;
  };

  it('finds instances by variable, by $or of $like and $in, with sort and cursors', async () => {
    // when
    const byVariable = await post<{ processInstanceKey: string }>('/process-instances/search', {
      filter: { variables: [{ name: 'district', value: '"榴园镇"' }] },
    });
    const byOr = await post<{ processInstanceKey: string }>('/process-instances/search', {
      filter: { $or: [{ processDefinitionId: { $like: 'contract-start-*' } }, { processInstanceKey: { $in: ['1'] } }] },
      sort: [{ field: 'processInstanceKey', order: 'DESC' }],
      page: { limit: 2 },
    });
    const next = await post<{ processInstanceKey: string }>('/process-instances/search', {
      filter: { processDefinitionId: 'contract-start-form' },
      sort: [{ field: 'processInstanceKey', order: 'DESC' }],
      page: { limit: 2, after: byOr.page.endCursor },
    });
    // then
    expect(byVariable.items.map((i) => i.processInstanceKey)).toEqual([instances[1]]);
    expect(byOr.page.totalItems).toBe(3);
    expect([...byOr.items, ...next.items].map((i) => i.processInstanceKey)).toEqual([...instances].reverse());
  });

  it('lists element instances with names, sequence flows and element statistics', async () => {
    // when
    const elements = await post<{ elementId: string; elementName: string; type: string; state: string }>('/element-instances/search', {
      filter: { processInstanceKey: instances[0] },
      sort: [{ field: 'startDate', order: 'ASC' }],
    });
    const flows = await restCall(env, 'GET', `/process-instances/${instances[0]}/sequence-flows`);
    const stats = await restCall(env, 'GET', `/process-instances/${instances[0]}/statistics/element-instances`);
    // then
    expect(elements.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ elementId: 'start', elementName: '填写申请', type: 'START_EVENT', state: 'COMPLETED' }),
        expect.objectContaining({ elementId: 'review', elementName: '审核申请', type: 'USER_TASK', state: 'ACTIVE' }),
      ]),
    );
    expect(flows.body).toEqual({ items: [expect.objectContaining({ elementId: 'f1', processInstanceKey: instances[0] })] });
    expect(stats.body).toEqual({
      items: expect.arrayContaining([expect.objectContaining({ elementId: 'review', active: 1, completed: 0, incidents: 0 })]),
    });
  });

  it('lists the flow nodes inside an instance, not the process instance itself', async () => {
    // when
    const elements = await post<{ elementId: string; type: string }>('/element-instances/search', { filter: { processInstanceKey: instances[1] } });
    // then
    expect(elements.items.map((e) => e.type).sort()).toEqual(['START_EVENT', 'USER_TASK']);
    expect(elements.page.totalItems).toBe(2);
  });

  it('answers items with the fields of Camunda\'s schemas only, without the columns its cursors are made of', async () => {
    // when: every search, sorted on a field so that more than the key makes up the cursor
    const searches: [string, string][] = [
      ['/process-instances/search', 'startDate'], ['/element-instances/search', 'startDate'], ['/user-tasks/search', 'creationDate'],
      ['/variables/search', 'name'], ['/process-definitions/search', 'version'], ['/jobs/search', 'type'],
      ['/incidents/search', 'creationTime'], ['/decision-definitions/search', 'version'],
    ];
    const pages = await Promise.all(searches.map(([path, field]) => post<Record<string, unknown>>(path, { sort: [{ field, order: 'DESC' }], page: { limit: 5 } })));
    // then
    const fields = new Set(pages.flatMap((page) => page.items.flatMap((item) => Object.keys(item))));
    expect(pages.slice(0, 5).every((page) => page.items.length > 0)).toBe(true);
    expect([...fields].filter((name) => name.startsWith('_'))).toEqual([]);
  });

  it('counts element instances per element of a definition, optionally for filtered instances', async () => {
    // when
    const all = await restCall(env, 'POST', `/process-definitions/${definitionKey}/statistics/element-instances`, {});
    const filtered = await restCall(env, 'POST', `/process-definitions/${definitionKey}/statistics/element-instances`, {
      filter: { variables: [{ name: 'district', value: '"榴园镇"' }] },
    });
    // then
    expect(all.body).toEqual({
      items: expect.arrayContaining([{ elementId: 'review', active: 3, canceled: 0, incidents: 0, completed: 0 }, expect.objectContaining({ elementId: 'start', completed: 3 })]),
    });
    expect(filtered.body).toEqual({ items: expect.arrayContaining([expect.objectContaining({ elementId: 'review', active: 1 })]) });
  });

  it('reads the process definition, its XML and its start form', async () => {
    // when
    const definition = await restCall(env, 'GET', `/process-definitions/${definitionKey}`);
    const xml = await restCall(env, 'GET', `/process-definitions/${definitionKey}/xml`);
    const form = await restCall(env, 'GET', `/process-definitions/${definitionKey}/form`);
    const latest = await post<{ processDefinitionId: string }>('/process-definitions/search', { filter: { isLatestVersion: true, hasStartForm: true } });
    // then
    expect(definition.body).toMatchObject({ processDefinitionId: 'contract-start-form', name: '合同测试·开始表单', version: 1, hasStartForm: true });
    expect(String(xml.body)).toContain('<bpmn:process id="contract-start-form"');
    expect(form.body).toMatchObject({ formId: 'contract-review-form', schema: expect.stringContaining('审核意见') });
    expect(latest.items.map((d) => d.processDefinitionId)).toEqual(['contract-start-form']);
  });

  it('finds user tasks by candidate user and assignee, and the variables visible to a task', async () => {
    // when
    const tasks = await post<{ userTaskKey: string; assignee: string; candidateUsers: string[]; processInstanceKey: string }>('/user-tasks/search', {
      filter: { candidateUser: '赵主任', assignee: '王主任', processInstanceKey: instances[2] },
    });
    const variables = await post<{ name: string; value: string }>(`/user-tasks/${tasks.items[0]?.userTaskKey}/variables/search`, {});
    const jobs = await post<unknown>('/jobs/search', { filter: { processInstanceKey: instances[2] } });
    // then
    expect(tasks.items).toEqual([expect.objectContaining({ assignee: '王主任', candidateUsers: ['王主任', '赵主任'] })]);
    expect(variables.items).toEqual([expect.objectContaining({ name: 'district', value: '"吴林街道"' })]);
    expect(jobs.page.totalItems).toBe(0);
  });

  it('answers 400 for a malformed search and 404 for unknown keys', async () => {
    // when
    const badOperator = await restCall(env, 'POST', '/process-instances/search', { filter: { processDefinitionVersion: { $like: '1' } } });
    const badSort = await restCall(env, 'POST', '/user-tasks/search', { sort: [{ field: 'colour' }] });
    const missing = await restCall(env, 'GET', '/user-tasks/2251799813999999');
    // then
    expect(badOperator.status).toBe(400);
    expect(badSort.status).toBe(400);
    expect(missing).toMatchObject({ status: 404, body: { title: 'NOT_FOUND' } });
  });
});
