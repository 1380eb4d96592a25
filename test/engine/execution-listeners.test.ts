// Start execution listeners (zeebe:executionListeners, eventType start) as Zeebe runs them: after the input
// mappings, one job after the other, before the element subscribes to its events and evaluates its expressions;
// the listeners' variables are local to the element.
import { EngineHarness } from './support/harness';
import { chain, definitions, end, io, process, resource, serviceTask, start } from './fixtures/xml';

const listeners = (...types: string[]): string =>
  `<zeebe:executionListeners>${types.map((t) => `<zeebe:executionListener eventType="start" type="${t}" retries="2"/>`).join('')}</zeebe:executionListeners>`;

const withListeners = (element: string, ...ids: string[]): [string, string] =>
  resource('p.bpmn', definitions(process('p', `${start()}${element}${end()}${chain('start', ...ids, 'end')}`)));

describe('start execution listeners', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('run in order after the input mappings, each seeing the variables of those before, and keep them local to the element', async () => {
    // given
    await h.deploy(withListeners(serviceTask('x', 'work',
      `${listeners('first', 'second')}${io([['=amount * 2', 'doubled']])}<zeebe:taskHeaders><zeebe:header key="rule" value="months"/></zeebe:taskHeaders>`), 'x'));
    const pi = await h.create('p', { amount: 2 });
    // when
    const first = await h.activateOne('first');
    expect(h.trace(pi).filter((t) => t.startsWith('x:'))).toEqual(['x:ELEMENT_ACTIVATING']);
    await h.engine.completeJob(first.key, { due: '2026-05-01' });
    const second = await h.activateOne('second');
    await h.engine.completeJob(second.key, { reminder: '2026-04-28' });
    const work = await h.activateOne('work');
    await h.engine.completeJob(work.key);
    // then
    await h.awaitCompleted(pi);
    expect(first).toMatchObject({ kind: 'EXECUTION_LISTENER', listenerEventType: 'START', customHeaders: { rule: 'months' }, variables: { amount: 2, doubled: 4 } });
    expect(second.variables).toEqual({ amount: 2, doubled: 4, due: '2026-05-01' });
    expect(work).toMatchObject({ kind: 'BPMN_ELEMENT', listenerEventType: 'UNSPECIFIED', variables: { amount: 2, doubled: 4, due: '2026-05-01', reminder: '2026-04-28' } });
    expect(h.trace(pi).filter((t) => t.startsWith('x:'))).toEqual(['x:ELEMENT_ACTIVATING', 'x:ELEMENT_ACTIVATED', 'x:ELEMENT_COMPLETING', 'x:ELEMENT_COMPLETED']);
    const due = h.find({ valueType: 'VARIABLE', intent: 'CREATED' }).find((r) => r.value.name === 'due');
    expect(due?.value.scopeKey).toBe(work.elementInstanceKey);
    expect(h.find({ valueType: 'VARIABLE', intent: 'CREATED' }).filter((r) => r.value.name === 'doubled')).toHaveLength(1);
  });

  it('give a user task its due date and a boundary timer its time from the listener', async () => {
    // given
    h.engine.clock.pin(Date.parse('2026-03-02T00:00:00Z'));
    const task = `<bpmn:userTask id="x"><bpmn:extensionElements><zeebe:userTask/>${listeners('yc-deadline')}<zeebe:taskSchedule dueDate="=reportDue"/></bpmn:extensionElements></bpmn:userTask>`
      + `<bpmn:boundaryEvent id="late" attachedToRef="x" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">=reportDue</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:boundaryEvent>`;
    await h.deploy(withListeners(task, 'x'));
    const pi = await h.create('p');
    // when
    await h.completeJobOf('yc-deadline', { reportDue: '2026-03-17T23:59:59+08:00' });
    // then
    const created = await h.awaitRecord({ valueType: 'USER_TASK', intent: 'CREATED' });
    expect(created.value.dueDate).toBe('2026-03-17T23:59:59+08:00');
    const timer = await h.awaitRecord({ valueType: 'TIMER', intent: 'CREATED' });
    expect(timer.value).toMatchObject({ targetElementId: 'late', dueDate: Date.parse('2026-03-17T23:59:59+08:00') });
    expect(h.variables(pi)).not.toHaveProperty('reportDue');
  });

  it('give an intermediate timer its time', async () => {
    // given
    h.engine.clock.pin(Date.parse('2026-03-02T00:00:00Z'));
    const catchEvent = `<bpmn:intermediateCatchEvent id="x"><bpmn:extensionElements>${listeners('yc-deadline')}</bpmn:extensionElements>`
      + `<bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">=chaseDue</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;
    await h.deploy(withListeners(catchEvent, 'x'));
    const pi = await h.create('p');
    // when
    await h.completeJobOf('yc-deadline', { chaseDue: '2026-03-03T00:00:00Z' });
    await h.awaitRecord({ valueType: 'TIMER', intent: 'CREATED' });
    h.advance(24 * 3600_000);
    // then
    await h.awaitCompleted(pi);
  });

  it('go on after a restart from the listener the element was waiting for', async () => {
    // given a durable engine, the first of two listeners done
    await h.close();
    h = await EngineHarness.start({ durability: 'full' });
    await h.deploy(withListeners(serviceTask('x', 'work', `${listeners('first', 'second')}${io([['=1', 'mapped']])}`), 'x'));
    const pi = await h.create('p');
    await h.completeJobOf('first', { due: '2026-05-01' });
    await h.activateOne('second', { timeout: 1 });
    // when
    h = await h.restart();
    h.advance(1000);
    const second = await h.activateOne('second');
    await h.engine.completeJob(second.key);
    const work = await h.activateOne('work');
    await h.engine.completeJob(work.key);
    // then
    await h.awaitCompleted(pi);
    expect(work.variables).toEqual({ mapped: 1, due: '2026-05-01' });
    expect(h.find({ valueType: 'JOB', intent: 'CREATED' }).map((r) => r.value.type)).toEqual(['work']);
  });

  it('raise an incident when a listener job has no retries left, and resolving it runs that listener again, not the ones before', async () => {
    // given
    await h.deploy(withListeners(serviceTask('x', 'work', listeners('first', 'second')), 'x'));
    const pi = await h.create('p');
    await h.completeJobOf('first');
    const failing = await h.activateOne('second');
    // when
    await h.engine.failJob(failing.key, { retries: 0, errorMessage: 'calendar unavailable' });
    const incident = await h.awaitRecord({ valueType: 'INCIDENT', intent: 'CREATED' });
    await h.engine.updateJobRetries(failing.key, 1);
    await h.engine.resolveIncident(incident.key);
    const retried = await h.activateOne('second');
    await h.engine.completeJob(retried.key);
    await h.completeJobOf('work');
    // then
    await h.awaitCompleted(pi);
    expect(incident.value).toMatchObject({ errorType: 'JOB_NO_RETRIES', errorMessage: 'calendar unavailable', elementId: 'x' });
    expect(retried.key).toBe(failing.key);
    expect(h.find({ valueType: 'JOB', intent: 'CREATED' }).map((r) => r.value.type)).toEqual(['first', 'second', 'work']);
  });

  it('refuse a BPMN error thrown by a listener, and cancel the pending listener job with the instance', async () => {
    // given
    await h.deploy(withListeners(serviceTask('x', 'work', listeners('first')), 'x'));
    const pi = await h.create('p');
    const job = await h.activateOne('first');
    // when
    const thrown = h.engine.throwError(job.key, { errorCode: 'refused' });
    // then
    await expect(thrown).rejects.toThrow('throwing a BPMN error is not supported for execution listeners');
    await h.engine.cancelProcessInstance(pi);
    const canceled = await h.awaitRecord({ valueType: 'JOB', intent: 'CANCELED' });
    expect(canceled.key).toBe(job.key);
    expect(h.trace(pi).filter((t) => t.startsWith('x:'))).toEqual(['x:ELEMENT_ACTIVATING', 'x:ELEMENT_TERMINATING', 'x:ELEMENT_TERMINATED']);
  });

  it('are refused at deployment on start events and when two share a type', async () => {
    const onStart = resource('s.bpmn', definitions(process('s', `<bpmn:startEvent id="start"><bpmn:extensionElements>${listeners('l')}</bpmn:extensionElements></bpmn:startEvent>${end()}${chain('start', 'end')}`)));
    await expect(h.deploy(onStart)).rejects.toThrow("Execution listeners of event type 'start' are not supported by start events");
    await expect(h.deploy(withListeners(serviceTask('x', 'work', listeners('l', 'l')), 'x')))
      .rejects.toThrow("duplicated execution listener definitions: event type 'start' and type 'l'");
  });
});
