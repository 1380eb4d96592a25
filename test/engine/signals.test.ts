import { EngineHarness } from './support/harness';
import { chain, definitions, end, event, flow, io, process, resource, serviceTask, signal, start } from './fixtures/xml';

const CATCH = 'bpmn:intermediateCatchEvent';

const rootVariables = (h: EngineHarness, pi: string): unknown[][] =>
  h.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi).map((r) => [r.value.name, r.value.value]);

describe('A7 signals', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('triggers waiting catch events, non-interrupting boundary events and event-based gateway targets, with the payload', async () => {
    // given
    await h.deploy(resource('wait.bpmn', definitions(process('wait', `${start()}${event(CATCH, 'alarm', 'signal', 'sig')}${end()}${chain('start', 'alarm', 'end')}`), signal('sig', '警报'))),
      resource('task.bpmn', definitions(process('task', `${start()}${serviceTask('work')}${end()}
        ${event('bpmn:boundaryEvent', 'notified', 'signal', 'sig', ' attachedToRef="work" cancelActivity="false"')}${end('noted')}
        ${chain('start', 'work', 'end')}${chain('notified', 'noted')}`), signal('sig', '警报'))),
      resource('gw.bpmn', definitions(process('gw', `${start()}<bpmn:eventBasedGateway id="g"/>${event(CATCH, 'by-signal', 'signal', 'sig')}
        <bpmn:intermediateCatchEvent id="by-timer"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        ${end('e1')}${end('e2')}${chain('start', 'g')}${flow('g', 'by-signal')}${flow('g', 'by-timer')}${chain('by-signal', 'e1')}${chain('by-timer', 'e2')}`), signal('sig', '警报'))));
    const waiting = await h.create('wait');
    const task = await h.create('task');
    const gw = await h.create('gw');
    // when
    await h.engine.broadcastSignal({ signalName: '警报', variables: { level: 2 } });
    // then
    await h.awaitCompleted(waiting);
    await h.awaitCompleted(gw);
    expect(rootVariables(h, waiting)).toEqual([['level', '2']]);
    expect(h.trace(task)).toContain('noted:ELEMENT_COMPLETED');
    expect(h.trace(task)).not.toContain('work:ELEMENT_TERMINATED');
    expect(h.trace(gw)).toContain('e1:ELEMENT_COMPLETED');
    expect(h.find({ valueType: 'TIMER', intent: 'CANCELED' })).toHaveLength(1);
    // the non-interrupting boundary event keeps listening while its task is active
    expect(h.find({ valueType: 'SIGNAL_SUBSCRIPTION', intent: 'DELETED' })).toHaveLength(2);
  });

  it('interrupts the activity with an interrupting boundary event and cancels its job', async () => {
    // given
    await h.deploy(resource('task.bpmn', definitions(process('task', `${start()}${serviceTask('work')}${end()}
      ${event('bpmn:boundaryEvent', 'stop', 'signal', 'sig', ' attachedToRef="work"')}${end('stopped')}
      ${chain('start', 'work', 'end')}${chain('stop', 'stopped')}`), signal('sig', 'stop'))));
    const pi = await h.create('task');
    // when
    await h.engine.broadcastSignal({ signalName: 'stop' });
    // then
    await h.awaitCompleted(pi);
    expect(h.trace(pi)).toEqual(expect.arrayContaining(['work:ELEMENT_TERMINATED', 'stopped:ELEMENT_COMPLETED']));
    expect(h.find({ valueType: 'JOB', intent: 'CANCELED' })).toHaveLength(1);
  });

  it('starts an instance of the latest version only at a signal start event, with the payload at the root', async () => {
    // given
    const startProcess = (endId: string): [string, string] => resource('started.bpmn', definitions(process('started', `
      ${event('bpmn:startEvent', 'on-signal', 'signal', 'sig')}${end(endId)}${chain('on-signal', endId)}`), signal('sig', 'go')));
    await h.deploy(startProcess('v1-end'));
    await h.deploy(startProcess('v2-end'));
    // when
    await h.engine.broadcastSignal({ signalName: 'go', variables: { who: '巡查组' } });
    // then
    const root = await h.awaitRecord({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED', value: { bpmnElementType: 'PROCESS' } });
    expect(root.value.version).toBe(2);
    expect(h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATING', value: { bpmnElementType: 'PROCESS' } })).toHaveLength(1);
    expect(h.find({ valueType: 'VARIABLE' }).map((r) => [r.value.name, r.value.scopeKey])).toEqual([['who', root.key]]);
    expect(h.find({ valueType: 'SIGNAL_SUBSCRIPTION', intent: 'DELETED' })).toHaveLength(1);
  });

  it('broadcasts the local variables of a signal throw event', async () => {
    // given
    await h.deploy(resource('wait.bpmn', definitions(process('wait', `${start()}${event(CATCH, 'alarm', 'signal', 'sig')}${end()}${chain('start', 'alarm', 'end')}`), signal('sig', 'alarm'))),
      resource('throw.bpmn', definitions(process('thrower', `${start()}
        ${event('bpmn:intermediateThrowEvent', 'raise', 'signal', 'sig', '', io([['=unit', 'from']]))}${end()}${chain('start', 'raise', 'end')}`), signal('sig', 'alarm'))));
    const waiting = await h.create('wait');
    // when
    const thrower = await h.create('thrower', { unit: 'U-1', secret: 'x' });
    // then
    await h.awaitCompleted(thrower);
    await h.awaitCompleted(waiting);
    expect(h.find({ valueType: 'SIGNAL', intent: 'BROADCASTED' })[0].value).toMatchObject({ signalName: 'alarm', variables: { from: 'U-1' } });
    expect(rootVariables(h, waiting)).toEqual([['from', '"U-1"']]);
  });

  it('has no effect without a subscription and rejects duplicate signal names behind an event-based gateway', async () => {
    // when
    const broadcast = await h.engine.broadcastSignal({ signalName: 'nobody' });
    const duplicate = h.deploy(resource('dup.bpmn', definitions(process('dup', `${start()}<bpmn:eventBasedGateway id="g"/>
      ${event(CATCH, 's1', 'signal', 'sig')}${event(CATCH, 's2', 'signal', 'sig')}${chain('start', 'g')}${flow('g', 's1')}${flow('g', 's2')}`), signal('sig', 'same'))));
    // then
    expect(broadcast.tenantId).toBe('<default>');
    expect(h.find({ valueType: 'PROCESS_INSTANCE' })).toHaveLength(0);
    await expect(duplicate).rejects.toThrow("Multiple signal event definitions with the same name 'same' are not allowed.");
  });
});
