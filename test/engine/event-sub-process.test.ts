import { EngineHarness } from './support/harness';
import { chain, definitions, end, escalation, event, process, resource, serviceTask, signal, start } from './fixtures/xml';

/** An event sub-process `esp` with one start event (`startXml`) → handler task `handle` → esp-end. */
function esp(startXml: string, handler = serviceTask('handle')): string {
  return `<bpmn:subProcess id="esp" triggeredByEvent="true">${startXml}${handler}${end('esp-end')}${chain('esp-start', 'handle', 'esp-end')}</bpmn:subProcess>`;
}

const rootVariables = (h: EngineHarness, pi: string): unknown[][] =>
  h.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi).map((r) => [r.value.name, r.value.value]);

const message = '<bpmn:message id="msg-cancel" name="cancel"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/></bpmn:extensionElements></bpmn:message>';

describe('A8 event sub-processes', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('an interrupting message start terminates the other elements; the process completes after the event sub-process', async () => {
    // given
    await h.deploy(resource('p.bpmn', definitions(process('p', `${start()}${serviceTask('work')}${end()}${chain('start', 'work', 'end')}
      ${esp(event('bpmn:startEvent', 'esp-start', 'message', 'msg-cancel'))}`), message)));
    const pi = await h.create('p', { orderId: 'o-1' });
    // when
    await h.engine.publishMessage({ name: 'cancel', correlationKey: 'o-1', variables: { reason: '撤销' } });
    await h.completeJobOf('handle');
    // then
    await h.awaitCompleted(pi);
    const trace = h.trace(pi);
    expect(trace.indexOf('work:ELEMENT_TERMINATED')).toBeLessThan(trace.indexOf('esp:ELEMENT_ACTIVATING'));
    expect(trace).not.toContain('end:ELEMENT_ACTIVATING');
    expect(h.find({ valueType: 'JOB', intent: 'CANCELED' }).map((r) => r.value.type)).toEqual(['work']);
    expect(rootVariables(h, pi)).toEqual([['orderId', '"o-1"'], ['reason', '"撤销"']]);
  });

  it('keeps the message payload through an incident of its input mappings: resolved, the start event still gets it', async () => {
    // given an event sub-process whose input mapping fails until `ready` is set
    const guarded = `<bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:extensionElements><zeebe:ioMapping>
      <zeebe:input source="=assert(ready, ready = true)" target="checked"/></zeebe:ioMapping></bpmn:extensionElements>
      ${event('bpmn:startEvent', 'esp-start', 'message', 'msg-cancel')}${serviceTask('handle')}${end('esp-end')}${chain('esp-start', 'handle', 'esp-end')}</bpmn:subProcess>`;
    await h.deploy(resource('p.bpmn', definitions(process('p', `${start()}${serviceTask('work')}${end()}${chain('start', 'work', 'end')}${guarded}`), message)));
    const pi = await h.create('p', { orderId: 'o-1', ready: false });
    await h.engine.publishMessage({ name: 'cancel', correlationKey: 'o-1', variables: { reason: '撤销' } });
    const [incident] = h.incidents(pi);
    expect(incident.value).toMatchObject({ errorType: 'IO_MAPPING_ERROR', elementId: 'esp' });

    // when the cause is fixed and the incident resolved
    await h.engine.setVariables({ elementInstanceKey: pi, variables: { ready: true } });
    await h.engine.resolveIncident(incident.key);
    await h.completeJobOf('handle');

    // then the message's variables arrived as if nothing had failed
    await h.awaitCompleted(pi);
    expect(rootVariables(h, pi)).toContainEqual(['reason', '"撤销"']);
  });

  it('a non-interrupting timer cycle runs alongside, and the process waits for it', async () => {
    // given
    await h.deploy(resource('p.bpmn', definitions(process('p', `${start()}${serviceTask('work')}${end()}${chain('start', 'work', 'end')}
      ${esp(`<bpmn:startEvent id="esp-start" isInterrupting="false"><bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R2/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>`)}`))));
    const pi = await h.create('p');
    // when
    h.advance(60_000);
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'handle' } });
    const rearmed = h.find({ valueType: 'TIMER', intent: 'CREATED' })[1];
    h.advance(60_000);
    await h.awaitRecord({ valueType: 'TIMER', intent: 'TRIGGERED', key: rearmed.key });
    const handlers = await h.activate('handle');
    await h.completeJobOf('work');
    for (const job of handlers) await h.engine.completeJob(job.key);
    // then
    await h.awaitCompleted(pi);
    expect(handlers).toHaveLength(2);
    expect(h.find({ valueType: 'TIMER', intent: 'TRIGGERED' })).toHaveLength(2);
    const trace = h.trace(pi);
    expect(trace.indexOf('end:ELEMENT_COMPLETED')).toBeLessThan(trace.indexOf('p:ELEMENT_COMPLETED'));
    expect(trace.filter((t) => t === 'esp:ELEMENT_COMPLETED')).toHaveLength(2);
  });

  it('an error start catches an error thrown by a job, with the error variables at the root', async () => {
    // given
    await h.deploy(resource('p.bpmn', definitions(process('p', `${start()}${serviceTask('work')}${end()}${chain('start', 'work', 'end')}
      ${esp(event('bpmn:startEvent', 'esp-start', 'error', 'err'))}`), '<bpmn:error id="err" errorCode="FAILED"/>')));
    const pi = await h.create('p');
    const job = await h.activateOne('work');
    // when
    await h.engine.throwError(job.key, { errorCode: 'FAILED', variables: { cause: 'x' } });
    await h.completeJobOf('handle');
    // then
    await h.awaitCompleted(pi);
    expect(rootVariables(h, pi)).toEqual([['cause', '"x"']]);
    expect(h.trace(pi)).toContain('work:ELEMENT_TERMINATED');
  });

  it('inside a sub-process: an interrupting signal start ends the sub-process, which then takes its outgoing flow', async () => {
    // given
    await h.deploy(resource('p.bpmn', definitions(process('p', `${start()}
      <bpmn:subProcess id="sub">${start('s')}${serviceTask('work')}${end('s-end')}${chain('s', 'work', 's-end')}
        ${esp(event('bpmn:startEvent', 'esp-start', 'signal', 'sig'), '<bpmn:task id="handle"/>')}</bpmn:subProcess>
      ${serviceTask('after')}${end()}${chain('start', 'sub', 'after', 'end')}`), signal('sig', 'stop'))));
    const pi = await h.create('p');
    // when
    await h.engine.broadcastSignal({ signalName: 'stop' });
    await h.completeJobOf('after');
    // then
    await h.awaitCompleted(pi);
    expect(h.trace(pi)).toEqual(expect.arrayContaining(['work:ELEMENT_TERMINATED', 'esp:ELEMENT_COMPLETED', 'sub:ELEMENT_COMPLETED']));
  });

  it('a non-interrupting escalation start catches an escalation thrown in its scope; both continue', async () => {
    // given
    await h.deploy(resource('p.bpmn', definitions(process('p', `${start()}
      <bpmn:subProcess id="sub">${start('s')}${event('bpmn:intermediateThrowEvent', 'raise', 'escalation', 'esc-late')}${serviceTask('work')}${end('s-end')}${chain('s', 'raise', 'work', 's-end')}
        ${esp('<bpmn:startEvent id="esp-start" isInterrupting="false"><bpmn:escalationEventDefinition escalationRef="esc-late"/></bpmn:startEvent>')}</bpmn:subProcess>
      ${end()}${chain('start', 'sub', 'end')}`), escalation('esc-late', 'LATE'))));
    const pi = await h.create('p');
    // when
    await h.completeJobOf('handle');
    await h.completeJobOf('work');
    // then
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'ESCALATION' })[0]).toMatchObject({ intent: 'ESCALATED', value: { catchElementId: 'esp-start' } });
    expect(h.trace(pi)).toEqual(expect.arrayContaining(['raise:ELEMENT_COMPLETED', 'esp:ELEMENT_COMPLETED', 'sub:ELEMENT_COMPLETED']));
  });

  it('rejects an event sub-process with a none start event', async () => {
    // when
    const result = h.deploy(resource('p.bpmn', definitions(process('p', `${start()}${end()}${chain('start', 'end')}${esp(start('esp-start'))}`))));
    // then
    await expect(result).rejects.toThrow('Start events of event sub-processes must have a timer, message, error, signal or escalation event definition');
  });

  it('a non-interrupting message start correlates each new message while the scope is active', async () => {
    // given
    await h.deploy(resource('p.bpmn', definitions(process('p', `${start()}${serviceTask('work')}${end()}${chain('start', 'work', 'end')}
      ${esp('<bpmn:startEvent id="esp-start" isInterrupting="false"><bpmn:messageEventDefinition messageRef="msg-cancel"/></bpmn:startEvent>', '<bpmn:task id="handle"/>')}`), message)));
    const pi = await h.create('p', { orderId: 'o-9' });
    // when
    await h.engine.publishMessage({ name: 'cancel', correlationKey: 'o-9' });
    await h.engine.publishMessage({ name: 'cancel', correlationKey: 'o-9' });
    await h.completeJobOf('work');
    // then
    await h.awaitCompleted(pi);
    expect(h.trace(pi).filter((t) => t === 'esp:ELEMENT_COMPLETED')).toHaveLength(2);
    expect(h.find({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'CORRELATED' })).toHaveLength(2);
  });

  it('an error start in the parent catches an error thrown in a called process', async () => {
    // given
    await h.deploy(resource('child.bpmn', definitions(process('child', `${start('c')}${serviceTask('child-work')}${end('ce')}${chain('c', 'child-work', 'ce')}`))),
      resource('p.bpmn', definitions(process('p', `${start()}
        <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child"/></bpmn:extensionElements></bpmn:callActivity>${end()}
        ${chain('start', 'call', 'end')}${esp(event('bpmn:startEvent', 'esp-start', 'error', 'err'), '<bpmn:task id="handle"/>')}`), '<bpmn:error id="err" errorCode="REFUSED"/>')));
    const pi = await h.create('p');
    const job = await h.activateOne('child-work');
    // when
    await h.engine.throwError(job.key, { errorCode: 'REFUSED' });
    // then
    await h.awaitCompleted(pi);
    expect(h.trace(pi)).toEqual(expect.arrayContaining(['call:ELEMENT_TERMINATED', 'esp:ELEMENT_COMPLETED']));
    expect(h.trace(job.processInstanceKey)).toContain('child:ELEMENT_TERMINATED');
  });
});
