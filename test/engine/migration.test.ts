import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

/** Process instance migration inside the engine: user tasks and incidents move with their element, and survive a restart. */
describe('process instance migration', () => {
  let h: EngineHarness;
  afterEach(() => h.close());

  const startOn = async (processDefinitionKey: string, variables = {}) =>
    (await h.engine.createProcessInstance({ processDefinitionKey, variables })).processInstanceKey;

  it('moves a user task to the target element; after a restart it completes into the new version\'s next element', async () => {
    // given
    h = await EngineHarness.start({ durability: 'full' });
    const [v1] = (await h.deploy(bpmn('approval').start().userTask('review', { name: '审核' }).end())).processes;
    const [v2] = (await h.deploy(bpmn('approval').start().userTask('review-2', { name: '复核' }).serviceTask('archive', { type: 'archive' }).end())).processes;
    const pi = await startOn(v1.processDefinitionKey, { 单位: '榴园镇' });
    const task = await h.awaitRecord({ valueType: 'USER_TASK', intent: 'CREATED' });
    expect(v1.version).toBe(1);
    // when
    await h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey,
      mappingInstructions: [{ sourceElementId: 'review', targetElementId: 'review-2' }],
    });
    const migrated = h.find({ valueType: 'USER_TASK', intent: 'MIGRATED' });
    expect(h.find({ valueType: 'PROCESS_INSTANCE_MIGRATION', intent: 'MIGRATED' })).toHaveLength(1);
    h = await h.restart();
    await h.engine.completeUserTask(task.key, { 同意: true });
    // then
    expect(migrated.map((r) => [r.key, r.value.elementId, r.value.processDefinitionVersion])).toEqual([[task.key, 'review-2', 2]]);
    const job = await h.activateOne('archive');
    expect(job).toMatchObject({ processInstanceKey: pi, processDefinitionKey: v2.processDefinitionKey, processDefinitionVersion: 2, elementId: 'archive' });
    expect(job.variables).toEqual({ 单位: '榴园镇', 同意: true });
  });

  it('moves a job with its incident; resolving it continues in the target version', async () => {
    // given
    h = await EngineHarness.start();
    const [v1] = (await h.deploy(bpmn('check').start().serviceTask('verify', { type: 'verify' }).end())).processes;
    const [v2] = (await h.deploy(bpmn('check').start().serviceTask('verify-2', { type: 'verify' }).serviceTask('notify', { type: 'notify' }).end())).processes;
    const pi = await startOn(v1.processDefinitionKey);
    const job = await h.activateOne('verify');
    await h.engine.failJob(job.key, { retries: 0, errorMessage: '无法连接' });
    const incident = await h.awaitRecord({ valueType: 'INCIDENT', intent: 'CREATED' });
    // when
    await h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey,
      mappingInstructions: [{ sourceElementId: 'verify', targetElementId: 'verify-2' }],
    });
    await h.engine.updateJobRetries(job.key, 1);
    await h.engine.resolveIncident(incident.key);
    await h.completeJobOf('verify');
    // then
    expect(h.find({ valueType: 'INCIDENT', intent: 'MIGRATED' }).map((r) => r.value.elementId)).toEqual(['verify-2']);
    expect(h.find({ valueType: 'JOB', intent: 'MIGRATED' }).map((r) => [r.key, r.value.elementId])).toEqual([[job.key, 'verify-2']]);
    expect(await h.activateOne('notify')).toMatchObject({ processInstanceKey: pi, elementId: 'notify' });
  });

  it('refuses an element with a boundary timer, and changes nothing', async () => {
    // given
    h = await EngineHarness.start();
    const xml = bpmn('timed').start().serviceTask('wait', { type: 'wait' }).end().xml()
      .replace('<bpmn:endEvent', '<bpmn:boundaryEvent id="late" attachedToRef="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:endEvent');
    const [v1] = (await h.deploy(['timed.bpmn', xml])).processes;
    const [v2] = (await h.deploy(bpmn('timed').start().serviceTask('wait', { type: 'wait' }).end())).processes;
    const pi = await startOn(v1.processDefinitionKey);
    await h.awaitRecord({ valueType: 'TIMER', intent: 'CREATED' });
    // when
    const refused = h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey,
      mappingInstructions: [{ sourceElementId: 'wait', targetElementId: 'wait' }],
    });
    // then
    await expect(refused).rejects.toMatchObject({
      rejectionType: 'INVALID_STATE',
      reason: expect.stringContaining("active element with id 'wait' has one or more event subscriptions of types 'TIMER'"),
    });
    expect(h.find({ intent: 'ELEMENT_MIGRATED' })).toEqual([]);
  });
});
