import { auditTrail } from '../../src/db/audit';
import { taskDiagram } from './support/fixtures';
import { freshWebEachTest, type Harness, LOGINS, signIn } from './support/harness';

/** 移动令牌 on the monitoring instance page, through the web app and Camunda's REST API, on the real engine. */
describe('web process instance modification for administrators', () => {
  let h: Harness;
  /** An instance waiting at the user task `report` and the service task `notify` (no worker serves it). */
  let instance: string;
  freshWebEachTest(async (harness) => {
    h = harness;
    const xml = taskDiagram({ id: 'modify-demo', name: '修改演示', taskName: '报送整改情况', candidateGroups: 'office', formId: null, notifyJobType: 'web-test-modify-notify' });
    await h.engine.deploy([{ name: 'modify-demo.bpmn', content: Buffer.from(xml) }]);
    instance = (await h.engine.createProcessInstance({ bpmnProcessId: 'modify-demo', variables: { unitCode: '370404001' } })).processInstanceKey;
  });

  const elements = async () => (await h.camunda.searchElementInstances({ filter: { processInstanceKey: instance }, page: { limit: 100 } })).items;
  const keyOf = async (elementId: string) => (await elements()).find((e) => e.elementId === elementId)!.elementInstanceKey;
  const statesOf = async (elementId: string) => (await elements()).filter((e) => e.elementId === elementId).map((e) => e.state);
  const modifications = async () => (await auditTrail(h.store.db, { actor: LOGINS.admin })).filter((t) => t.action === 'instance.modify');

  it('offers the active element instances to terminate and the elements a modification may activate', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    const notify = await keyOf('notify');
    // when
    const page = await agent.get(`/monitoring/instances/${instance}`).expect(200);
    const form = await agent.get(`/monitoring/instances/${instance}/modify`).expect(200);
    // then
    expect(page.text).toContain(`href="/monitoring/instances/${instance}/modify"`);
    expect(form.text).toContain(`name="terminate" value="${notify}"`);
    expect(form.text).toContain('<option value="end2">通知结束（end2）</option>');
    expect(form.text).toContain('<option value="report">报送整改情况（report）</option>');
    expect(form.text).not.toContain('<option value="start">');
  });

  it('moves the token after confirmation: terminates notify, activates its end event with the variables, and audits it', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.admin);
    const notify = await keyOf('notify');
    const input = { _csrf: csrf, terminate: notify, elementId: 'end2', variables: '{"通知结果": "已电话通知"}' };
    // when
    const confirm = await agent.post(`/monitoring/instances/${instance}/modify`).type('form').send({ ...input, step: 'review' });
    const statesBeforeConfirming = await statesOf('notify');
    const applied = await agent.post(`/monitoring/instances/${instance}/modify`).type('form').send({ ...input, step: 'apply' });
    // then
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain(`终止：发送通知（实例 ${notify}）`);
    expect(confirm.text).toContain('激活：通知结束（end2）');
    expect(confirm.text).toContain('value="{&quot;通知结果&quot;: &quot;已电话通知&quot;}"');
    expect(statesBeforeConfirming).toEqual(['ACTIVE']);
    expect(applied.status).toBe(303);
    expect(applied.headers.location).toBe(`/monitoring/instances/${instance}`);
    expect(await statesOf('notify')).toEqual(['TERMINATED']);
    expect(await statesOf('end2')).toEqual(['COMPLETED']);
    expect(await statesOf('report')).toEqual(['ACTIVE']);
    const variables = await h.camunda.searchVariables({ filter: { processInstanceKey: instance, name: '通知结果' }, page: { limit: 5 } });
    expect(variables.items.map((v) => v.value)).toEqual(['"已电话通知"']);
    expect((await modifications()).map((m) => [m.entityId, m.data])).toEqual([
      [instance, expect.objectContaining({ outcome: 'ok', terminate: [notify], activate: 'end2', variables: ['通知结果'] })],
    ]);
  });

  it('goes back from the confirmation to the form with the input as entered', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.admin);
    const notify = await keyOf('notify');
    // when
    const res = await agent.post(`/monitoring/instances/${instance}/modify`).type('form')
      .send({ _csrf: csrf, terminate: notify, elementId: 'report', variables: '{"退回": true}', step: 'edit' });
    // then
    expect(res.status).toBe(200);
    expect(res.text).toContain(`value="${notify}" checked`);
    expect(res.text).toContain('<option value="report" selected>');
    expect(res.text).toContain('{&quot;退回&quot;: true}</textarea>');
    expect(await statesOf('notify')).toEqual(['ACTIVE']);
  });

  it('refuses variables that are not a JSON object with a Chinese message and keeps the input', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.admin);
    const notify = await keyOf('notify');
    // when
    const res = await agent.post(`/monitoring/instances/${instance}/modify`).type('form')
      .send({ _csrf: csrf, terminate: notify, elementId: 'end2', variables: '["不是对象"]', step: 'apply' });
    // then
    expect(res.status).toBe(422);
    expect(res.text).toContain('变量必须是一个 JSON 对象');
    expect(res.text).toContain('&quot;不是对象&quot;]</textarea>');
    expect(res.text).toContain(`value="${notify}" checked`);
    expect(await statesOf('notify')).toEqual(['ACTIVE']);
    expect(await modifications()).toEqual([]);
  });

  it('shows the engine\'s rejection in Chinese on the form, keeps the input and audits the failure', async () => {
    // given: a form that still names the start event's instance, which has long completed
    const { agent, csrf } = await signIn(h.app, LOGINS.admin);
    const start = await keyOf('start');
    // when
    const res = await agent.post(`/monitoring/instances/${instance}/modify`).type('form')
      .send({ _csrf: csrf, terminate: start, elementId: 'end2', variables: '{"备注": "补发"}', step: 'apply' });
    // then
    expect(res.status).toBe(422);
    expect(res.text).toContain('修改未执行：所选的要终止的环节实例已不存在（可能已经完成或被终止），请刷新页面后重新选择。');
    expect(res.text).toContain(`terminate instructions with an element instance that could not be found: &#39;${start}&#39;`);
    expect(res.text).toContain('<option value="end2" selected>');
    expect(res.text).toContain('{&quot;备注&quot;: &quot;补发&quot;}</textarea>');
    expect(await statesOf('notify')).toEqual(['ACTIVE']);
    expect(await statesOf('end2')).toEqual([]);
    expect((await modifications()).map((m) => m.data)).toEqual([
      expect.objectContaining({ outcome: 'failed', terminate: [start], rejection: expect.stringContaining('could not be found') }),
    ]);
  });

  it('lets only 系统管理员 modify: the office may monitor but gets 403, and nothing changes', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.office);
    const notify = await keyOf('notify');
    // when
    const page = await agent.get(`/monitoring/instances/${instance}`).expect(200);
    const form = await agent.get(`/monitoring/instances/${instance}/modify`);
    const post = await agent.post(`/monitoring/instances/${instance}/modify`).type('form').send({ _csrf: csrf, terminate: notify, step: 'apply' });
    // then
    expect(page.text).not.toContain('/modify');
    expect(form.status).toBe(403);
    expect(post.status).toBe(403);
    expect(await statesOf('notify')).toEqual(['ACTIVE']);
    const denied = (await auditTrail(h.store.db, { actor: LOGINS.office })).filter((t) => t.data.outcome === 'denied').map((t) => t.action);
    expect(denied).toContain(`POST /monitoring/instances/${instance}/modify`);
  });
});
