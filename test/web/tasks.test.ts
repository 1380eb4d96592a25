import { auditTrail } from '../../src/db/audit';
import { CHECK_FORM, taskDiagram } from './support/fixtures';
import { type Audiences, seedTasks } from './support/seed';
import { type Harness, LOGINS, signIn, freshWebEachTest } from './support/harness';

describe('web task list and task completion', () => {
  let h: Harness;
  let keys: Audiences;
  freshWebEachTest(async (harness) => {
    h = harness;
    keys = (await seedTasks(h.engine, h.camunda, h.departmentCode)).tasks;
  });

  /** The task as the engine's REST API reports it now. */
  const taskNow = (key: string) => h.camunda.getUserTask(key);
  const claimedBy = (key: string, login: string) => h.engine.assignUserTask(key, { assignee: login, allowOverride: true });

  it('shows the unit its group task with red due date (overdue) and high priority, not yet claimed', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.unitA);
    // when
    const res = await agent.get('/tasks?view=groups').expect(200);
    // then
    expect(res.text).toContain('报送整改情况');
    expect(res.text).toContain('badge red');
    expect(res.text).toContain('priority high');
    expect(res.text).toContain('未认领');
  });

  it('filters by search text, due state and priority', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const soon = await agent.get('/tasks?view=all&due=soon').expect(200);
    const overdue = await agent.get('/tasks?view=all&due=overdue').expect(200);
    const search = await agent.get(`/tasks?view=all&q=${encodeURIComponent('方案')}`).expect(200);
    const high = await agent.get('/tasks?view=all&priority=high').expect(200);
    // then
    expect(soon.text).toContain(`/tasks/${keys.office}`);
    expect(overdue.text).not.toContain(`/tasks/${keys.office}`);
    expect(search.text).toContain(`/tasks/${keys.office}`);
    expect(high.text).toContain('暂无任务');
  });

  it('claims a task into "my tasks" and gives it back', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.unitA);
    // when
    await agent.post(`/tasks/${keys.unitA}/claim`).type('form').send({ _csrf: csrf }).expect(303);
    const mine = await agent.get('/tasks?view=mine').expect(200);
    await agent.post(`/tasks/${keys.unitA}/unclaim`).type('form').send({ _csrf: csrf }).expect(303);
    const after = await agent.get('/tasks?view=mine').expect(200);
    // then
    expect(mine.text).toContain(`/tasks/${keys.unitA}"`);
    expect(after.text).not.toContain(`/tasks/${keys.unitA}"`);
    const task = await taskNow(keys.unitA);
    expect(task.state).toBe('CREATED');
    expect(task.assignee ?? '').toBe('');
  });

  it('refuses to claim a task someone else holds with 409', async () => {
    // given
    await claimedBy(keys.office, 'anweiban2');
    const { agent, csrf } = await signIn(h.app, LOGINS.office);
    // when
    const res = await agent.post(`/tasks/${keys.office}/claim`).type('form').send({ _csrf: csrf });
    // then
    expect(res.status).toBe(409);
    expect(res.text).toContain('anweiban2');
    expect((await taskNow(keys.office)).assignee).toBe('anweiban2');
  });

  it('renders the task page with the form schema, the variables the form names and the task context', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.unitA);
    // when
    const res = await agent.get(`/tasks/${keys.unitA}`).expect(200);
    // then
    expect(res.text).toContain('<script type="application/json" id="form-schema">');
    expect(res.text).toContain('"key":"fixedCount"');
    expect(res.text).toContain('"report":""');
    expect(res.text).not.toContain('INS-2026-001'); // not named by the form, and an id: the context names the unit instead
    expect(res.text).toContain('<dt>被巡查单位</dt><dd>坛山街道</dd>');
    expect(res.text).toContain('/assets/task-form.js');
  });

  it('answers field errors as 422 JSON in Chinese and does not complete the task', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.unitA);
    // when
    const res = await agent.post(`/tasks/${keys.unitA}/complete`).set('x-csrf-token', csrf).set('accept', 'application/json')
      .send({ variables: { report: '太短', fixedCount: 101, contactPhone: '12345', result: 'partial' } });
    // then
    expect(res.status).toBe(422);
    expect(res.body.fieldErrors).toEqual({
      report: '「整改情况」至少需要 10 个字。',
      fixedCount: '「已整改问题数」不能大于 100。',
      contactPhone: '「联系电话」格式不正确。',
      reason: '「未完成原因」为必填项。',
    });
    const task = await taskNow(keys.unitA);
    expect(task.state).toBe('CREATED');
    expect(task.assignee ?? '').toBe('');
  });

  it('completes a valid submission with only the form’s own fields, claiming the task first, and audits it', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.unitA);
    // when
    const res = await agent.post(`/tasks/${keys.unitA}/complete`).set('x-csrf-token', csrf).set('accept', 'application/json')
      .send({ variables: { report: '已完成全部十二项问题的整改工作', fixedCount: 12, result: 'done', reason: 'hidden', approved: true } });
    // then
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, redirect: `/tasks?done=${encodeURIComponent('报送整改情况')}` });
    const task = await taskNow(keys.unitA);
    expect(task.state).toBe('COMPLETED');
    expect(task.assignee).toBe(LOGINS.unitA);
    const variables = await h.camunda.searchVariables({ filter: { processInstanceKey: task.processInstanceKey }, page: { limit: 100 } });
    const values = Object.fromEntries(variables.items.map((v) => [v.name, JSON.parse(v.value) as unknown]));
    expect(values).toEqual(expect.objectContaining({ report: '已完成全部十二项问题的整改工作', fixedCount: 12, result: 'done' }));
    expect(values).not.toHaveProperty('reason');
    expect(values).not.toHaveProperty('approved');
    const trail = await auditTrail(h.store.db, { actor: LOGINS.unitA });
    expect(trail.map((t) => [t.action, t.entityId, t.data.outcome])).toContainEqual(['task.complete', keys.unitA, 'ok']);
  });

  it('does not let another user complete a task claimed by someone else', async () => {
    // given
    await claimedBy(keys.office, 'anweiban2');
    const { agent, csrf } = await signIn(h.app, LOGINS.office);
    // when
    const res = await agent.post(`/tasks/${keys.office}/complete`).set('x-csrf-token', csrf).set('accept', 'application/json').send({ variables: {} });
    // then
    expect(res.status).toBe(409);
    expect((await taskNow(keys.office)).state).toBe('CREATED');
  });

  it('answers 404 for a task key that is not a number', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.unitA);
    // when / then
    await agent.get('/tasks/abc').expect(404);
  });

  it('evaluates a field’s hide condition on the process’s own values: a read-only value sent by the client cannot skip a required field', async () => {
    // given a complaint check whose process says source = complaint
    await h.engine.deploy([
      { name: 'complaint-check.form', content: Buffer.from(JSON.stringify(CHECK_FORM)) },
      { name: 'complaint-check.bpmn', content: Buffer.from(taskDiagram({ id: 'complaint-check', name: '来电核查', taskName: '核查来电反映问题', candidateGroups: 'office', formId: 'complaint-check' })) },
    ]);
    const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId: 'complaint-check', variables: { source: 'complaint', isAnonymous: false } });
    const task = (await h.camunda.searchUserTasks({ filter: { processInstanceKey }, page: { limit: 1 } })).items[0]!.userTaskKey;
    const { agent, csrf } = await signIn(h.app, LOGINS.office);
    const complete = (variables: Record<string, unknown>) => agent.post(`/tasks/${task}/complete`).set('x-csrf-token', csrf).set('accept', 'application/json').send({ variables });
    // when the client claims the read-only source is something else and leaves the verification out
    const skipped = await complete({ source: 'patrol', note: '无' });
    const done = await complete({ source: 'patrol', verification: '经现场核查，反映问题属实，已责令整改。' });
    // then
    expect(skipped.status).toBe(422);
    expect(skipped.body.fieldErrors).toEqual({ verification: '「核查结果」为必填项。' });
    expect(done.status).toBe(200);
    const vars = await h.camunda.searchVariables({ filter: { processInstanceKey, name: 'source' }, page: { limit: 5 } });
    expect(vars.items.map((v) => v.value)).toEqual(['"complaint"']);
  });
});
