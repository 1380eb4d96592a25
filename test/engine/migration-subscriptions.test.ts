import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

/**
 * Migration of element instances that hold message subscriptions, by Zeebe 8.8's rules: a catch event mapped to a
 * catch event of the target element keeps its subscription (correlation key not evaluated again), an unmapped one
 * loses it, and the target's unmapped message boundary events subscribe anew.
 */
describe('process instance migration with message subscriptions', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  const startOn = async (processDefinitionKey: string, variables = {}) =>
    (await h.engine.createProcessInstance({ processDefinitionKey, variables })).processInstanceKey;
  const publish = (name: string, correlationKey: string) => h.engine.publishMessage({ name, correlationKey, timeToLive: 0, variables: {} });
  const reachedEnd = (processInstanceKey: string, elementId: string) =>
    h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED' }).some((r) => r.value.processInstanceKey === processInstanceKey && r.value.elementId === elementId);

  it('migrates a mapped message boundary event\'s subscription, keeping its correlation key, and correlates into the target', async () => {
    // given a review with a withdrawal boundary event, and a version whose boundary event would correlate on another key
    const [v1] = (await h.deploy(bpmn('review-case').start().userTask('review').end('done').boundary('withdraw', 'review', { message: ['撤回', '=caseId'] }).end('withdrawn'))).processes;
    const [v2] = (await h.deploy(bpmn('review-case').start().userTask('review-2').end('done-2').boundary('withdraw-2', 'review-2', { message: ['撤回', '=otherKey'] }).end('withdrawn-2'))).processes;
    const pi = await startOn(v1.processDefinitionKey, { caseId: '峄-001', otherKey: '其他' });
    const subscription = await h.awaitRecord({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'CREATED' });

    // when
    await h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey,
      mappingInstructions: [{ sourceElementId: 'review', targetElementId: 'review-2' }, { sourceElementId: 'withdraw', targetElementId: 'withdraw-2' }],
    });
    const migrated = h.find({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'MIGRATED' });
    expect(h.engine.replaySnapshot()).toEqual(h.engine.stateSnapshot());
    await publish('撤回', '峄-001');

    // then
    expect(migrated.map((r) => [r.key, r.value.elementId, r.value.bpmnProcessId, r.value.processDefinitionKey, r.value.correlationKey]))
      .toEqual([[subscription.key, 'withdraw-2', 'review-case', v2.processDefinitionKey, '峄-001']]);
    expect(h.find({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'CREATED' })).toHaveLength(1);
    await h.awaitCompleted(pi);
    expect(reachedEnd(pi, 'withdrawn-2')).toBe(true);
  });

  it('closes the subscription of an unmapped boundary event and opens one for the target\'s new boundary event', async () => {
    // given
    const [v1] = (await h.deploy(bpmn('review-case').start().userTask('review').end('done').boundary('withdraw', 'review', { message: ['撤回', '=caseId'] }).end('withdrawn'))).processes;
    const [v2] = (await h.deploy(bpmn('review-case').start().userTask('review').end('done').boundary('urge', 'review', { message: ['督办', '=caseId'] }).end('urged'))).processes;
    const pi = await startOn(v1.processDefinitionKey, { caseId: '峄-002' });
    const old = await h.awaitRecord({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'CREATED' });

    // when
    await h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey,
      mappingInstructions: [{ sourceElementId: 'review', targetElementId: 'review' }],
    });
    await publish('撤回', '峄-002');
    const stillActive = !h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED', key: pi }).length;
    await publish('督办', '峄-002');

    // then
    expect(h.find({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'DELETED' }).map((r) => r.key)).toEqual([old.key]);
    const created = h.find({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'CREATED' }).filter((r) => r.key !== old.key);
    expect(created.map((r) => [r.value.elementId, r.value.messageName, r.value.correlationKey, r.value.processDefinitionKey]))
      .toEqual([['urge', '督办', '峄-002', v2.processDefinitionKey]]);
    expect(stillActive).toBe(true);
    await h.awaitCompleted(pi);
    expect(reachedEnd(pi, 'urged')).toBe(true);
  });

  it('moves a receive task with its subscription; the message continues the instance in the target version', async () => {
    // given
    const [v1] = (await h.deploy(bpmn('receipt').start().receiveTask('await', '回执', '=caseId').end())).processes;
    const [v2] = (await h.deploy(bpmn('receipt').start().receiveTask('await-2', '回执', '=caseId').serviceTask('archive', { type: 'archive' }).end())).processes;
    const pi = await startOn(v1.processDefinitionKey, { caseId: '峄-003' });
    await h.awaitRecord({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'CREATED' });

    // when
    await h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey,
      mappingInstructions: [{ sourceElementId: 'await', targetElementId: 'await-2' }],
    });
    await publish('回执', '峄-003');

    // then
    expect(h.find({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'MIGRATED' }).map((r) => r.value.elementId)).toEqual(['await-2']);
    expect(await h.activateOne('archive')).toMatchObject({ processInstanceKey: pi, processDefinitionKey: v2.processDefinitionKey, elementId: 'archive' });
  });

  it('refuses a mapping that detaches a boundary event from its element, and changes nothing', async () => {
    // given
    const [v1] = (await h.deploy(bpmn('review-case').start().userTask('review').end('done').boundary('withdraw', 'review', { message: ['撤回', '=caseId'] }).end('withdrawn'))).processes;
    const [v2] = (await h.deploy(bpmn('review-case').start().userTask('review').userTask('other').end('done').boundary('withdraw-other', 'other', { message: ['撤回', '=caseId'] }).end('withdrawn'))).processes;
    const pi = await startOn(v1.processDefinitionKey, { caseId: '峄-004' });
    await h.awaitRecord({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'CREATED' });
    const before = h.engine.stateSnapshot();

    // when
    const refused = h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey,
      mappingInstructions: [{ sourceElementId: 'review', targetElementId: 'review' }, { sourceElementId: 'withdraw', targetElementId: 'withdraw-other' }],
    });

    // then
    await expect(refused).rejects.toMatchObject({
      rejectionType: 'INVALID_STATE',
      reason: `Expected to migrate process instance '${pi}' but active element with id 'review' is mapped to an element with id 'review' and `
        + "has a catch event with id 'withdraw' that is mapped to a catch event with id 'withdraw-other'. "
        + 'These mappings detach the catch event from the element in the target process. Catch events must stay attached to the same element instance.',
    });
    expect(h.engine.stateSnapshot()).toEqual(before);
  });

  it('refuses to subscribe the target\'s unmapped message catch to a message the element already waits for, with Zeebe\'s text', async () => {
    // given the same message on a boundary event with another id
    const [v1] = (await h.deploy(bpmn('review-case').start().userTask('review').end('done').boundary('withdraw', 'review', { message: ['撤回', '=caseId'] }).end('withdrawn'))).processes;
    const [v2] = (await h.deploy(bpmn('review-case').start().userTask('review').end('done').boundary('withdraw-2', 'review', { message: ['撤回', '=caseId'] }).end('withdrawn'))).processes;
    const pi = await startOn(v1.processDefinitionKey, { caseId: '峄-005' });
    await h.awaitRecord({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'CREATED' });
    const before = h.engine.stateSnapshot();

    // when only the task is mapped
    const refused = h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey, mappingInstructions: [{ sourceElementId: 'review', targetElementId: 'review' }],
    });

    // then
    await expect(refused).rejects.toMatchObject({
      rejectionType: 'INVALID_STATE',
      reason: `Expected to migrate process instance '${pi}' but active element with id 'review' attempts to subscribe to a message it is already `
        + "subscribed to with name '撤回'. Migrating active elements that subscribe to a message they are already subscribed to is not possible yet. "
        + "Please provide a mapping instruction to message catch event with id 'withdraw-2' to migrate the respective message subscription.",
    });
    expect(h.engine.stateSnapshot()).toEqual(before);
  });
});
