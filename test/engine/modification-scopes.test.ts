import { EngineHarness } from './support/harness';
import { chain, definitions, end, event, flow, process, resource, serviceTask, start } from './fixtures/xml';

/** Modification that needs event sub-process or multi-instance scopes (Zeebe 8.8 ElementActivationBehavior). */

const message = `<bpmn:message id="m-alarm" name="alarm"><bpmn:extensionElements><zeebe:subscription correlationKey="=key"/></bpmn:extensionElements></bpmn:message>`;
const alarm = resource('alarm.bpmn', definitions(process('alarm', `${start()}${serviceTask('work')}${end()}${chain('start', 'work', 'end')}
  <bpmn:subProcess id="esp" triggeredByEvent="true">${event('bpmn:startEvent', 'esp-start', 'message', 'm-alarm', ' isInterrupting="true"')}
    <bpmn:parallelGateway id="fork"/>${serviceTask('handle')}${serviceTask('notify')}${end('handled')}${end('notified')}
    ${chain('esp-start', 'fork', 'handle', 'handled')}${flow('fork', 'notify')}${flow('notify', 'notified')}
  </bpmn:subProcess>`), message));

const loop = (collection: string, element: string, extra = ''): string =>
  `<bpmn:multiInstanceLoopCharacteristics${extra}><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="${collection}" inputElement="${element}"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>`;
const batch = resource('batch.bpmn', definitions(process('batch', `${start()}${serviceTask('work')}
  ${serviceTask('each', 'each', '', loop('=items', 'item'))}${end()}${chain('start', 'work', 'each', 'end')}`)));
const rounds = resource('rounds.bpmn', definitions(process('rounds', `${start()}${serviceTask('work')}
  <bpmn:subProcess id="per">${loop('=[1,2,3]', 'n')}${start('s')}${serviceTask('a')}${serviceTask('b')}${end('e')}${chain('s', 'a', 'b', 'e')}</bpmn:subProcess>
  ${end()}${chain('start', 'work', 'per', 'end')}`)));

const rejectedWith = (reason: string): object => expect.objectContaining({ rejectionType: 'INVALID_ARGUMENT', reason });

describe('process instance modification with event sub-process and multi-instance scopes', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  const activated = (elementId: string) =>
    h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED' }).filter((r) => r.value.elementId === elementId);
  const expectReplayEqualsLive = (): void => expect(h.engine.replaySnapshot()).toEqual(h.engine.stateSnapshot());

  it('creates one event sub-process instance for two elements inside it, without its start event and without interrupting', async () => {
    // given
    await h.deploy(alarm);
    const pi = await h.create('alarm', { key: 'k-1' });
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'work' } });
    // when
    await h.engine.modifyProcessInstance(pi, {
      activateInstructions: [
        { elementId: 'handle', variableInstructions: [{ scopeId: 'esp', variables: { 级别: '重大' } }] },
        { elementId: 'notify' },
      ],
    });
    // then
    const esp = activated('esp');
    expect(esp).toHaveLength(1);
    expect(esp[0].value).toMatchObject({ flowScopeKey: pi, bpmnElementType: 'EVENT_SUB_PROCESS' });
    expect(h.trace(pi)).not.toContain('esp-start:ELEMENT_ACTIVATING');
    const handle = await h.activateOne('handle');
    expect(handle.variables).toEqual({ key: 'k-1', 级别: '重大' });
    expect(h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATING' }).filter((r) => r.value.elementId === 'notify')[0].value.flowScopeKey)
      .toBe(esp[0].key);
    expect(h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED' })).toEqual([]);
    expect(h.find({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'DELETED' })).toEqual([]);
    expectReplayEqualsLive();
    // and the instance ends once the event sub-process and the untouched task are done
    await h.engine.completeJob(handle.key);
    await h.completeJobOf('notify');
    await h.completeJobOf('work');
    await h.awaitCompleted(pi);
    expect(h.trace(pi)).toEqual(expect.arrayContaining(['esp:ELEMENT_COMPLETED', 'work:ELEMENT_COMPLETED']));
  });

  it('lets the real trigger of an interrupting event sub-process a modification created interrupt the scope, as in Zeebe', async () => {
    // given
    await h.deploy(alarm);
    const pi = await h.create('alarm', { key: 'k-5' });
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'work' } });
    await h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'handle' }] });
    const created = activated('esp')[0].key;
    // when
    await h.engine.publishMessage({ name: 'alarm', correlationKey: 'k-5', variables: {} });
    // then
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'notify' } });
    const terminated = h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED' }).map((r) => r.value.elementId);
    expect(terminated).toEqual(expect.arrayContaining(['work', 'handle', 'esp']));
    expect(h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED', key: created })).toHaveLength(1);
    expect(activated('esp-start')).toHaveLength(1);
  });

  it('activates an event sub-process itself: it runs its start event and leaves the rest of the scope running', async () => {
    // given
    await h.deploy(alarm);
    const pi = await h.create('alarm', { key: 'k-2' });
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'work' } });
    // when
    await h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'esp' }] });
    // then
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'notify' } });
    expect(h.trace(pi)).toEqual(expect.arrayContaining(['esp-start:ELEMENT_COMPLETED', 'handle:ELEMENT_ACTIVATED']));
    expect((await h.activate('work')).map((j) => j.type)).toEqual(['work']);
    expectReplayEqualsLive();
  });

  it('activates elements in a scope that an interrupting event sub-process took over', async () => {
    // given
    await h.deploy(alarm);
    const pi = await h.create('alarm', { key: 'k-4' });
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'work' } });
    await h.engine.publishMessage({ name: 'alarm', correlationKey: 'k-4', variables: {} });
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'notify' } });
    // when
    await h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'work' }, { elementId: 'handle' }] });
    // then
    expect(activated('work')).toHaveLength(2);
    expect(activated('esp')).toHaveLength(1);
    expect(activated('handle').map((r) => r.value.flowScopeKey)).toEqual([activated('esp')[0].key, activated('esp')[0].key]);
    for (const type of ['work', 'handle', 'handle', 'notify']) await h.completeJobOf(type);
    await h.awaitCompleted(pi);
  });

  it('activates a multi-instance activity: the body evaluates its input collection as on a normal activation', async () => {
    // given
    await h.deploy(batch);
    const pi = await h.create('batch');
    const work = await h.activateOne('work');
    // when
    await h.engine.modifyProcessInstance(pi, {
      activateInstructions: [{ elementId: 'each', variableInstructions: [{ variables: { items: ['甲', '乙'] } }] }],
      terminateInstructions: [{ elementInstanceKey: work.elementInstanceKey }],
    });
    // then
    const jobs = await h.activate('each');
    expect(jobs.map((j) => j.variables.item)).toEqual(['甲', '乙']);
    expect(activated('each').map((r) => r.value.bpmnElementType)).toEqual(['MULTI_INSTANCE_BODY', 'SERVICE_TASK', 'SERVICE_TASK']);
    expect(h.find({ valueType: 'MULTI_INSTANCE', intent: 'INPUT_COLLECTION_EVALUATED' })).toHaveLength(1);
    expectReplayEqualsLive();
    for (const job of jobs) await h.engine.completeJob(job.key);
    await h.awaitCompleted(pi);
  });

  it('raises the input collection incident on the body when the activated multi-instance activity has no array', async () => {
    // given
    await h.deploy(batch);
    const pi = await h.create('batch', { items: '不是列表' });
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'work' } });
    // when
    await h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'each' }] });
    // then
    const incident = await h.awaitRecord({ valueType: 'INCIDENT', intent: 'CREATED' });
    expect(incident.value).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'each' });
  });

  it('activates inside the chosen inner instance of a multi-instance sub-process and refuses to guess or to create one', async () => {
    // given
    await h.deploy(rounds);
    const pi = await h.create('rounds');
    await h.completeJobOf('work');
    await h.awaitCount({ valueType: 'JOB', intent: 'CREATED', value: { type: 'a' } }, 3);
    const body = activated('per').find((r) => r.value.bpmnElementType === 'MULTI_INSTANCE_BODY');
    const inner = activated('per').filter((r) => r.value.bpmnElementType === 'SUB_PROCESS');
    const before = h.records.length;
    // when
    const unchosen = h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'b' }] });
    const onBody = h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'b', ancestorElementInstanceKey: body?.key }] });
    const onProcess = h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'b', ancestorElementInstanceKey: pi }] });
    // then
    await expect(unchosen).rejects.toEqual(rejectedWith("Expected to modify instance of process 'rounds' but it contains one or more activate instructions "
      + "for an element that has a flow scope with more than one active instance: 'per'. Can't decide in which instance of the flow scope "
      + 'the element should be activated. Please specify an ancestor element instance key for this activate instruction.'));
    const multiInstance = rejectedWith("Expected to modify instance of process 'rounds' but it contains one or more activate instructions "
      + "that would result in the activation of multi-instance element 'per', which is currently unsupported.");
    await expect(onBody).rejects.toEqual(multiInstance);
    await expect(onProcess).rejects.toEqual(multiInstance);
    expect(h.records.length).toBe(before);
    // when
    await h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'b', ancestorElementInstanceKey: inner[1].key }] });
    // then
    const b = await h.activateOne('b');
    expect(b.variables).toMatchObject({ n: 2, loopCounter: 2 });
    expect(h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATING' }).find((r) => r.value.elementId === 'b')?.value.flowScopeKey).toBe(inner[1].key);
    expectReplayEqualsLive();
  });

  it('refuses to activate inside a multi-instance sub-process that is not running', async () => {
    // given
    await h.deploy(rounds);
    const pi = await h.create('rounds');
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'work' } });
    // when
    const modification = h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'a' }] });
    // then
    await expect(modification).rejects.toEqual(rejectedWith("Expected to modify instance of process 'rounds' but it contains one or more "
      + "activate instructions that would result in the activation of multi-instance element 'per', which is currently unsupported."));
    expect(activated('per')).toEqual([]);
    expect((await h.activate('work')).map((j) => j.type)).toEqual(['work']);
  });
});

describe('modified instances after a restart', () => {
  it('recovers the created event sub-process and multi-instance scopes and goes on from them, also after a refused modification', async () => {
    // given
    let h = await EngineHarness.start({ durability: 'full' });
    await h.deploy(alarm, rounds);
    const other = await h.create('rounds');
    await h.completeJobOf('work');
    await h.awaitCount({ valueType: 'JOB', intent: 'CREATED', value: { type: 'a' } }, 3);
    const pi = await h.create('alarm', { key: 'k-3' });
    await h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'handle' }] });
    await expect(h.engine.modifyProcessInstance(other, { activateInstructions: [{ elementId: 'work' }, { elementId: 'b' }] })).rejects.toThrow('more than one active instance');
    const before = h.engine.stateSnapshot();
    // when
    h = await h.restart();
    // then
    expect(h.engine.stateSnapshot()).toEqual(before);
    await h.completeJobOf('handle');
    await h.completeJobOf('work');
    await h.awaitCompleted(pi);
    expect(h.trace(pi)).toEqual(expect.arrayContaining(['esp:ELEMENT_COMPLETED']));
    await h.close();
  });
});
