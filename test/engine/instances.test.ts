import { ResultTimeout } from '../../src/engine/api';
import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

describe('A10 creation, completion and cancellation', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('rejects unknown processes and processes without a none start event', async () => {
    // given
    await h.deploy(bpmn('msgOnly').start('s', { message: 'go' }).end());
    // when / then
    await expect(h.engine.createProcessInstance({ bpmnProcessId: 'nope' })).rejects.toMatchObject({
      rejectionType: 'NOT_FOUND', reason: "Expected to find process definition with process ID 'nope', but none found" });
    await expect(h.engine.createProcessInstance({ bpmnProcessId: 'msgOnly' })).rejects.toMatchObject({
      rejectionType: 'INVALID_STATE', reason: 'Expected to create instance of process with none start event, but there is no such event' });
  });

  it('cancels the whole tree innermost first: jobs canceled, incidents resolved', async () => {
    // given
    await h.deploy(bpmn('p').start().parallelGateway('fork')
      .subProcess('sub', (sp) => sp.start('s1').serviceTask('inner', { type: 'inner' }).end('e1')).end('e2')
      .from('fork').exclusiveGateway('gw').condition('=x').end('e3'));
    const pi = await h.create('p');
    const incident = h.incidents(pi)[0];
    // when
    await h.engine.cancelProcessInstance(pi);
    // then
    const trace = h.trace(pi);
    expect(trace.slice(-1)).toEqual(['p:ELEMENT_TERMINATED']);
    expect(trace.indexOf('inner:ELEMENT_TERMINATED')).toBeLessThan(trace.indexOf('sub:ELEMENT_TERMINATED'));
    expect(h.find({ valueType: 'JOB', intent: 'CANCELED' })).toHaveLength(1);
    expect(h.find({ valueType: 'INCIDENT', intent: 'RESOLVED', key: incident.key })).toHaveLength(1);
    await expect(h.engine.cancelProcessInstance(pi)).rejects.toMatchObject({
      rejectionType: 'NOT_FOUND', reason: `Expected to cancel a process instance with key '${pi}', but no such process was found` });
  });

  it('creates with result and returns the requested variables', async () => {
    // given
    await h.deploy(bpmn('p').start().task('t', { outputs: [['=a + 1', 'b']] }).end());
    // when
    const result = await h.engine.createProcessInstanceWithResult({ bpmnProcessId: 'p', variables: { a: 1, c: 3 }, fetchVariables: ['b'] });
    // then
    expect(result.variables).toEqual({ b: 2 });
  });

  it('creates with result and waits for a job to complete', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('t', { type: 'w' }).end());
    // when
    const pending = h.engine.createProcessInstanceWithResult({ bpmnProcessId: 'p', variables: { a: 1 } });
    await h.awaitRecord({ valueType: 'JOB', intent: 'CREATED' });
    await h.completeJobOf('w', { done: true });
    // then
    expect((await pending).variables).toEqual({ a: 1, done: true });
  });

  it('gives up waiting for the result after the request timeout', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('t', { type: 'w' }).end());
    // when
    const result = h.engine.createProcessInstanceWithResult({ bpmnProcessId: 'p', requestTimeoutMs: 10 });
    // then
    await expect(result).rejects.toBeInstanceOf(ResultTimeout);
  });

  it('terminates the other branches at a terminate end event and completes the process', async () => {
    // given
    await h.deploy(bpmn('p').start().parallelGateway('fork').serviceTask('a', { type: 'a' }).end('ea')
      .from('fork').end('kill', { terminate: true }));
    // when
    const pi = await h.create('p');
    // then
    await h.awaitCompleted(pi);
    expect(h.trace(pi)).toContain('a:ELEMENT_TERMINATED');
    expect(h.find({ valueType: 'JOB', intent: 'CANCELED' })).toHaveLength(1);
  });
});

describe('robustness', () => {
  it('accepts a command that loops without a wait state, stops the loop at an incident, and keeps running', async () => {
    // given
    const h = await EngineHarness.start();
    await h.deploy(bpmn('loop').start().task('again').exclusiveGateway('gw', { default: 'out' }).condition('=true').to('again')
      .from('gw').flowId('out').end());
    await h.deploy(bpmn('fine').start().end());
    // when
    const looping = await h.create('loop');
    const fine = await h.create('fine');
    // then
    await h.awaitCompleted(fine);
    const incident = await h.awaitRecord({ valueType: 'INCIDENT', intent: 'CREATED' }, 30_000);
    expect(incident.value).toMatchObject({ processInstanceKey: looping, elementId: 'again' });
    expect(h.engine.health().status).toBe('UP');
    await h.close();
  }, 60_000);

  it('evaluates job type and retries expressions and raises an incident for an empty type', async () => {
    // given
    const h = await EngineHarness.start();
    await h.deploy(bpmn('p').start().serviceTask('t', { type: '=kind', retries: '=tries' }).end());
    // when
    await h.create('p', { kind: 'dynamic', tries: 5 });
    const empty = await h.create('p', { kind: '', tries: 1 });
    // then
    expect((await h.activateOne('dynamic')).retries).toBe(5);
    expect(h.incidents(empty)[0].value).toMatchObject({
      errorType: 'EXTRACT_VALUE_ERROR', errorMessage: "Expected result of the expression 'kind' to be a not-empty string, but was an empty string." });
    await h.close();
  });

  it('completes a sub-process at its terminate end event and continues after it', async () => {
    // given
    const h = await EngineHarness.start();
    await h.deploy(bpmn('p').start()
      .subProcess('sub', (sp) => sp.start('s1').parallelGateway('f').serviceTask('inner', { type: 'inner' }).end('e1').from('f').end('stop', { terminate: true }))
      .serviceTask('after', { type: 'after' }).end());
    // when
    const pi = await h.create('p');
    // then
    expect((await h.activateOne('after')).processInstanceKey).toBe(pi);
    expect(h.trace(pi)).toEqual(expect.arrayContaining(['inner:ELEMENT_TERMINATED', 'sub:ELEMENT_COMPLETED']));
    await h.close();
  });
});

describe('start instructions', () => {
  it('starts at the given elements instead of the none start event and refuses nested ones', async () => {
    // given
    const h = await EngineHarness.start();
    await h.deploy(bpmn('p').start().serviceTask('first', { type: 'first' }).serviceTask('second', { type: 'second' })
      .subProcess('sub', (sp) => sp.start('s1').task('nested').end('e1')).end());
    // when
    const created = await h.engine.createProcessInstance({ bpmnProcessId: 'p', startInstructions: [{ elementId: 'second' }] });
    // then
    expect((await h.activateOne('second')).processInstanceKey).toBe(created.processInstanceKey);
    expect(await h.activate('first')).toEqual([]);
    await expect(h.engine.createProcessInstance({ bpmnProcessId: 'p', startInstructions: [{ elementId: 'nested' }] })).rejects.toMatchObject({ rejectionType: 'INVALID_ARGUMENT' });
    await expect(h.engine.createProcessInstance({ bpmnProcessId: 'p', startInstructions: [{ elementId: 'nope' }] })).rejects.toMatchObject({
      reason: "Expected to create instance of process with start instructions but no element found with id 'nope'." });
    await h.close();
  });
});
