import { MINIMAL_BPMN, REPORT_FORM } from './support/fixtures';
import { type Harness, LOGINS, signIn, freshWebEachTest } from './support/harness';

const BROKEN = MINIMAL_BPMN('broken', '坏流程').replace(/<bpmn:endEvent[\s\S]*?<\/bpmn:endEvent>/, '').replace(/<bpmn:sequenceFlow id="f2"[^>]*\/>/, '');

describe('web workspace for process owners', () => {
  let h: Harness;
  /** processDefinitionKey of 'inspection' version 1, deployed before each test. */
  let v1: string;
  freshWebEachTest(async (harness) => {
    h = harness;
    const deployed = await h.engine.deploy([
      { name: 'rectification-report.form', content: Buffer.from(JSON.stringify(REPORT_FORM)) },
      { name: 'inspection.bpmn', content: Buffer.from(MINIMAL_BPMN('inspection', '巡查')) },
    ]);
    v1 = deployed.processes[0]!.processDefinitionKey;
  });

  const definitions = (processDefinitionId: string) => h.camunda.searchProcessDefinitions({ filter: { processDefinitionId }, page: { limit: 10 } });

  const post = async (path: string, body: object) => {
    const { agent, csrf } = await signIn(h.app, LOGINS.owner);
    return agent.post(path).set('x-csrf-token', csrf).set('accept', 'application/json').send(body);
  };

  it('lints a diagram with the Camunda 8.8 rules', async () => {
    // when
    const res = await post('/processes/lint', { xml: BROKEN });
    // then
    expect(res.status).toBe(200);
    expect(res.body.issues).toContainEqual(expect.objectContaining({ rule: 'end-event-required', category: 'error' }));
  });

  it('reports unreadable XML as a lint error instead of failing', async () => {
    // when
    const res = await post('/processes/lint', { xml: '<bpmn:definitions' });
    // then
    expect(res.status).toBe(200);
    expect(res.body.issues[0]).toEqual(expect.objectContaining({ rule: 'parse', category: 'error' }));
  });

  it('refuses to deploy a diagram that fails the lint, and deploys nothing', async () => {
    // when
    const res = await post('/processes/deploy', { xml: BROKEN, fileName: 'broken.bpmn' });
    // then
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('流程图未通过检查，未部署。');
    expect((await definitions('broken')).items).toHaveLength(0);
  });

  it('deploys a clean diagram as a new version', async () => {
    // when
    const res = await post('/processes/deploy', { xml: MINIMAL_BPMN('inspection', '巡查', '报送整改报告'), fileName: 'inspection.bpmn' });
    // then
    expect(res.body.issues).toEqual([]);
    expect(res.status).toBe(200);
    const v2 = (await definitions('inspection')).items.find((d) => d.version === 2);
    expect(v2).toBeDefined();
    expect(res.body.process).toEqual(expect.objectContaining({ processDefinitionId: 'inspection', processDefinitionVersion: 2, processDefinitionKey: v2!.processDefinitionKey }));
    expect(res.body.redirect).toBe(`/processes/${v2!.processDefinitionKey}`);
  });

  it('lints the same clean diagram twice with the same result (regression: a cached linter kept rule state)', async () => {
    // when
    const first = await post('/processes/lint', { xml: MINIMAL_BPMN('twice', '两次') });
    const second = await post('/processes/lint', { xml: MINIMAL_BPMN('twice', '两次') });
    // then
    expect(first.body.issues).toEqual([]);
    expect(second.body.issues).toEqual([]);
  });

  it('rejects a file name that is not a plain .bpmn name', async () => {
    // when
    const res = await post('/processes/deploy', { xml: MINIMAL_BPMN('x', 'x'), fileName: '../x.bpmn' });
    // then
    expect(res.status).toBe(400);
  });

  it('compares two versions element by element', async () => {
    // given
    const deployed = await post('/processes/deploy', { xml: MINIMAL_BPMN('inspection', '巡查', '报送整改报告'), fileName: 'inspection.bpmn' });
    const v2 = (deployed.body as { process: { processDefinitionKey: string } }).process.processDefinitionKey;
    const { agent } = await signIn(h.app, LOGINS.owner);
    // when
    const res = await agent.get(`/processes/compare?a=${v1}&b=${v2}`).expect(200);
    // then
    expect(res.text).toContain('名称：报送整改情况 → 报送整改报告');
    expect(res.text).toContain('[{"id":"report","change":"changed"}]');
  });

  it('lists definitions with their versions, shows one with its diagram and serves its XML', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.owner);
    // when
    const list = await agent.get('/processes').expect(200);
    const one = await agent.get(`/processes/${v1}`).expect(200);
    const xml = await agent.get(`/processes/${v1}/xml`).expect(200);
    const edit = await agent.get(`/processes/${v1}/edit`).expect(200);
    // then
    expect(list.text).toContain(`href="/processes/${v1}">v1</a>`);
    expect(list.text).toContain('annual-plan-draft');
    expect(one.text).toContain('id="diagram-xml"');
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(xml.text).toContain('<bpmn:process id="inspection"');
    expect(edit.text).toContain('/assets/modeler.js');
    expect(edit.text).toContain('value="inspection.bpmn"');
  });

  it('previews a form from the forms folder and 404s for unknown or unsafe names', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.owner);
    // when
    const ok = await agent.get('/processes/forms/annual-plan-draft').expect(200);
    // then
    expect(ok.text).toContain('id="form-schema"');
    await agent.get('/processes/forms/none').expect(404);
    await agent.get('/processes/forms/..%2Fpackage').expect(404);
  });
});
