import { chain, definitions, end, flow, process, resource, serviceTask, start } from './fixtures/xml';
import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

type Gateway = 'parallelGateway' | 'inclusiveGateway';

/** fork → one task per branch → join → end; the flows into the join are `<task>-<join>`, or the ids given. */
function forkJoin(id: string, gateway: Gateway, join: string, tasks: string[], flowIds: Record<string, string> = {}): [string, string] {
  return resource(`${id}.bpmn`, definitions(process(id, `${start()}<bpmn:${gateway} id="fork"/>${tasks.map((t) => serviceTask(t)).join('')}
    <bpmn:${gateway} id="${join}"/>${end()}${chain('start', 'fork')}${tasks.map((t) => flow('fork', t)).join('')}
    ${tasks.map((t) => flow(t, join, undefined, flowIds[t] ?? `${t}-${join}`)).join('')}${flow(join, 'end')}`)));
}

const messageCatch = (id: string, message: string): string =>
  `<bpmn:intermediateCatchEvent id="${id}"><bpmn:messageEventDefinition messageRef="${message}"/></bpmn:intermediateCatchEvent>`;
const timerCatch = (id: string): string =>
  `<bpmn:intermediateCatchEvent id="${id}"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;
const message = (id: string, name: string): string =>
  `<bpmn:message id="${id}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseId"/></bpmn:extensionElements></bpmn:message>`;

/** An event-based gateway waiting for the unit's reply (message) or one hour (timer); `after` follows the reply. */
function awaitReply(gateway: string, reply: string, timeout: string, after = ''): [string, string] {
  const next = after ? `${serviceTask(after)}${chain(reply, after, 'answered')}` : chain(reply, 'answered');
  return resource('rectification.bpmn', definitions(process('rectification', `${start()}<bpmn:eventBasedGateway id="${gateway}"/>
    ${messageCatch(reply, 'msg-reply')}${timerCatch(timeout)}${end('answered')}${end('timed-out')}
    ${chain('start', gateway)}${flow(gateway, reply)}${flow(gateway, timeout)}${next}${chain(timeout, 'timed-out')}`), message('msg-reply', '整改回复')));
}

/**
 * Migration of gateways by Zeebe 8.8's rules: a joining parallel or inclusive gateway that has taken incoming flows
 * is mapped to one of the same type with at least as many incoming flows, each taken flow landing on an incoming
 * flow of the target gateway (mapped, or with the same id); an event-based gateway moves with the subscriptions of
 * its events; an exclusive gateway with an incident moves like any active element.
 */
describe('process instance migration of gateways', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  const deploy = async (...resources: [string, string][]) => (await h.deploy(...resources)).processes;
  const joinActivations = (pi: string, elementId: string) =>
    h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED' }).filter((r) => r.value.processInstanceKey === pi && r.value.elementId === elementId);
  const startOn = async (processDefinitionKey: string) => (await h.engine.createProcessInstance({ processDefinitionKey, variables: {} })).processInstanceKey;
  const reachJoin = async (task: string, flowId: string) => {
    await h.completeJobOf(task);
    await h.awaitRecord({ valueType: 'PROCESS_INSTANCE', intent: 'SEQUENCE_FLOW_TAKEN', value: { elementId: flowId } });
  };

  it('moves the token of a parallel join to the mapped join, which then waits for every incoming flow of the target', async () => {
    // given task-a has reached join-1; task-b still runs
    const [v1] = await deploy(forkJoin('inspect', 'parallelGateway', 'join-1', ['task-a', 'task-b']));
    const [v2] = await deploy(forkJoin('inspect', 'parallelGateway', 'join-2', ['task-a', 'task-c', 'task-d']));
    const pi = await startOn(v1.processDefinitionKey);
    await reachJoin('task-a', 'task-a-join-1');

    // when task-b becomes task-c, join-1 becomes join-2 (three incoming flows) and the taken flow its counterpart
    await h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey,
      mappingInstructions: [
        { sourceElementId: 'task-b', targetElementId: 'task-c' }, { sourceElementId: 'join-1', targetElementId: 'join-2' },
        { sourceElementId: 'task-a-join-1', targetElementId: 'task-a-join-2' },
      ],
    });
    const deleted = h.find({ valueType: 'PROCESS_INSTANCE', intent: 'SEQUENCE_FLOW_DELETED' });
    const retaken = h.find({ valueType: 'PROCESS_INSTANCE', intent: 'SEQUENCE_FLOW_TAKEN' }).filter((r) => r.value.elementId === 'task-a-join-2');
    expect(h.engine.replaySnapshot()).toEqual(h.engine.stateSnapshot());
    await h.completeJobOf('task-b');
    await h.awaitRecord({ valueType: 'PROCESS_INSTANCE', intent: 'SEQUENCE_FLOW_TAKEN', value: { elementId: 'task-c-join-2' } });

    // then the join still misses the flow from task-d: it waits
    expect(deleted.map((r) => [r.value.elementId, r.value.processDefinitionKey, r.value.flowScopeKey])).toEqual([['task-a-join-1', v1.processDefinitionKey, pi]]);
    expect(retaken.map((r) => [r.value.processDefinitionKey, r.value.flowScopeKey])).toEqual([[v2.processDefinitionKey, pi]]);
    expect(joinActivations(pi, 'join-2')).toEqual([]);
    expect(h.engine.stateSnapshot()).toEqual(h.engine.replaySnapshot());
  });

  it('moves the taken flow of an inclusive join along its mapping; the join then activates once in the target', async () => {
    // given the flow from task-a has another id in the target
    const [v1] = await deploy(forkJoin('inspect', 'inclusiveGateway', 'join', ['task-a', 'task-b']));
    const [v2] = await deploy(forkJoin('inspect', 'inclusiveGateway', 'join', ['task-a', 'task-b'], { 'task-a': 'a-done' }));
    const pi = await startOn(v1.processDefinitionKey);
    await reachJoin('task-a', 'task-a-join');

    // when
    await h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey,
      mappingInstructions: [
        { sourceElementId: 'task-b', targetElementId: 'task-b' }, { sourceElementId: 'join', targetElementId: 'join' },
        { sourceElementId: 'task-a-join', targetElementId: 'a-done' },
      ],
    });
    expect(h.engine.replaySnapshot()).toEqual(h.engine.stateSnapshot());
    await h.completeJobOf('task-b');

    // then
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'PROCESS_INSTANCE', intent: 'SEQUENCE_FLOW_TAKEN', value: { elementId: 'a-done' } })).toHaveLength(1);
    expect(joinActivations(pi, 'join').map((r) => r.value.processDefinitionKey)).toEqual([v2.processDefinitionKey]);
  });

  it('refuses a joining gateway left out of the mapping with Zeebe\'s text, and changes nothing', async () => {
    // given
    const [v1] = await deploy(forkJoin('inspect', 'parallelGateway', 'join-1', ['task-a', 'task-b']));
    const [v2] = await deploy(forkJoin('inspect', 'parallelGateway', 'join-2', ['task-a', 'task-b']));
    const pi = await startOn(v1.processDefinitionKey);
    await reachJoin('task-a', 'task-a-join-1');
    const before = h.engine.stateSnapshot();

    // when
    const refused = h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey, mappingInstructions: [{ sourceElementId: 'task-b', targetElementId: 'task-b' }],
    });

    // then
    await expect(refused).rejects.toMatchObject({
      rejectionType: 'INVALID_ARGUMENT',
      reason: `Expected to migrate process instance '${pi}' but gateway 'join-1' has at least one incoming sequence flow taken. `
        + 'Joining gateways with at least one incoming sequence flow taken must be mapped to a gateway of the same type in the target process definition.',
    });
    expect(h.engine.stateSnapshot()).toEqual(before);
  });

  it('refuses a target join with fewer incoming flows, and a taken flow that does not reach the target join', async () => {
    // given
    const [v1] = await deploy(forkJoin('inspect', 'parallelGateway', 'join-1', ['task-a', 'task-b', 'task-c']));
    const [fewer] = await deploy(forkJoin('inspect', 'parallelGateway', 'join-2', ['task-b', 'task-c']));
    const [renamed] = await deploy(forkJoin('inspect', 'parallelGateway', 'join-2', ['task-x', 'task-b', 'task-c']));
    const pi = await startOn(v1.processDefinitionKey);
    await reachJoin('task-a', 'task-a-join-1');
    const mappingInstructions = [
      { sourceElementId: 'task-b', targetElementId: 'task-b' }, { sourceElementId: 'task-c', targetElementId: 'task-c' },
      { sourceElementId: 'join-1', targetElementId: 'join-2' },
    ];

    // when
    const tooFew = h.engine.migrateProcessInstance(pi, { targetProcessDefinitionKey: fewer.processDefinitionKey, mappingInstructions });
    const mismatch = h.engine.migrateProcessInstance(pi, { targetProcessDefinitionKey: renamed.processDefinitionKey, mappingInstructions });

    // then
    await expect(tooFew).rejects.toMatchObject({
      rejectionType: 'INVALID_ARGUMENT',
      reason: `Expected to migrate process instance '${pi}' but target gateway with id 'join-2' has less incoming sequence flows than the source `
        + "gateway with id 'join-1'. Target gateway must have at least the same number of incoming sequence flows as the source gateway.",
    });
    await expect(mismatch).rejects.toMatchObject({
      rejectionType: 'INVALID_ARGUMENT',
      reason: `Expected to migrate process instance '${pi}' but gateway with id 'join-1' has a taken incoming sequence flow mismatch. `
        + "Taken sequence flow with id 'task-a-join-1' must connect to the mapped target gateway with id 'join-2' in the target process definition.",
    });
    expect(h.find({ intent: 'ELEMENT_MIGRATED' })).toEqual([]);
  });

  it('moves an event-based gateway with the subscriptions of its mapped events; the reply then continues in the target', async () => {
    // given
    const [v1] = await deploy(awaitReply('choose', 'reply', 'no-reply'));
    const [v2] = await deploy(awaitReply('choose-2', 'reply-2', 'no-reply-2', 'register'));
    const pi = (await h.engine.createProcessInstance({ processDefinitionKey: v1.processDefinitionKey, variables: { caseId: '峄-020' } })).processInstanceKey;
    await h.awaitRecord({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'CREATED' });

    // when
    await h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey,
      mappingInstructions: [
        { sourceElementId: 'choose', targetElementId: 'choose-2' }, { sourceElementId: 'reply', targetElementId: 'reply-2' },
        { sourceElementId: 'no-reply', targetElementId: 'no-reply-2' },
      ],
    });
    expect(h.engine.replaySnapshot()).toEqual(h.engine.stateSnapshot());
    await h.engine.publishMessage({ name: '整改回复', correlationKey: '峄-020', timeToLive: 0, variables: {} });

    // then
    expect(h.find({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'MIGRATED' }).map((r) => r.value.elementId)).toEqual(['reply-2']);
    expect(h.find({ valueType: 'TIMER', intent: 'MIGRATED' }).map((r) => r.value.targetElementId)).toEqual(['no-reply-2']);
    expect(await h.activateOne('register')).toMatchObject({ processInstanceKey: pi, processDefinitionKey: v2.processDefinitionKey });
  });

  it('moves an exclusive gateway with its incident; resolving it evaluates the corrected conditions of the target', async () => {
    // given a condition that reads a field of a number
    const [v1] = (await h.deploy(bpmn('grading').start().exclusiveGateway('decide').condition('=level.value > 1').serviceTask('escalate').end()
      .from('decide').condition('=level.value <= 1').serviceTask('close').end('closed'))).processes;
    const [v2] = (await h.deploy(bpmn('grading').start().exclusiveGateway('decide').condition('=level > 1').serviceTask('escalate').end()
      .from('decide').condition('=level <= 1').serviceTask('close').end('closed'))).processes;
    const pi = (await h.engine.createProcessInstance({ processDefinitionKey: v1.processDefinitionKey, variables: { level: 2 } })).processInstanceKey;
    const incident = await h.awaitRecord({ valueType: 'INCIDENT', intent: 'CREATED' });

    // when
    await h.engine.migrateProcessInstance(pi, {
      targetProcessDefinitionKey: v2.processDefinitionKey, mappingInstructions: [{ sourceElementId: 'decide', targetElementId: 'decide' }],
    });
    await h.engine.resolveIncident(incident.key);

    // then
    expect(h.find({ valueType: 'INCIDENT', intent: 'MIGRATED' }).map((r) => [r.key, r.value.processDefinitionKey])).toEqual([[incident.key, v2.processDefinitionKey]]);
    expect(await h.activateOne('escalate')).toMatchObject({ processInstanceKey: pi, processDefinitionKey: v2.processDefinitionKey });
  });
});
