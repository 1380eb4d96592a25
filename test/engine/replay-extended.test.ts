import { EngineHarness } from './support/harness';
import { definitions as dmn, literal } from './dmn/dmn-xml';
import { chain, definitions, end, escalation, event, flow, process, resource, serviceTask, signal, start } from './fixtures/xml';

/**
 * The state rebuilt from the log equals the live state after every step through the extended element kinds:
 * multi-instance counters, called processes, inclusive joins, event-based gateways, signal subscriptions, event
 * sub-processes, escalations, decisions and modifications.
 */
const child = resource('child.bpmn', definitions(process('child', `${start('c')}${serviceTask('child-work')}${end('ce')}${chain('c', 'child-work', 'ce')}`)));

const main = resource('main.bpmn', definitions(process('main', `${start()}
  <bpmn:inclusiveGateway id="fork"/>
  <bpmn:serviceTask id="each"><bpmn:extensionElements><zeebe:taskDefinition type="each"/></bpmn:extensionElements>
    <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2,3]" inputElement="i" outputCollection="out" outputElement="=i * 2"/></bpmn:extensionElements>
      <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">=numberOfCompletedInstances >= 2</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>
  </bpmn:serviceTask>
  <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child"/></bpmn:extensionElements></bpmn:callActivity>
  <bpmn:eventBasedGateway id="wait"/>${event('bpmn:intermediateCatchEvent', 'go', 'signal', 'sig')}
  <bpmn:intermediateCatchEvent id="later"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:inclusiveGateway id="join"/>
  <bpmn:businessRuleTask id="rule"><bpmn:extensionElements><zeebe:calledDecision decisionId="answer" resultVariable="answer"/></bpmn:extensionElements></bpmn:businessRuleTask>
  ${event('bpmn:intermediateThrowEvent', 'raise', 'escalation', 'esc-late')}${serviceTask('last')}${end()}
  <bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="esp-start" isInterrupting="false"><bpmn:escalationEventDefinition escalationRef="esc-late"/></bpmn:startEvent>
    ${serviceTask('handle')}${end('esp-end')}${chain('esp-start', 'handle', 'esp-end')}</bpmn:subProcess>
  ${chain('start', 'fork')}${flow('fork', 'each')}${flow('fork', 'call')}${flow('fork', 'wait', '=true')}
  ${flow('each', 'join')}${flow('call', 'join')}${flow('wait', 'go')}${flow('wait', 'later')}${flow('go', 'join')}${flow('later', 'join')}
  ${chain('join', 'rule', 'raise', 'last', 'end')}`), signal('sig', 'go'), escalation('esc-late', 'LATE')));

describe('replay of the extended element kinds', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  const expectReplayEqualsLive = (): void => expect(h.engine.replaySnapshot()).toEqual(h.engine.stateSnapshot());

  it('rebuilds the same state after every step', async () => {
    // given
    await h.deploy(child, main, ['answer.dmn', dmn(literal('answer', '42'))]);
    expectReplayEqualsLive();
    // when / then
    const pi = await h.create('main');
    expectReplayEqualsLive();
    const each = await h.activate('each');
    await h.engine.completeJob(each[0].key);
    expectReplayEqualsLive();
    await h.engine.completeJob(each[1].key);
    expectReplayEqualsLive();
    await h.completeJobOf('child-work', { fromChild: 1 });
    expectReplayEqualsLive();
    await h.engine.broadcastSignal({ signalName: 'go' });
    expectReplayEqualsLive();
    await h.completeJobOf('handle');
    expectReplayEqualsLive();
    const last = await h.activateOne('last');
    await h.engine.modifyProcessInstance(pi, { activateInstructions: [{ elementId: 'end' }], terminateInstructions: [{ elementInstanceKey: last.elementInstanceKey }] });
    expectReplayEqualsLive();
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi).map((r) => r.value.name).sort()).toEqual(['answer', 'fromChild', 'out']);
  });
});
