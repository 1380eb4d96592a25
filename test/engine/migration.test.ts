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

  it('refuses a timer boundary event mapped to a message boundary event with Zeebe\'s text, and changes nothing', async () => {
    // given
    h = await EngineHarness.start();
    const [v1] = (await h.deploy(bpmn('timed').start().serviceTask('wait', { type: 'wait' }).end().boundary('late', 'wait', { timer: { duration: 'PT1H' } }).end('late-end'))).processes;
    const [v2] = (await h.deploy(bpmn('timed').start().serviceTask('wait', { type: 'wait' }).end().boundary('recalled', 'wait', { message: ['召回', '=caseId'] }).end('recalled-end'))).processes;
    const pi = await startOn(v1.processDefinitionKey, { caseId: '峄-010' });
    await h.awaitRecord({ valueType: 'TIMER', intent: 'CREATED' });
    const before = h.engine.stateSnapshot();
    // when
    const refused = h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey,
      mappingInstructions: [{ sourceElementId: 'wait', targetElementId: 'wait' }, { sourceElementId: 'late', targetElementId: 'recalled' }],
    });
    // then
    await expect(refused).rejects.toMatchObject({
      rejectionType: 'INVALID_STATE',
      reason: `Expected to migrate process instance '${pi}' but active element with id 'wait' has a catch event with id 'late' that is mapped to `
        + "a catch event with id 'recalled'. These catch events have different event types: 'TIMER' and 'MESSAGE'. "
        + 'The event type of a catch event cannot be changed by process instance migration. '
        + 'Please ensure the event type of the catch event remains the same or remove the mapping instruction for these catch events.',
    });
    expect(h.engine.stateSnapshot()).toEqual(before);
  });
});
