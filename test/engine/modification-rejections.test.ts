import { EngineHarness } from './support/harness';
import { chain, definitions, end, event, flow, process, resource, serviceTask, signal, start } from './fixtures/xml';

/** Modifications that Zeebe 8.8 refuses, with its texts (ProcessInstanceModificationModifyProcessor). */

const timer = (id: string, attrs = ''): string =>
  `<bpmn:boundaryEvent id="${id}"${attrs}><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`;
const routes = resource('routes.bpmn', definitions(process('routes', `${start()}${serviceTask('a')}${timer('late', ' attachedToRef="a"')}${end('late-end')}
  <bpmn:subProcess id="sp">${start('s')}${serviceTask('inner')}${end('s-end')}${chain('s', 'inner', 's-end')}</bpmn:subProcess>
  <bpmn:eventBasedGateway id="gw"/>${event('bpmn:intermediateCatchEvent', 'go', 'signal', 'sig')}${end('go-end')}${end()}
  <bpmn:intermediateCatchEvent id="tick"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  ${chain('start', 'a', 'sp', 'gw', 'go', 'go-end')}${chain('gw', 'tick', 'end')}${flow('late', 'late-end')}`), signal('sig', 'go')));
const guarded = resource('guarded.bpmn', definitions(process('guarded', `${start()}${serviceTask('a')}
  <bpmn:subProcess id="sp">${start('s')}${serviceTask('inner')}${end('s-end')}${chain('s', 'inner', 's-end')}</bpmn:subProcess>
  ${event('bpmn:boundaryEvent', 'stop', 'message', 'm-stop', ' attachedToRef="sp"')}${end('stopped')}${end()}
  ${chain('start', 'a', 'sp', 'end')}${flow('stop', 'stopped')}`),
`<bpmn:message id="m-stop" name="stop"><bpmn:extensionElements><zeebe:subscription correlationKey="=missingVariable"/></bpmn:extensionElements></bpmn:message>`));
const child = resource('child.bpmn', definitions(process('child', `${start()}${serviceTask('child-work')}${end()}${chain('start', 'child-work', 'end')}`)));
const parent = resource('parent.bpmn', definitions(process('parent', `${start()}
  <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child"/></bpmn:extensionElements></bpmn:callActivity>
  ${end()}${chain('start', 'call', 'end')}`)));

const refused = (reason: string): object => expect.objectContaining({ rejectionType: 'INVALID_ARGUMENT', reason });
const prefix = (processId: string): string => `Expected to modify instance of process '${processId}' but it contains one or more`;

describe('refused process instance modifications', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  const activatedKey = (elementId: string): string =>
    h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED' }).filter((r) => r.value.elementId === elementId).slice(-1)[0].key;

  it('refuses start events, sequence flows, boundary events and events after an event-based gateway', async () => {
    // given
    await h.deploy(routes);
    const pi = await h.create('routes');
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'a' } });
    const before = h.records.length;
    // when
    const mixed = h.engine.modifyProcessInstance(pi, { activateInstructions: ['start', 'a-sp', 'late', 'a', 's'].map((elementId) => ({ elementId })) });
    const afterGateway = h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'go' }, { elementId: 'start' }] });
    // then
    await expect(mixed).rejects.toEqual(refused(`${prefix('routes')} activate instructions for elements that are unsupported: 'start', 'a-sp', 'late', 's'. `
      + "The activation of elements with type 'START_EVENT', 'SEQUENCE_FLOW', 'BOUNDARY_EVENT' is not supported. Supported element types are: "
      + '[PROCESS, SUB_PROCESS, EVENT_SUB_PROCESS, AD_HOC_SUB_PROCESS, AD_HOC_SUB_PROCESS_INNER_INSTANCE, INTERMEDIATE_CATCH_EVENT, INTERMEDIATE_THROW_EVENT, '
      + 'END_EVENT, SERVICE_TASK, RECEIVE_TASK, USER_TASK, MANUAL_TASK, TASK, EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY, EVENT_BASED_GATEWAY, INCLUSIVE_GATEWAY, '
      + 'MULTI_INSTANCE_BODY, CALL_ACTIVITY, BUSINESS_RULE_TASK, SCRIPT_TASK, SEND_TASK].'));
    await expect(afterGateway).rejects.toEqual(refused(`${prefix('routes')} activate instructions for elements that are unsupported: 'go'. `
      + 'The activation of events belonging to an event-based gateway is not supported.'));
    expect(h.records.length).toBe(before);
  });

  it('refuses unknown elements, unknown terminate targets and variable scopes outside the element', async () => {
    // given
    await h.deploy(routes);
    const pi = await h.create('routes');
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'a' } });
    // when
    const unknown = h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'B' }, { elementId: 'a' }, { elementId: 'C' }] });
    const gone = h.engine.modifyProcessInstance(pi, { terminateInstructions: [{ elementInstanceKey: activatedKey('a') }, { elementInstanceKey: '123' }, { elementInstanceKey: '456' }] });
    const unknownScope = h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'inner', variableInstructions: [{ scopeId: 'nope', variables: {} }] }] });
    const foreignScope = h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'inner', variableInstructions: [{ scopeId: 'a', variables: { x: 1 } }] }] });
    // then
    await expect(unknown).rejects.toEqual(refused(`${prefix('routes')} activate instructions with an element that could not be found: 'B', 'C'`));
    await expect(gone).rejects.toEqual(refused(`${prefix('routes')} terminate instructions with an element instance that could not be found: '123', '456'`));
    await expect(unknownScope).rejects.toEqual(refused(`${prefix('routes')} variable instructions with a scope element id that could not be found: 'nope'`));
    await expect(foreignScope).rejects.toEqual(refused(`${prefix('routes')} variable instructions with a scope element that doesn't belong to the `
      + "activating element's flow scope. These variables should be set before or after the modification."));
  });

  it('refuses ancestors that are missing, of another instance or not above the element', async () => {
    // given
    await h.deploy(routes);
    await h.create('routes');
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'a' } });
    const foreignKey = activatedKey('a');
    const pi = await h.create('routes');
    await h.awaitCount({ valueType: 'JOB', intent: 'CREATED', value: { type: 'a' } }, 2);
    const a = activatedKey('a');
    // when
    const missing = h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'a', ancestorElementInstanceKey: '12345' }] });
    const foreign = h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'a', ancestorElementInstanceKey: foreignKey }] });
    const notAbove = h.engine.modifyProcessInstance(pi, {
      activateInstructions: [{ elementId: 'inner', ancestorElementInstanceKey: a }, { elementId: 'end', ancestorElementInstanceKey: a }],
    });
    // then
    await expect(missing).rejects.toEqual(refused(`${prefix('routes')} activate instructions with an ancestor scope key that does not exist, or is not in an active state: '12345'`));
    await expect(foreign).rejects.toEqual(refused(`${prefix('routes')} activate instructions with an ancestor scope key that does not belong to the modified process instance: '${foreignKey}'`));
    await expect(notAbove).rejects.toEqual(refused(`${prefix('routes')} activate instructions with an ancestor scope key that is not an ancestor of the element to activate:`
      + `\n- instance '${a}' of element 'a' is not an ancestor of element 'inner'\n- instance '${a}' of element 'a' is not an ancestor of element 'end'`));
  });

  it('refuses to activate an element in a flow scope instance the same command terminates', async () => {
    // given
    await h.deploy(routes);
    const pi = await h.create('routes');
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'a' } });
    // when
    const modification = h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'end' }], terminateInstructions: [{ elementInstanceKey: pi }] });
    // then
    await expect(modification).rejects.toEqual(refused("Expected to modify instance of process 'routes' but it contains one or more activate instructions "
      + `for elements whose required flow scope instance is also being terminated: element 'end' requires flow scope instance '${pi}' which is being terminated. `
      + 'Please provide a valid ancestor scope key for the activation or avoid terminating the required flow scope.'));
  });

  it('refuses, and undoes what it wrote, when a created flow scope cannot open its subscriptions', async () => {
    // given
    await h.deploy(guarded);
    const pi = await h.create('guarded');
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED', value: { type: 'a' } });
    const before = h.records.length;
    const live: unknown = structuredClone(h.engine.stateSnapshot());
    // when (the first instruction alone would succeed and writes events before the second one fails)
    const modification = h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'end' }, { elementId: 'inner' }] });
    // then
    await expect(modification).rejects.toEqual(refused("Expected to subscribe to catch event(s) of 'sp' but Failed to extract the correlation key for "
      + "'missingVariable': The value must be either a string or a number, but was 'NULL'. The evaluation reported the following warnings:\n"
      + "[NO_VARIABLE_FOUND] No variable found with name 'missingVariable'"));
    expect(h.records.length).toBe(before);
    expect(h.engine.stateSnapshot()).toEqual(live);
    await h.completeJobOf('a', {});
    await h.awaitRecord({ valueType: 'INCIDENT', intent: 'CREATED' });
  });

  it('refuses to end a called instance by terminating all that is active in it', async () => {
    // given
    await h.deploy(child, parent);
    await h.create('parent');
    const job = await h.activateOne('child-work');
    // when
    const modification = h.engine.modifyProcessInstance(job.processInstanceKey, { terminateInstructions: [{ elementInstanceKey: job.elementInstanceKey }] });
    // then
    await expect(modification).rejects.toEqual(refused("Expected to modify instance of process 'child' but the given instructions would terminate the instance. "
      + 'The instance was created by a call activity in the parent process. To terminate this instance please modify the parent process instead.'));
    expect(h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED' })).toEqual([]);
    await h.engine.completeJob(job.key);
  });
});
