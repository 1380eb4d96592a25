import { EngineHarness } from './support/harness';
import { definitions as dmn, literal } from './dmn/dmn-xml';
import { chain, definitions, end, io, process, resource, serviceTask, start } from './fixtures/xml';

const twoTasks = resource('m.bpmn', definitions(process('m', `${start()}${serviceTask('a')}${serviceTask('b')}${end()}${chain('start', 'a', 'b', 'end')}
  <bpmn:subProcess id="sub">${start('s')}${serviceTask('inner')}${end('s-end')}${chain('s', 'inner', 's-end')}</bpmn:subProcess>`)));

const instanceOf = (h: EngineHarness, elementId: string): string =>
  h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED' }).filter((r) => r.value.elementId === elementId).slice(-1)[0].key;

describe('process instance modification and resource deletion', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('activates an element with global and local variables and terminates another one', async () => {
    // given
    await h.deploy(twoTasks);
    const pi = await h.create('m');
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'a' } });
    // when
    await h.engine.modifyProcessInstance(pi, {
      activateInstructions: [{ elementId: 'b', variableInstructions: [{ variables: { global: 1 } }, { scopeId: 'b', variables: { local: 2 } }] }],
      terminateInstructions: [{ elementInstanceKey: instanceOf(h, 'a') }],
    });
    const job = await h.activateOne('b');
    await h.engine.completeJob(job.key);
    // then
    await h.awaitCompleted(pi);
    expect(job.variables).toEqual({ global: 1, local: 2 });
    expect(h.find({ valueType: 'JOB', intent: 'CANCELED' }).map((r) => r.value.type)).toEqual(['a']);
    expect(h.find({ valueType: 'PROCESS_INSTANCE_MODIFICATION', intent: 'MODIFIED' })).toHaveLength(1);
  });

  it('activates an element inside an active sub-process instance', async () => {
    // given
    await h.deploy(resource('s.bpmn', definitions(process('sp', `${start()}
      <bpmn:subProcess id="sub">${start('s')}${serviceTask('inner')}${serviceTask('second')}${end('s-end')}${chain('s', 'inner', 'second', 's-end')}</bpmn:subProcess>
      ${end()}${chain('start', 'sub', 'end')}`))));
    const pi = await h.create('sp');
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'inner' } });
    // when
    await h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'second' }] });
    // then
    const second = await h.activateOne('second');
    const created = h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATING' }).find((r) => r.value.elementId === 'second');
    expect(created?.value.flowScopeKey).toBe(instanceOf(h, 'sub'));
    expect(second.processInstanceKey).toBe(pi);
  });

  it('terminates the process instance when nothing is left active', async () => {
    // given
    await h.deploy(twoTasks);
    const pi = await h.create('m');
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'a' } });
    // when
    await h.engine.modifyProcessInstance(pi, { terminateInstructions: [{ elementInstanceKey: instanceOf(h, 'a') }] });
    // then
    await h.awaitRecord({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED', key: pi });
  });

  it('rejects unknown instances, elements and element instances without changing anything', async () => {
    // given
    await h.deploy(twoTasks);
    const pi = await h.create('m');
    const before = h.records.length;
    // when
    const unknownInstance = h.engine.modifyProcessInstance('2251799813699999', { activateInstructions: [{ elementId: 'b' }] });
    const unknownElement = h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'b' }, { elementId: 'nope' }] });
    const unknownTarget = h.engine.modifyProcessInstance(pi, { terminateInstructions: [{ elementInstanceKey: '2251799813699999' }] });
    const unsupported = h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 's' }] });
    // then
    await expect(unknownInstance).rejects.toThrow("Expected to modify process instance but no process instance found with key '2251799813699999'");
    await expect(unknownElement).rejects.toThrow("Expected to modify instance of process 'm' but it contains one or more activate instructions with an element that could not be found: 'nope'");
    await expect(unknownTarget).rejects.toThrow("Expected to modify instance of process 'm' but it contains one or more terminate instructions with an element instance that could not be found: '2251799813699999'");
    await expect(unsupported).rejects.toThrow("Expected to modify instance of process 'm' but it contains one or more activate instructions for elements that are unsupported: 's'. "
      + "The activation of elements with type 'START_EVENT' is not supported. Supported element types are: [PROCESS, SUB_PROCESS, EVENT_SUB_PROCESS, "
      + 'AD_HOC_SUB_PROCESS, AD_HOC_SUB_PROCESS_INNER_INSTANCE, INTERMEDIATE_CATCH_EVENT, INTERMEDIATE_THROW_EVENT, END_EVENT, SERVICE_TASK, RECEIVE_TASK, '
      + 'USER_TASK, MANUAL_TASK, TASK, EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY, EVENT_BASED_GATEWAY, INCLUSIVE_GATEWAY, MULTI_INSTANCE_BODY, CALL_ACTIVITY, '
      + 'BUSINESS_RULE_TASK, SCRIPT_TASK, SEND_TASK].');
    expect(h.records.slice(before).filter((r) => r.valueType === 'PROCESS_INSTANCE_MODIFICATION')).toEqual([]);
  });

  it('deletes a DMN resource: its decisions are gone and the previous version is the latest again', async () => {
    // given
    await h.deploy(['d.dmn', dmn(literal('answer', '1'))]);
    const second = await h.deploy(['d.dmn', dmn(literal('answer', '2'))]);
    // when
    await h.engine.deleteResource(second.decisionRequirements[0].decisionRequirementsKey);
    const result = await h.engine.evaluateDecision({ decisionId: 'answer' });
    // then
    expect(result).toMatchObject({ decisionVersion: 1, decisionOutput: '1' });
    expect(h.find({ valueType: 'DECISION', intent: 'DELETED' })).toHaveLength(1);
    expect(h.find({ valueType: 'RESOURCE_DELETION', intent: 'DELETED' })).toHaveLength(1);
  });

  it('refuses to delete a process while instances of it run', async () => {
    // given
    const deployment = await h.deploy(twoTasks);
    await h.create('m');
    const processDefinitionKey = deployment.processes[0].processDefinitionKey;
    // when
    const deletion = h.engine.deleteResource(processDefinitionKey);
    // then
    await expect(deletion).rejects.toMatchObject({
      rejectionType: 'INVALID_STATE', reason: `Expected to delete resource with key \`${processDefinitionKey}\` but there are still running instances`,
    });
  });

  it('creates a missing sub-process instance without running its start event, with variables on it', async () => {
    // given
    await h.deploy(twoTasks);
    const pi = await h.create('m');
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'a' } });
    // when
    await h.engine.modifyProcessInstance(pi, {
      activateInstructions: [{ elementId: 'inner', variableInstructions: [{ scopeId: 'sub', variables: { inSub: true } }] }],
      terminateInstructions: [{ elementInstanceKey: instanceOf(h, 'a') }],
    });
    const inner = await h.activateOne('inner');
    await h.engine.completeJob(inner.key);
    // then
    await h.awaitCompleted(pi);
    expect(inner.variables).toEqual({ inSub: true });
    expect(h.trace(pi)).not.toContain('s:ELEMENT_ACTIVATING');
    expect(h.trace(pi)).toEqual(expect.arrayContaining(['sub:ELEMENT_ACTIVATED', 's-end:ELEMENT_COMPLETED', 'sub:ELEMENT_COMPLETED']));
  });

  it('creates a missing sub-process by events only: its input mappings are not applied, as in Zeebe', async () => {
    // given
    await h.deploy(resource('mapped.bpmn', definitions(process('mapped', `${start()}${serviceTask('a')}${end()}${chain('start', 'a', 'end')}
      <bpmn:subProcess id="sub"><bpmn:extensionElements>${io([['="来自映射"', 'fromMapping']])}</bpmn:extensionElements>
        ${start('s')}${serviceTask('inner')}${end('s-end')}${chain('s', 'inner', 's-end')}</bpmn:subProcess>`))));
    const pi = await h.create('mapped');
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'a' } });
    // when
    await h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'inner' }] });
    // then
    const inner = await h.activateOne('inner');
    expect(inner.variables).toEqual({});
    expect(h.trace(pi)).toEqual(expect.arrayContaining(['sub:ELEMENT_ACTIVATED']));
  });

  it('does not activate inside a sub-process that an earlier instruction of the same command only starts: it creates another one', async () => {
    // given
    await h.deploy(twoTasks);
    const pi = await h.create('m');
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'a' } });
    // when
    await h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'sub' }, { elementId: 'inner' }] });
    // then
    const inner = await h.activate('inner');
    expect(inner).toHaveLength(2);
    const subs = h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED' }).filter((r) => r.value.elementId === 'sub').map((r) => r.key);
    expect(subs).toHaveLength(2);
    const scopes = h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATING' }).filter((r) => r.value.elementId === 'inner').map((r) => r.value.flowScopeKey);
    expect(new Set(scopes)).toEqual(new Set(subs));
  });
});
