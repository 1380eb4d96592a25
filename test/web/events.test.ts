import { auditTrail } from '../../src/db/audit';
import { type Actor } from '../../src/db/audit';
import { openInspection } from '../../src/db/registers/inspections';
import { createHandover, listHazard } from '../../src/db/registers/supervision';
import { registerProblems } from '../../src/db/registers/inspections';
import { messageWaitDiagram, taskDiagram } from './support/fixtures';
import { type Harness, LOGINS, NOW, signIn, UNIT_A, UNIT_B, type WebEnv, freshWebEachTest } from './support/harness';

const by: Actor = { name: 'system', at: NOW.toISOString() };

describe('web event reports published as Camunda messages', () => {
  let env: WebEnv;
  let h: Harness;
  let inspA: string;
  let inspB: string;
  let hazardA: string;
  let handover: string;
  freshWebEachTest(async (harness, webEnv) => {
    h = harness;
    env = webEnv;
    inspA = await openInspection(h.store.db, by, { unitCode: UNIT_A });
    inspB = await openInspection(h.store.db, by, { unitCode: UNIT_B });
    hazardA = await listHazard(h.store.db, by, { name: '储罐区重大事故隐患', unit_code: UNIT_A });
    const [problem] = await registerProblems(h.store.db, by, inspA, [{ category: 'C5', severity: '重大', description: '储罐区未设置防火堤' }]);
    handover = await createHandover(h.store.db, by, { problemId: problem!, departmentCode: h.departmentCode, resultDue: null });
  });

  it('offers each role only its own events', async () => {
    // given
    const unit = await signIn(h.app, LOGINS.unitA);
    // when
    const list = await unit.agent.get('/events').expect(200);
    const forbidden = await unit.agent.get('/events/complaint-received');
    // then
    expect(list.text).toContain('报送整改和查处情况报告');
    expect(list.text).toContain('申请延期整改');
    expect(list.text).not.toContain('登记来信来电');
    expect(forbidden.status).toBe(403);
  });

  it('publishes the unit’s rectification report correlated by its inspection, and audits it', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.unitA);
    const form = await agent.get('/events/rectification-submitted').expect(200);
    // when
    const res = await agent.post('/events/rectification-submitted').type('form').send({ _csrf: csrf, subject: inspA, report: '对反馈的三项问题已全部完成整改，建立了长效机制并落实了责任人。', investigation: '' });
    // then
    expect(form.text).toContain(`value="${inspA}"`);
    expect(form.text).not.toContain(`value="${inspB}"`);
    expect(res.status).toBe(303);
    expect(env.messages()).toEqual([{
      name: 'rectification-submitted', correlationKey: inspA, messageId: expect.any(String),
      variables: { rectificationReport: { report: '对反馈的三项问题已全部完成整改，建立了长效机制并落实了责任人。', investigation: null, submittedBy: LOGINS.unitA, submittedAt: NOW.toISOString() } },
    }]);
    const trail = await auditTrail(h.store.db, { actor: LOGINS.unitA });
    expect(trail.map((t) => [t.action, t.entityId])).toContainEqual(['event.rectification-submitted', inspA]);
  });

  it('delivers the report to the inspection’s process waiting for it', async () => {
    // given
    await h.engine.deploy([{ name: 'wait.bpmn', content: Buffer.from(messageWaitDiagram('wait-rectification', 'rectification-submitted', 'inspectionId')) }]);
    const waiting = (await h.engine.createProcessInstance({ bpmnProcessId: 'wait-rectification', variables: { inspectionId: inspA } })).processInstanceKey;
    const { agent, csrf } = await signIn(h.app, LOGINS.unitA);
    // when
    await agent.post('/events/rectification-submitted').type('form').send({ _csrf: csrf, subject: inspA, report: '对反馈的三项问题已全部完成整改，建立了长效机制并落实了责任人。' }).expect(303);
    // then
    expect((await h.camunda.getProcessInstance(waiting)).state).toBe('COMPLETED');
    const variables = await h.camunda.searchVariables({ filter: { processInstanceKey: waiting, name: 'rectificationReport' }, page: { limit: 1 } });
    expect(JSON.parse(variables.items[0]!.value)).toEqual(expect.objectContaining({ submittedBy: LOGINS.unitA }));
  });

  it('refuses a report about another unit’s inspection and publishes nothing', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.unitA);
    // when
    const res = await agent.post('/events/rectification-submitted').type('form').send({ _csrf: csrf, subject: inspB, report: '对反馈的三项问题已全部完成整改，建立了长效机制。' });
    // then
    expect(res.status).toBe(422);
    expect(res.text).toContain('请选择有效的报告对象。');
    expect(env.messages()).toEqual([]);
  });

  it('validates numbers against the field rules', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.unitA);
    // when
    const res = await agent.post('/events/hazard-progress').type('form').send({ _csrf: csrf, subject: hazardA, percent: '120', text: '正在施工防火堤' });
    const ok = await agent.post('/events/hazard-progress').type('form').send({ _csrf: csrf, subject: hazardA, percent: '60', text: '正在施工防火堤' });
    // then
    expect(res.status).toBe(422);
    expect(res.text).toContain('「完成比例（%）」不能大于 100。');
    expect(ok.status).toBe(303);
    expect(env.messages()[0]).toEqual(expect.objectContaining({ name: 'hazard-progress', correlationKey: hazardA, variables: { progress: expect.objectContaining({ percent: 60 }) } }));
  });

  it('lets the department refuse a handover only with a reason', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, h.departmentLogin);
    // when
    const noReason = await agent.post('/events/handover-receipt').type('form').send({ _csrf: csrf, subject: handover, decision: '不属于本部门职责' });
    const withReason = await agent.post('/events/handover-receipt').type('form').send({ _csrf: csrf, subject: handover, decision: '不属于本部门职责', reason: '储罐区属应急管理部门监管' });
    // then
    expect(noReason.status).toBe(422);
    expect(withReason.status).toBe(303);
    expect(env.messages()[0]!.variables).toEqual(expect.objectContaining({ receiptAccepted: false, refusalReason: '储罐区属应急管理部门监管' }));
  });

  it('lets the office start the year’s annual plan process', async () => {
    // given
    await h.engine.deploy([{ name: 'annual-plan.bpmn', content: Buffer.from(taskDiagram({ id: 'annual-plan', name: '年度巡查工作方案', taskName: '起草年度方案', candidateGroups: 'office', formId: null })) }]);
    const { agent, csrf } = await signIn(h.app, LOGINS.office);
    // when
    const res = await agent.post('/events/annual-plan').type('form').send({ _csrf: csrf, subject: '2027', note: '' });
    // then
    expect(res.status).toBe(303);
    const started = await h.camunda.searchProcessInstances({ filter: { processDefinitionId: 'annual-plan' }, page: { limit: 10 } });
    expect(started.items).toHaveLength(1);
    const variables = await h.camunda.searchVariables({ filter: { processInstanceKey: started.items[0]!.processInstanceKey }, page: { limit: 100 } });
    expect(Object.fromEntries(variables.items.map((v) => [v.name, JSON.parse(v.value) as unknown])))
      .toEqual({ startedBy: LOGINS.office, startedAt: NOW.toISOString(), startNote: null, year: 2027 });
    expect(env.messages()).toEqual([]);
  });

  it('lets the office start a 不定期 or 专项 inspection, and offers the team the on-site events', async () => {
    // given
    await h.engine.deploy([{ name: 'special-inspection.bpmn', content: Buffer.from(taskDiagram({ id: 'special-inspection', name: '不定期或专项巡查', taskName: '安排不定期或专项巡查', candidateGroups: 'office', formId: null })) }]);
    const office = await signIn(h.app, LOGINS.office);
    const leader = await signIn(h.app, LOGINS.teamLeader);
    // when
    const res = await office.agent.post('/events/special-inspection').type('form').send({ _csrf: office.csrf, subject: '2027', note: '燃气专项' });
    const teamEvents = await leader.agent.get('/events').expect(200);
    // then
    expect(res.status).toBe(303);
    const started = await h.camunda.searchProcessInstances({ filter: { processDefinitionId: 'special-inspection' }, page: { limit: 10 } });
    expect(started.items).toHaveLength(1);
    expect(teamEvents.text).toContain('登记现场发现的重大事故隐患');
    expect(teamEvents.text).toContain('开展延伸巡查');
    expect(teamEvents.text).not.toContain('启动不定期或专项巡查');
  });

  it('lets the office announce city inspections, each starting its own liaison even twice in one year', async () => {
    // given
    await h.engine.deploy([{ name: 'city-inspection-liaison.bpmn', content: Buffer.from(taskDiagram({ id: 'city-inspection-liaison', name: '配合市级巡查', taskName: '制定迎检联络方案', candidateGroups: 'office', formId: null })) }]);
    const { agent, csrf } = await signIn(h.app, LOGINS.office);
    // when
    for (const period of ['2027年3月1日至3月15日', '2027年9月专项巡查']) {
      const res = await agent.post('/events/city-inspection-announced').type('form').send({ _csrf: csrf, subject: '2027', period });
      expect(res.status).toBe(303);
    }
    // then
    const started = await h.camunda.searchProcessInstances({ filter: { processDefinitionId: 'city-inspection-liaison' }, page: { limit: 10 } });
    expect(started.items).toHaveLength(2);
    expect(env.messages()).toEqual([]);
  });
});
