import { EngineHarness } from './support/harness';
import { chain, definitions, end, flow, process, resource, start } from './fixtures/xml';

const messageCatch = (id: string, message: string): string =>
  `<bpmn:intermediateCatchEvent id="${id}"><bpmn:messageEventDefinition messageRef="${message}"/></bpmn:intermediateCatchEvent>`;
const timerCatch = (id: string, duration: string): string =>
  `<bpmn:intermediateCatchEvent id="${id}"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;
const message = (id: string, name: string): string =>
  `<bpmn:message id="${id}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/></bpmn:extensionElements></bpmn:message>`;

/** gateway → paid (message) → end-paid / timeout (PT1H timer) → end-timeout */
const gatewayProcess = resource('ebg.bpmn', definitions(process('ebg', `${start()}<bpmn:eventBasedGateway id="gw"/>
  ${messageCatch('paid', 'msg-paid')}${timerCatch('timeout', 'PT1H')}${end('end-paid')}${end('end-timeout')}
  ${chain('start', 'gw')}${flow('gw', 'paid')}${flow('gw', 'timeout')}${flow('paid', 'end-paid')}${flow('timeout', 'end-timeout')}`), message('msg-paid', 'paid')));

describe('A4 event-based gateway', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('waits on the subscriptions of the catch events; the message wins, the timer is canceled', async () => {
    // given
    await h.deploy(gatewayProcess);
    const pi = await h.create('ebg', { orderId: 'o-1' });
    const gatewayKey = h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED' }).find((r) => r.value.elementId === 'gw')?.key;
    // when
    await h.engine.publishMessage({ name: 'paid', correlationKey: 'o-1', variables: { amount: 12 } });
    // then
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'CREATED' })[0].value).toMatchObject({ elementInstanceKey: gatewayKey, elementId: 'paid' });
    expect(h.find({ valueType: 'TIMER', intent: 'CREATED' })[0].value).toMatchObject({ elementInstanceKey: gatewayKey, targetElementId: 'timeout' });
    expect(h.find({ valueType: 'TIMER', intent: 'CANCELED' })).toHaveLength(1);
    const trace = h.trace(pi);
    expect(trace.slice(trace.indexOf('gw:ELEMENT_COMPLETING'))).toEqual([
      'gw:ELEMENT_COMPLETING', 'gw:ELEMENT_COMPLETED', 'gw-paid:SEQUENCE_FLOW_TAKEN',
      'paid:ELEMENT_ACTIVATING', 'paid:ELEMENT_ACTIVATED', 'paid:ELEMENT_COMPLETING', 'paid:ELEMENT_COMPLETED',
      'paid-end-paid:SEQUENCE_FLOW_TAKEN', 'end-paid:ELEMENT_ACTIVATING', 'end-paid:ELEMENT_ACTIVATED',
      'end-paid:ELEMENT_COMPLETING', 'end-paid:ELEMENT_COMPLETED', 'ebg:ELEMENT_COMPLETING', 'ebg:ELEMENT_COMPLETED',
    ]);
    expect(h.find({ valueType: 'VARIABLE' }).find((r) => r.value.name === 'amount')?.value.scopeKey).toBe(pi);
  });

  it('takes the timer path when the timer fires first and closes the message subscription', async () => {
    // given
    await h.deploy(gatewayProcess);
    const pi = await h.create('ebg', { orderId: 'o-2' });
    // when
    h.advance(60 * 60 * 1000);
    // then
    await h.awaitCompleted(pi);
    expect(h.trace(pi)).toContain('end-timeout:ELEMENT_COMPLETED');
    expect(h.trace(pi)).not.toContain('paid:ELEMENT_ACTIVATING');
    expect(h.find({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'DELETED' })).toHaveLength(1);
  });

  it('rejects gateways leading to other elements or with duplicate message names', async () => {
    // when
    const toTask = h.deploy(resource('bad.bpmn', definitions(process('bad', `${start()}<bpmn:eventBasedGateway id="gw"/>
      <bpmn:task id="t"/>${timerCatch('tm', 'PT1M')}${chain('start', 'gw')}${flow('gw', 't')}${flow('gw', 'tm')}`))));
    const duplicate = h.deploy(resource('dup.bpmn', definitions(process('dup', `${start()}<bpmn:eventBasedGateway id="gw"/>
      ${messageCatch('m1', 'msg-paid')}${messageCatch('m2', 'msg-paid')}${chain('start', 'gw')}${flow('gw', 'm1')}${flow('gw', 'm2')}`), message('msg-paid', 'paid'))));
    // then
    await expect(toTask).rejects.toThrow('Event-based gateway must not have an outgoing sequence flow to other elements than message/timer/signal intermediate catch events or receive tasks');
    await expect(duplicate).rejects.toThrow("Multiple message event definitions with the same name 'paid' are not allowed.");
  });

  it('accepts receive tasks behind the gateway', async () => {
    // given
    await h.deploy(resource('rt.bpmn', definitions(process('rt', `${start()}<bpmn:eventBasedGateway id="gw"/>
      <bpmn:receiveTask id="receive" messageRef="msg-paid"/>${timerCatch('timeout', 'PT1H')}${end('e1')}${end('e2')}
      ${chain('start', 'gw')}${flow('gw', 'receive')}${flow('gw', 'timeout')}${flow('receive', 'e1')}${flow('timeout', 'e2')}`), message('msg-paid', 'paid'))));
    const pi = await h.create('rt', { orderId: 'o-3' });
    // when
    await h.engine.publishMessage({ name: 'paid', correlationKey: 'o-3' });
    // then
    await h.awaitCompleted(pi);
    expect(h.trace(pi)).toEqual(expect.arrayContaining(['receive:ELEMENT_COMPLETED', 'e1:ELEMENT_COMPLETED']));
    expect(h.find({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'CREATED' })).toHaveLength(1);
  });
});
