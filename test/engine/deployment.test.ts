import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

describe('A12 deployment and versioning', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('versions per process id, detects duplicates by name and checksum, and gives unique keys', async () => {
    // given
    const v1 = bpmn('p').start().end();
    // when
    const first = await h.deploy(v1);
    const duplicate = await h.deploy(v1);
    const renamed = await h.deploy(['other-name.bpmn', v1.xml()]);
    const changed = await h.deploy(bpmn('p').start().task('t').end());
    const rollback = await h.deploy(v1);
    // then
    expect([first, duplicate, renamed, changed, rollback].map((d) => d.processes[0].version)).toEqual([1, 1, 2, 3, 4]);
    expect(duplicate.processes[0].processDefinitionKey).toBe(first.processes[0].processDefinitionKey);
    expect(first.deploymentKey).not.toBe(first.processes[0].processDefinitionKey);
    expect(h.find({ valueType: 'PROCESS', intent: 'CREATED' })).toHaveLength(4);
  });

  it('refuses a deployment beyond 4 MB before parsing it, and deploys the next one', async () => {
    // given two resources of 2.5 MB each (the gateways take files of up to 4 MB, and up to 100 of them)
    const padded = (id: string): [string, string] => [`${id}.bpmn`, bpmn(id).start().end().xml().replace('</bpmn:definitions>', `<!--${'x'.repeat(2_500_000)}--></bpmn:definitions>`)];

    // when they are deployed together
    const refused = h.deploy(padded('a'), padded('b'));

    // then the deployment is refused naming the limit, and a small one goes through
    await expect(refused).rejects.toMatchObject({ rejectionType: 'INVALID_ARGUMENT', message: expect.stringContaining('at most 4194304 bytes together') });
    expect((await h.deploy(bpmn('small').start().end())).processes).toHaveLength(1);
  });

  it('refuses a deployment of more than 25,000 XML elements before parsing it', async () => {
    // given a small file (under 1 MB) of 30,000 tiny extension elements, which would take seconds to parse
    const crowded = bpmn('crowded').start().end().xml()
      .replace('<bpmn:startEvent id="start">', `<bpmn:startEvent id="start"><bpmn:extensionElements>${'<x:a xmlns:x="urn:x"/>'.repeat(30_000)}</bpmn:extensionElements>`);

    // when it is deployed, then it is refused naming the limit
    await expect(h.deploy(['crowded.bpmn', crowded])).rejects.toMatchObject({
      rejectionType: 'INVALID_ARGUMENT', message: expect.stringContaining('at most 25000 XML elements together, but they held 300'),
    });
  });

  it('keeps running instances on their version and starts new ones on the latest', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('t', { type: 'v1' }).end());
    const old = await h.create('p');
    await h.deploy(bpmn('p').start().serviceTask('t', { type: 'v2' }).end());
    // when
    const fresh = await h.create('p');
    // then
    expect((await h.activateOne('v1')).processInstanceKey).toBe(old);
    expect((await h.activateOne('v2')).processInstanceKey).toBe(fresh);
    const byVersion = await h.engine.createProcessInstance({ bpmnProcessId: 'p', version: 1 });
    expect(byVersion.version).toBe(1);
  });

  it('rejects the whole deployment atomically, naming resource, element and problem', async () => {
    // given
    const good = bpmn('good').start().end();
    const bad = bpmn('bad').start().serviceTask('task', { type: 'x' }).end().xml().replace('<zeebe:taskDefinition type="x"/>', '');
    // when
    const result = h.deploy(good, ['bad.bpmn', bad]);
    // then
    await expect(result).rejects.toMatchObject({
      rejectionType: 'INVALID_ARGUMENT',
      reason: "Expected to deploy new resources, but encountered the following errors:\n'bad.bpmn': - Element: task\n    - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element",
    });
    await expect(h.engine.createProcessInstance({ bpmnProcessId: 'good' })).rejects.toMatchObject({ rejectionType: 'NOT_FOUND' });
  });

  it('rejects expressions that are not valid FEEL, naming element and attribute', async () => {
    // when
    const result = h.deploy(bpmn('feel').start().serviceTask('t', { type: 'w', inputs: [['=a +', 'b']] }).exclusiveGateway('gw', { default: 'd' })
      .condition('=x >', 'bad').end('e1').from('gw').flowId('d').end('e2'));
    // then
    await expect(result).rejects.toThrow(/Element: t\n {4}- ERROR: Invalid input mapping 'b': failed to parse expression/);
    await expect(result).rejects.toThrow(/Element: bad\n {4}- ERROR: Invalid condition: failed to parse expression/);
  });

  it('rejects the same process id in two resources', async () => {
    // when / then
    await expect(h.deploy(['p2.bpmn', bpmn('p').start().end().xml()], ['p3.bpmn', bpmn('p').start().end().xml()])).rejects.toThrow(
      "Duplicated process id in resources 'p2.bpmn' and 'p3.bpmn'");
  });

  it('rejects malformed XML and out-of-scope elements with a clear message, never a crash', async () => {
    // when / then
    await expect(h.deploy(['broken.bpmn', '<bpmn:definitions'])).rejects.toThrow(/'broken.bpmn': Failed to parse the BPMN XML/);
    const complex = bpmn('cx').start().end().xml().replace('<bpmn:endEvent id="end">', '<bpmn:complexGateway id="end">').replace('</bpmn:endEvent>', '</bpmn:complexGateway>');
    await expect(h.deploy(['cx.bpmn', complex])).rejects.toThrow(/Element: end\n {4}- ERROR: Elements of type 'bpmn:ComplexGateway' are not supported/);
  });

  it('deploys forms with versions and rejects a form without id', async () => {
    // when
    const first = await h.deploy(['f.form', JSON.stringify({ id: 'f', components: [] })]);
    const second = await h.deploy(['f.form', JSON.stringify({ id: 'f', components: [{ type: 'text' }] })]);
    // then
    expect([first.forms[0].version, second.forms[0].version]).toEqual([1, 2]);
    await expect(h.deploy(['g.form', JSON.stringify({ components: [] })])).rejects.toThrow("Expected the form to have an 'id' property");
  });
});

describe('resource deletion', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('deletes a process version without instances and falls back to the previous version', async () => {
    // given
    const v1 = await h.deploy(bpmn('p').start().serviceTask('t', { type: 'v1' }).end());
    const v2 = await h.deploy(bpmn('p').start().serviceTask('t', { type: 'v2' }).end());
    const running = await h.create('p');
    // when
    await expect(h.engine.deleteResource(v2.processes[0].processDefinitionKey)).rejects.toMatchObject({ rejectionType: 'INVALID_STATE' });
    await h.engine.cancelProcessInstance(running);
    await h.engine.deleteResource(v2.processes[0].processDefinitionKey);
    // then
    const created = await h.engine.createProcessInstance({ bpmnProcessId: 'p' });
    expect(created.processDefinitionKey).toBe(v1.processes[0].processDefinitionKey);
    const v3 = await h.deploy(bpmn('p').start().serviceTask('t', { type: 'v3' }).end());
    expect(v3.processes[0].version).toBe(3);
    await expect(h.engine.deleteResource('2251799813699999')).rejects.toMatchObject({
      rejectionType: 'NOT_FOUND', reason: 'Expected to delete resource but no resource found with key `2251799813699999`' });
  });

  it('deletes a form and moves message start subscriptions back to the previous version', async () => {
    // given
    const form = await h.deploy(['f.form', JSON.stringify({ id: 'f', components: [] })]);
    await h.deploy(bpmn('m').start('s', { message: 'go' }).end());
    const v2 = await h.deploy(bpmn('m').start('s', { message: 'go' }).end('e2'));
    // when
    await h.engine.deleteResource(form.forms[0].formKey);
    await h.engine.deleteResource(v2.processes[0].processDefinitionKey);
    const result = await h.engine.correlateMessage({ name: 'go', correlationKey: '' });
    // then
    expect(h.find({ valueType: 'FORM', intent: 'DELETED' })).toHaveLength(1);
    await h.awaitCompleted(result.processInstanceKey);
    expect(h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED', key: result.processInstanceKey })[0].value.version).toBe(1);
  });
});
