import { chain, definitions, end, event, process, resource, serviceTask, signal, start } from './fixtures/xml';
import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

const HOUR = 3_600_000;

/** A service task `check` with a signal boundary event `boundaryId` (interrupting) leading to `endId`. */
function signalBoundary(boundaryId: string, endId: string, signalName: string): [string, string] {
  return resource('watch.bpmn', definitions(process('watch', `${start()}${serviceTask('check')}${end()}
    ${event('bpmn:boundaryEvent', boundaryId, 'signal', 'sig', ' attachedToRef="check"')}${end(endId)}
    ${chain('start', 'check', 'end')}${chain(boundaryId, endId)}`), signal('sig', signalName)));
}

/** A check with a non-interrupting timer event sub-process: after an hour a reminder job of type `remind`. */
function withReminder(suffix: string): [string, string] {
  const timer = '<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>';
  return resource('follow-up.bpmn', definitions(process('follow-up', `${start()}${serviceTask('check')}${end()}${chain('start', 'check', 'end')}
    <bpmn:subProcess id="reminder${suffix}" triggeredByEvent="true"><bpmn:startEvent id="tick${suffix}" isInterrupting="false">${timer}</bpmn:startEvent>
      ${serviceTask(`remind${suffix}`, 'remind')}${end(`reminded${suffix}`)}${chain(`tick${suffix}`, `remind${suffix}`, `reminded${suffix}`)}</bpmn:subProcess>`)));
}

/**
 * Migration of element instances that wait for timers and signals, by Zeebe 8.8's rules: a catch event mapped to a
 * catch event of the target keeps its subscription (a timer its due date), an unmapped one loses it, and the
 * target's catch events that no mapping instruction targets subscribe anew.
 */
describe('process instance migration with timer and signal subscriptions', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  const startOn = async (processDefinitionKey: string) => (await h.engine.createProcessInstance({ processDefinitionKey, variables: {} })).processInstanceKey;
  const reached = (pi: string, elementId: string) =>
    h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED' }).some((r) => r.value.processInstanceKey === pi && r.value.elementId === elementId);

  it('keeps the due date of a mapped boundary timer, which then fires into the target version', async () => {
    // given a one-hour deadline on the check, half of it gone
    const [v1] = (await h.deploy(bpmn('deadline').start().serviceTask('check').end().boundary('late', 'check', { timer: { duration: 'PT1H' } }).end('overdue'))).processes;
    const [v2] = (await h.deploy(bpmn('deadline').start().serviceTask('check').end().boundary('late-2', 'check', { timer: { duration: 'PT8H' } }).end('overdue-2'))).processes;
    const pi = await startOn(v1.processDefinitionKey);
    const timer = await h.awaitRecord({ valueType: 'TIMER', intent: 'CREATED' });
    h.advance(HOUR / 2);

    // when
    await h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey,
      mappingInstructions: [{ sourceElementId: 'check', targetElementId: 'check' }, { sourceElementId: 'late', targetElementId: 'late-2' }],
    });
    const migrated = h.find({ valueType: 'TIMER', intent: 'MIGRATED' });
    expect(h.engine.replaySnapshot()).toEqual(h.engine.stateSnapshot());
    h.advance(HOUR / 2);

    // then
    await h.awaitCompleted(pi);
    expect(migrated.map((r) => [r.key, r.value.targetElementId, r.value.processDefinitionKey, r.value.dueDate]))
      .toEqual([[timer.key, 'late-2', v2.processDefinitionKey, timer.value.dueDate]]);
    expect(reached(pi, 'overdue-2')).toBe(true);
    expect(h.find({ valueType: 'TIMER', intent: 'CREATED' })).toHaveLength(1);
  });

  it('cancels an unmapped boundary timer and starts the target\'s timer anew from the time of the migration', async () => {
    // given
    const [v1] = (await h.deploy(bpmn('deadline').start().serviceTask('check').end().boundary('late', 'check', { timer: { duration: 'PT1H' } }).end('overdue'))).processes;
    const [v2] = (await h.deploy(bpmn('deadline').start().serviceTask('check').end().boundary('late', 'check', { timer: { duration: 'PT2H' } }).end('overdue'))).processes;
    const pi = await startOn(v1.processDefinitionKey);
    const old = await h.awaitRecord({ valueType: 'TIMER', intent: 'CREATED' });
    h.advance(HOUR / 2);
    const migratedAt = h.engine.clock.now();

    // when only the task is mapped
    await h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey, mappingInstructions: [{ sourceElementId: 'check', targetElementId: 'check' }],
    });
    expect(h.engine.replaySnapshot()).toEqual(h.engine.stateSnapshot());
    h.advance(2 * HOUR);

    // then only the new timer fired, two hours after the migration
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'TIMER', intent: 'CANCELED' }).map((r) => r.key)).toEqual([old.key]);
    const fresh = h.find({ valueType: 'TIMER', intent: 'CREATED' }).filter((r) => r.key !== old.key);
    expect(fresh.map((r) => [r.value.targetElementId, r.value.processDefinitionKey, r.value.dueDate])).toEqual([['late', v2.processDefinitionKey, migratedAt + 2 * HOUR]]);
    expect(h.find({ valueType: 'TIMER', intent: 'TRIGGERED' }).map((r) => r.key)).toEqual(fresh.map((r) => r.key));
  });

  it('moves an intermediate timer catch event with its timer; it fires and the instance goes on in the target', async () => {
    // given
    const [v1] = (await h.deploy(bpmn('cooling').start().timerCatch('pause', { duration: 'PT1H' }).end())).processes;
    const [v2] = (await h.deploy(bpmn('cooling').start().timerCatch('pause-2', { duration: 'PT1H' }).serviceTask('notify').end())).processes;
    const pi = await startOn(v1.processDefinitionKey);
    await h.awaitRecord({ valueType: 'TIMER', intent: 'CREATED' });

    // when
    await h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey, mappingInstructions: [{ sourceElementId: 'pause', targetElementId: 'pause-2' }],
    });
    h.advance(HOUR);
    await h.awaitRecord({ valueType: 'TIMER', intent: 'TRIGGERED' });

    // then
    expect(h.find({ valueType: 'TIMER', intent: 'MIGRATED' }).map((r) => r.value.targetElementId)).toEqual(['pause-2']);
    expect(await h.activateOne('notify')).toMatchObject({ processInstanceKey: pi, processDefinitionKey: v2.processDefinitionKey });
  });

  it('migrates a mapped signal boundary event\'s subscription; the signal then leads into the target version', async () => {
    // given
    const [v1] = (await h.deploy(signalBoundary('stop', 'stopped', '停止检查'))).processes;
    const [v2] = (await h.deploy(signalBoundary('stop-2', 'stopped-2', '停止'))).processes;
    const pi = await startOn(v1.processDefinitionKey);
    const subscription = await h.awaitRecord({ valueType: 'SIGNAL_SUBSCRIPTION', intent: 'CREATED' });

    // when
    await h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey,
      mappingInstructions: [{ sourceElementId: 'check', targetElementId: 'check' }, { sourceElementId: 'stop', targetElementId: 'stop-2' }],
    });
    expect(h.engine.replaySnapshot()).toEqual(h.engine.stateSnapshot());
    await h.engine.broadcastSignal({ signalName: '停止检查' });

    // then the subscription kept its signal name, as Zeebe keeps it
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'SIGNAL_SUBSCRIPTION', intent: 'MIGRATED' }).map((r) => [r.key, r.value.catchEventId, r.value.processDefinitionKey, r.value.signalName]))
      .toEqual([[subscription.key, 'stop-2', v2.processDefinitionKey, '停止检查']]);
    expect(reached(pi, 'stopped-2')).toBe(true);
  });

  it('subscribes to a signal boundary event the target adds, and unsubscribes from one the target drops', async () => {
    // given
    const [plain] = (await h.deploy(bpmn('watch').start().serviceTask('check').end())).processes;
    const [guarded] = (await h.deploy(signalBoundary('stop', 'stopped', '停止检查'))).processes;
    const added = await startOn(plain.processDefinitionKey);
    const dropped = await startOn(guarded.processDefinitionKey);
    const old = await h.awaitRecord({ valueType: 'SIGNAL_SUBSCRIPTION', intent: 'CREATED' });
    const mappingInstructions = [{ sourceElementId: 'check', targetElementId: 'check' }];

    // when
    await h.engine.migrateProcessInstance(added, { targetProcessDefinitionKey: guarded.processDefinitionKey, mappingInstructions });
    await h.engine.migrateProcessInstance(dropped, { targetProcessDefinitionKey: plain.processDefinitionKey, mappingInstructions });
    await h.engine.broadcastSignal({ signalName: '停止检查' });

    // then
    await h.awaitCompleted(added);
    expect(reached(added, 'stopped')).toBe(true);
    expect(h.find({ valueType: 'SIGNAL_SUBSCRIPTION', intent: 'DELETED' }).map((r) => r.key)).toContain(old.key);
    expect(h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED', key: dropped })).toEqual([]);
    expect(h.engine.replaySnapshot()).toEqual(h.engine.stateSnapshot());
  });

  it('refuses two catch events merged into one with Zeebe\'s text, and changes nothing', async () => {
    // given
    const [v1] = (await h.deploy(bpmn('deadline').start().serviceTask('check').end()
      .boundary('soon', 'check', { timer: { duration: 'PT1H' }, interrupting: false }).end('reminded')
      .boundary('late', 'check', { timer: { duration: 'PT8H' } }).end('overdue'))).processes;
    const [v2] = (await h.deploy(bpmn('deadline').start().serviceTask('check').end().boundary('late', 'check', { timer: { duration: 'PT8H' } }).end('overdue'))).processes;
    const pi = await startOn(v1.processDefinitionKey);
    await h.awaitCount({ valueType: 'TIMER', intent: 'CREATED' }, 2);
    const before = h.engine.stateSnapshot();

    // when
    const refused = h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey,
      mappingInstructions: [
        { sourceElementId: 'check', targetElementId: 'check' }, { sourceElementId: 'soon', targetElementId: 'late' }, { sourceElementId: 'late', targetElementId: 'late' },
      ],
    });

    // then
    await expect(refused).rejects.toMatchObject({
      rejectionType: 'INVALID_STATE',
      reason: `Expected to migrate process instance '${pi}' but active element with id 'check' has a catch event attached that is mapped to a catch event `
        + "with id 'late'. There are multiple mapping instructions that target this catch event: 'late', 'soon'. "
        + 'Catch events cannot be merged by process instance migration. Please ensure the mapping instructions target a catch event only once.',
    });
    expect(h.engine.stateSnapshot()).toEqual(before);
  });

  it('migrates the timer of a mapped event sub-process start, which then starts the target\'s event sub-process', async () => {
    // given
    const [v1] = (await h.deploy(withReminder(''))).processes;
    const [v2] = (await h.deploy(withReminder('-2'))).processes;
    const pi = await startOn(v1.processDefinitionKey);
    const timer = await h.awaitRecord({ valueType: 'TIMER', intent: 'CREATED' });

    // when
    await h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey,
      mappingInstructions: [{ sourceElementId: 'check', targetElementId: 'check' }, { sourceElementId: 'tick', targetElementId: 'tick-2' }],
    });
    expect(h.engine.replaySnapshot()).toEqual(h.engine.stateSnapshot());
    h.advance(HOUR);

    // then
    expect(await h.activateOne('remind')).toMatchObject({ processInstanceKey: pi, elementId: 'remind-2', processDefinitionKey: v2.processDefinitionKey });
    expect(h.find({ valueType: 'TIMER', intent: 'MIGRATED' }).map((r) => [r.key, r.value.elementInstanceKey, r.value.targetElementId]))
      .toEqual([[timer.key, pi, 'tick-2']]);
  });
});
