import { bpmn } from './support/bpmn-builder';
import { EngineHarness, T0 } from './support/harness';

describe('A5 timers', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('waits at an intermediate timer for its duration, never early', async () => {
    // given
    await h.deploy(bpmn('p').start().timerCatch('wait', { duration: 'PT1H' }).end());
    const pi = await h.create('p');
    const created = await h.awaitRecord({ valueType: 'TIMER', intent: 'CREATED' });
    // when
    h.advance(3_599_999);
    await h.engine.setVariables({ elementInstanceKey: pi, variables: { probe: 1 } });
    const early = h.find({ valueType: 'TIMER', intent: 'TRIGGERED' });
    h.advance(1);
    // then
    await h.awaitCompleted(pi);
    expect(created.value.dueDate).toBe(T0 + 3_600_000);
    expect(early).toEqual([]);
  });

  it('evaluates a timer expression in the element scope and raises an incident for a bad value', async () => {
    // given
    await h.deploy(bpmn('p').start().timerCatch('wait', { duration: '=delay' }).end());
    // when
    const ok = await h.create('p', { delay: 'PT5M' });
    const bad = await h.create('p', { delay: 'soon' });
    // then
    expect(h.find({ valueType: 'TIMER', intent: 'CREATED' })[0].value.dueDate).toBe(T0 + 300_000);
    expect(h.incidents(bad)[0].value).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', errorMessage: "Invalid duration format 'soon' for expression 'delay'." });
    h.advance(300_000);
    await h.awaitCompleted(ok);
  });

  it('interrupts the activity with a boundary timer: job canceled, boundary path taken', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('task', { type: 'work' }).end('done').boundary('late', 'task', { timer: { duration: 'PT10M' } }).end('timedOut'));
    const pi = await h.create('p');
    // when
    h.advance(600_000);
    // then
    await h.awaitCompleted(pi);
    const trace = h.trace(pi);
    expect(trace.indexOf('task:ELEMENT_TERMINATED')).toBeLessThan(trace.indexOf('late:ELEMENT_ACTIVATING'));
    expect(trace).toContain('timedOut:ELEMENT_COMPLETED');
    expect(h.find({ valueType: 'JOB', intent: 'CANCELED' })).toHaveLength(1);
  });

  it('fires a non-interrupting cycle boundary repeatedly while the activity runs, then cancels it', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('task', { type: 'work' }).end('done')
      .boundary('remind', 'task', { timer: { cycle: 'R3/PT1H' }, interrupting: false }).serviceTask('notify', { type: 'notify' }));
    const pi = await h.create('p');
    // when
    h.advance(3_600_000);
    await h.awaitRecord({ valueType: 'TIMER', intent: 'TRIGGERED' });
    h.advance(3_600_000);
    await h.awaitCount({ valueType: 'JOB', intent: 'CREATED', value: { elementId: 'notify', processInstanceKey: pi } }, 2);
    await h.completeJobOf('work');
    // then
    expect(h.find({ valueType: 'TIMER', intent: 'TRIGGERED' })).toHaveLength(2);
    expect(h.find({ valueType: 'TIMER', intent: 'CANCELED' })).toHaveLength(1);
    expect(h.trace(pi)).not.toContain('task:ELEMENT_TERMINATED');
  });

  it('starts instances from a timer start event cycle R2 exactly twice', async () => {
    // given
    await h.deploy(bpmn('ticker').timerStart('tick', { cycle: 'R2/PT1M' }).end());
    // when
    h.advance(60_000);
    await h.awaitRecord({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED', value: { bpmnElementType: 'PROCESS' } });
    h.advance(60_000);
    await h.awaitRecord({ valueType: 'TIMER', intent: 'TRIGGERED', value: { dueDate: T0 + 120_000 } });
    h.advance(60_000);
    // then
    const processes = h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATING', value: { bpmnElementType: 'PROCESS' } });
    expect(processes).toHaveLength(2);
    expect(h.find({ valueType: 'TIMER', intent: 'CREATED' })).toHaveLength(2);
  });

  it('replaces the start timer of the previous version and does not reschedule a duplicate', async () => {
    // given
    const v1 = bpmn('ticker').timerStart('tick', { date: '2026-03-03T00:00:00Z' }).end();
    await h.deploy(v1);
    // when
    await h.deploy(v1);
    await h.deploy(bpmn('ticker').timerStart('tick', { date: '2026-03-04T00:00:00Z' }).end('e2'));
    // then
    expect(h.find({ valueType: 'TIMER', intent: 'CREATED' }).map((r) => r.value.dueDate)).toEqual([Date.UTC(2026, 2, 3), Date.UTC(2026, 2, 4)]);
    expect(h.find({ valueType: 'TIMER', intent: 'CANCELED' })).toHaveLength(1);
  });

  it('rejects a deployment with an invalid static timer', async () => {
    // when / then
    await expect(h.deploy(bpmn('bad').start().timerCatch('wait', { duration: 'one hour' }).end())).rejects.toThrow(
      "Invalid duration format 'one hour' for expression 'one hour'.");
  });
});
