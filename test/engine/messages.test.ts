import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

describe('A6 messages', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  const catcher = bpmn('order').start().messageCatch('wait', 'paid', '=orderId').end();

  it('correlates a published message to a waiting catch event and propagates its variables', async () => {
    // given
    await h.deploy(catcher);
    const pi = await h.create('order', { orderId: 'o-1' });
    // when
    await h.engine.publishMessage({ name: 'paid', correlationKey: 'o-1', variables: { amount: 10 } });
    // then
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'VARIABLE', intent: 'CREATED', value: { name: 'amount' } })[0].value.scopeKey).toBe(pi);
  });

  it('turns a numeric correlation key into text and ignores other keys', async () => {
    // given
    await h.deploy(catcher);
    const pi = await h.create('order', { orderId: 123 });
    // when
    await h.engine.publishMessage({ name: 'paid', correlationKey: '999' });
    await h.engine.publishMessage({ name: 'paid', correlationKey: '123' });
    // then
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'CORRELATED' })).toHaveLength(1);
  });

  it('raises EXTRACT_VALUE_ERROR when the correlation key is null', async () => {
    // given
    await h.deploy(catcher);
    // when
    const pi = await h.create('order');
    // then
    expect(h.incidents(pi)[0].value.errorMessage).toMatch(
      /^Failed to extract the correlation key for 'orderId': The value must be either a string or a number, but was 'NULL'\./);
  });

  it('buffers a message with TTL, correlates it to a later subscription, and expires it after the TTL', async () => {
    // given
    await h.deploy(catcher);
    await h.engine.publishMessage({ name: 'paid', correlationKey: 'early', timeToLive: 60_000, variables: { n: 1 } });
    await h.engine.publishMessage({ name: 'paid', correlationKey: 'late', timeToLive: 60_000 });
    // when
    const early = await h.create('order', { orderId: 'early' });
    h.advance(60_001);
    await h.awaitRecord({ valueType: 'MESSAGE', intent: 'EXPIRED', value: { correlationKey: 'late' } });
    const late = await h.create('order', { orderId: 'late' });
    // then
    await h.awaitCompleted(early);
    expect(h.incidents(late)).toEqual([]);
    expect(h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED', key: late })).toEqual([]);
  });

  it('expires a message without TTL at once', async () => {
    // when
    const { key } = await h.engine.publishMessage({ name: 'x', correlationKey: 'k' });
    // then
    expect(h.find({ valueType: 'MESSAGE', key }).map((r) => r.intent)).toEqual(['PUBLISHED', 'EXPIRED']);
  });

  it('rejects a second message with the same id while the first is buffered', async () => {
    // given
    await h.engine.publishMessage({ name: 'x', correlationKey: 'k', messageId: 'm1', timeToLive: 10_000 });
    // when / then
    await expect(h.engine.publishMessage({ name: 'x', correlationKey: 'k', messageId: 'm1', timeToLive: 10_000 })).rejects.toMatchObject({
      rejectionType: 'ALREADY_EXISTS', reason: "Expected to publish a new message with id 'm1', but a message with that id was already published" });
  });

  it('correlates a message at most once per process, and two buffered messages to two sequential catches', async () => {
    // given
    await h.deploy(bpmn('two').start().messageCatch('first', 'm', '=k').messageCatch('second', 'm', '=k').end());
    await h.engine.publishMessage({ name: 'm', correlationKey: 'a', timeToLive: 60_000, variables: { v: 1 } });
    await h.engine.publishMessage({ name: 'm', correlationKey: 'a', timeToLive: 60_000, variables: { v: 2 } });
    // when
    const pi = await h.create('two', { k: 'a' });
    // then
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'VARIABLE', value: { name: 'v' } }).map((r) => r.value.value)).toEqual(['1', '2']);
  });

  it('interrupts with a message boundary event whose key is evaluated in the activity scope', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('task', { type: 'w', inputs: [['="c-" + id', 'ref']] }).end('done')
      .boundary('cancelled', 'task', { message: ['cancel', '=ref'] }).end('stopped'));
    const pi = await h.create('p', { id: '7' });
    await h.awaitRecord({ valueType: 'MESSAGE_SUBSCRIPTION', intent: 'CREATED' });
    // when
    await h.engine.publishMessage({ name: 'cancel', correlationKey: 'c-7' });
    // then
    await h.awaitCompleted(pi);
    expect(h.trace(pi)).toContain('stopped:ELEMENT_COMPLETED');
    expect(h.find({ valueType: 'JOB', intent: 'CANCELED' })).toHaveLength(1);
  });

  it('receives a message in a receive task', async () => {
    // given
    await h.deploy(bpmn('p').start().receiveTask('receive', 'reply', '=id').end());
    const pi = await h.create('p', { id: 'r' });
    // when
    const result = await h.engine.correlateMessage({ name: 'reply', correlationKey: 'r' });
    // then
    await h.awaitCompleted(pi);
    expect(result.processInstanceKey).toBe(pi);
  });

  it('rejects correlate without a subscription with NOT_FOUND', async () => {
    // when / then
    await expect(h.engine.correlateMessage({ name: 'nobody', correlationKey: 'k' })).rejects.toMatchObject({
      rejectionType: 'NOT_FOUND', reason: "Expected to find subscription for message with name 'nobody' and correlation key 'k', but none was found." });
  });

  it('starts an instance by message with the payload at root, once per active correlation key', async () => {
    // given
    await h.deploy(bpmn('started').start('s', { message: 'complaint' }).serviceTask('handle', { type: 'handle' }).end());
    // when
    const first = await h.engine.correlateMessage({ name: 'complaint', correlationKey: 'c1', variables: { text: 'noise' } });
    await h.engine.publishMessage({ name: 'complaint', correlationKey: 'c1', timeToLive: 60_000 });
    const startedBefore = h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATING', value: { bpmnElementType: 'PROCESS' } }).length;
    const rootVariables = h.variables(first.processInstanceKey);
    await h.completeJobOf('handle');
    // then
    expect(rootVariables).toEqual({ text: 'noise' });
    expect(startedBefore).toBe(1);
    await h.awaitCount({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATING', value: { bpmnElementType: 'PROCESS' } }, 2);
  });

  it('does not start a process by a message that an intermediate subscription of that process took', async () => {
    // given
    await h.deploy(bpmn('both').start('s', { message: 'go' }).end('e1'), bpmn('waiter').start().messageCatch('w', 'go', '=k').end());
    await h.deploy(bpmn('both').start('s', { message: 'go' }).messageCatch('w2', 'go', '=k2').end('e1'));
    const pi = await h.engine.correlateMessage({ name: 'go', correlationKey: 'x', variables: { k2: 'x' } });
    // when
    await h.engine.publishMessage({ name: 'go', correlationKey: 'x' });
    // then
    await h.awaitCompleted(pi.processInstanceKey);
    expect(h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATING', value: { bpmnElementType: 'PROCESS', bpmnProcessId: 'both' } })).toHaveLength(1);
  });
});
