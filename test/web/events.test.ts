import { auditTrail } from '../../src/db/audit';
import { type Actor } from '../../src/db/audit';
import { openInspection } from '../../src/db/registers/inspections';
import { createHandover, listHazard } from '../../src/db/registers/supervision';
import { registerProblems } from '../../src/db/registers/inspections';
import { messageWaitDiagram, taskDiagram, twoReportsDiagram } from './support/fixtures';
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

  /** Deploys a process waiting for `message` (correlated by `variable`) and starts one instance per subject. */
  const waitFor = async (message: string, variable: string, subjects: string[], diagram = messageWaitDiagram) => {
    const id = `wait-${message}`;
    await h.engine.deploy([{ name: `${id}.bpmn`, content: Buffer.from(diagram(id, message, variable)) }]);
    const keys: string[] = [];
    for (const subject of subjects) keys.push((await h.engine.createProcessInstance({ bpmnProcessId: id, variables: { [variable]: subject } })).processInstanceKey);
    return keys;
  };
  const REPORT = '对反馈的三项问题已全部完成整改，建立了长效机制并落实了责任人。';

  it('delivers the unit’s rectification report to its inspection’s waiting process, and audits it with the instance', async () => {
    // given
    const [waiting] = await waitFor('rectification-submitted', 'inspectionId', [inspA]);
    const { agent, csrf } = await signIn(h.app, LOGINS.unitA);
    const form = await agent.get('/events/rectification-submitted').expect(200);
    // when
    const res = await agent.post('/events/rectification-submitted').type('form').send({ _csrf: csrf, subject: inspA, report: REPORT, investigation: '' });
    const done = await agent.get(res.headers.location!).expect(200);
    // then
    expect(form.text).toContain(`value="${inspA}"`);
    expect(form.text).not.toContain(`value="${inspB}"`);
    expect(res.status).toBe(303);
    expect(done.text).toContain('已送达办理流程：报送整改和查处情况报告');
    expect((await h.camunda.getProcessInstance(waiting!)).state).toBe('COMPLETED');
    const variables = await h.camunda.searchVariables({ filter: { processInstanceKey: waiting, name: 'rectificationReport' }, page: { limit: 1 } });
    expect(JSON.parse(variables.items[0]!.value)).toEqual({ report: REPORT, investigation: null, submittedBy: LOGINS.unitA, submittedAt: NOW.toISOString() });
    const trail = await auditTrail(h.store.db, { actor: LOGINS.unitA });
    expect(trail.find((t) => t.action === 'event.rectification-submitted')).toMatchObject({
      entityId: inspA, data: { outcome: 'ok', processInstanceKey: waiting, messageId: expect.stringMatching(/^web-[0-9a-f]{64}$/), repeated: false },
    });
  });

  it('offers only the inspections whose process waits for the report now', async () => {
    // given: the office sees every inspection; only inspection A's process waits for complaints
    await waitFor('complaint-received', 'inspectionId', [inspA]);
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const form = await agent.get('/events/complaint-received').expect(200);
    // then
    expect(form.text).toContain(`value="${inspA}"`);
    expect(form.text).not.toContain(`value="${inspB}"`);
  });

  it('offers subjects whose process waits at an event-based gateway or in an event sub-process', async () => {
    // given: acceptance requests taken at a gateway (hazard A); complaints taken any time (inspection B)
    const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"';
    const gateway = `<bpmn:definitions ${NS} id="g" targetNamespace="t">
      <bpmn:message id="m" name="acceptance-requested"><bpmn:extensionElements><zeebe:subscription correlationKey="=hazardId" /></bpmn:extensionElements></bpmn:message>
      <bpmn:process id="gate" isExecutable="true">
        <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="a" sourceRef="s" targetRef="g1" />
        <bpmn:eventBasedGateway id="g1" /><bpmn:sequenceFlow id="b" sourceRef="g1" targetRef="req" /><bpmn:sequenceFlow id="c" sourceRef="g1" targetRef="t" />
        <bpmn:intermediateCatchEvent id="req"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
        <bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:timeDuration>P30D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      </bpmn:process></bpmn:definitions>`;
    const subProcess = `<bpmn:definitions ${NS} id="e" targetNamespace="t">
      <bpmn:message id="m" name="complaint-received"><bpmn:extensionElements><zeebe:subscription correlationKey="=inspectionId" /></bpmn:extensionElements></bpmn:message>
      <bpmn:process id="watch" isExecutable="true">
        <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="a" sourceRef="s" targetRef="u" />
        <bpmn:userTask id="u"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
        <bpmn:subProcess id="any-time" triggeredByEvent="true">
          <bpmn:startEvent id="o" isInterrupting="false"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>
        </bpmn:subProcess>
      </bpmn:process></bpmn:definitions>`;
    await h.engine.deploy([{ name: 'gate.bpmn', content: Buffer.from(gateway) }, { name: 'watch.bpmn', content: Buffer.from(subProcess) }]);
    await h.engine.createProcessInstance({ bpmnProcessId: 'gate', variables: { hazardId: hazardA } });
    await h.engine.createProcessInstance({ bpmnProcessId: 'watch', variables: { inspectionId: inspB } });
    const unit = await signIn(h.app, LOGINS.unitA);
    const office = await signIn(h.app, LOGINS.office);
    // when
    const acceptance = await unit.agent.get('/events/acceptance-requested').expect(200);
    const complaint = await office.agent.get('/events/complaint-received').expect(200);
    // then
    expect(acceptance.text).toContain(`value="${hazardA}"`);
    expect(complaint.text).toContain(`value="${inspB}"`);
    expect(complaint.text).not.toContain(`value="${inspA}"`);
  });

  it('refuses a report no process waits for with a clear message, keeps what was entered and sends nothing', async () => {
    // given: inspection A is the unit's own, but nothing waits for its rectification report
    const { agent, csrf } = await signIn(h.app, LOGINS.unitA);
    // when
    const res = await agent.post('/events/rectification-submitted').type('form').send({ _csrf: csrf, subject: inspA, report: REPORT });
    // then
    expect(res.status).toBe(409);
    expect(res.text).toContain('所选巡查当前没有等待「报送整改和查处情况报告」的流程环节，报告未发送。');
    expect(res.text).toContain(REPORT);
    expect(env.messages()).toEqual([]);
    const trail = await auditTrail(h.store.db, { actor: LOGINS.unitA });
    expect(trail.find((t) => t.action === 'event.rectification-submitted')).toMatchObject({ data: { outcome: 'denied', reason: 'no-subscription' } });
  });

  it('delivers the same report sent twice only once, and a different report as the next one', async () => {
    // given: a process that takes two progress reports in a row
    const [waiting] = await waitFor('hazard-progress', 'hazardId', [hazardA], twoReportsDiagram);
    const { agent, csrf } = await signIn(h.app, LOGINS.unitA);
    const report = { _csrf: csrf, subject: hazardA, percent: '40', text: '防火堤基础已浇筑完成' };
    // when
    const first = await agent.post('/events/hazard-progress').type('form').send(report).expect(303);
    const again = await agent.post('/events/hazard-progress').type('form').send(report).expect(303);
    const repeated = await agent.get(again.headers.location!).expect(200);
    const stillWaiting = (await h.camunda.getProcessInstance(waiting!)).state;
    const next = await agent.post('/events/hazard-progress').type('form').send({ ...report, percent: '80', text: '防火堤主体已完工' }).expect(303);
    // then
    expect(first.headers.location).toBe('/events?done=hazard-progress');
    expect(again.headers.location).toBe('/events?done=hazard-progress&repeated=1');
    expect(repeated.text).toContain('此前已报送过相同内容，流程已收到，未重复发送');
    expect(stillWaiting).toBe('ACTIVE');
    expect(next.headers.location).toBe('/events?done=hazard-progress');
    expect((await h.camunda.getProcessInstance(waiting!)).state).toBe('COMPLETED');
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
    const [waiting] = await waitFor('hazard-progress', 'hazardId', [hazardA]);
    const { agent, csrf } = await signIn(h.app, LOGINS.unitA);
    // when
    const res = await agent.post('/events/hazard-progress').type('form').send({ _csrf: csrf, subject: hazardA, percent: '120', text: '正在施工防火堤' });
    const ok = await agent.post('/events/hazard-progress').type('form').send({ _csrf: csrf, subject: hazardA, percent: '60', text: '正在施工防火堤' });
    // then
    expect(res.status).toBe(422);
    expect(res.text).toContain('「完成比例（%）」不能大于 100。');
    expect(ok.status).toBe(303);
    const progress = await h.camunda.searchVariables({ filter: { processInstanceKey: waiting, name: 'progress' }, page: { limit: 1 } });
    expect(JSON.parse(progress.items[0]!.value)).toEqual(expect.objectContaining({ percent: 60 }));
  });

  it('no longer takes a department’s receipt or result as a report: it is refused with where to go, and nothing is sent', async () => {
    // given a process that still waits for the old message (an instance of an earlier version)
    const [waiting] = await waitFor('handover-receipt', 'handoverId', [handover]);
    const { agent, csrf } = await signIn(h.app, h.departmentLogin);
    // when the department opens the reports and the old forms, and posts the old report
    const list = await agent.get('/events').expect(200);
    const receiptForm = await agent.get(`/events/handover-receipt?subject=${handover}`);
    const resultForm = await agent.get('/events/handover-result');
    const posted = await agent.post('/events/handover-receipt').type('form').send({ _csrf: csrf, subject: handover, decision: '签收办理', reason: '' });
    // then nothing offers it, each is refused in Chinese with the task to open instead, and nothing reaches the process
    expect(list.text).not.toContain('签收移交问题');
    expect(list.text).not.toContain('反馈移交办理结果');
    expect(receiptForm.status).toBe(410);
    expect(receiptForm.text).toContain('移交问题的签收已改在「任务」中办理：请在任务列表中打开「签收移交问题」任务，选择接收或退回。');
    expect(resultForm.status).toBe(410);
    expect(resultForm.text).toContain('请在任务列表中打开「报送办理结果」任务填报。');
    expect(posted.status).toBe(410);
    expect(env.messages()).toEqual([]);
    const received = await h.camunda.searchVariables({ filter: { processInstanceKey: waiting, name: 'receiptAccepted' }, page: { limit: 1 } });
    expect(received.items).toEqual([]);
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

  it('starts the same city inspection announcement only once', async () => {
    // given
    await h.engine.deploy([{ name: 'city-inspection-liaison.bpmn', content: Buffer.from(taskDiagram({ id: 'city-inspection-liaison', name: '配合市级巡查', taskName: '制定迎检联络方案', candidateGroups: 'office', formId: null })) }]);
    const { agent, csrf } = await signIn(h.app, LOGINS.office);
    const spring = { _csrf: csrf, subject: '2027', period: '2027年3月1日至3月15日' };
    // when
    const first = await agent.post('/events/city-inspection-announced').type('form').send(spring);
    const again = await agent.post('/events/city-inspection-announced').type('form').send(spring);
    // then
    expect([first.status, again.status]).toEqual([303, 303]);
    expect(again.headers.location).toContain('repeated=1');
    const started = await h.camunda.searchProcessInstances({ filter: { processDefinitionId: 'city-inspection-liaison' }, page: { limit: 10 } });
    expect(started.items).toHaveLength(1);
  });

  it('says so when no process can take a city inspection announcement', async () => {
    // given: no liaison process deployed
    const { agent, csrf } = await signIn(h.app, LOGINS.office);
    // when
    const res = await agent.post('/events/city-inspection-announced').type('form').send({ _csrf: csrf, subject: '2027', period: '2027年3月1日至3月15日' });
    // then
    expect(res.status).toBe(409);
    expect(res.text).toContain('报告未发送');
    expect(res.text).toContain('2027年3月1日至3月15日');
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
