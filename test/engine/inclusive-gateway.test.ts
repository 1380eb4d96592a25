import { EngineHarness } from './support/harness';
import { chain, definitions, end, event, flow, process, resource, serviceTask, start } from './fixtures/xml';

/** fork (inclusive) → a / b → join (inclusive) → end; conditions on fork flows. */
function forkJoin(conditions: { a?: string; b?: string }, opts: { defaultFlow?: boolean } = {}): [string, string] {
  return resource('incl.bpmn', definitions(process('incl', `${start()}
    <bpmn:inclusiveGateway id="fork"${opts.defaultFlow ? ' default="fork-c"' : ''}/>
    ${serviceTask('a')}${serviceTask('b')}${serviceTask('c')}
    <bpmn:inclusiveGateway id="join"/>${end()}
    ${chain('start', 'fork')}
    ${flow('fork', 'a', conditions.a)}${flow('fork', 'b', conditions.b)}${opts.defaultFlow ? flow('fork', 'c') : ''}
    ${flow('a', 'join')}${flow('b', 'join')}${opts.defaultFlow ? flow('c', 'join') : ''}${flow('join', 'end')}`)));
}

describe('A4 inclusive gateway', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('takes every flow whose condition is true and joins them once', async () => {
    // given
    await h.deploy(forkJoin({ a: '=x > 1', b: '=x > 2' }));
    const pi = await h.create('incl', { x: 5 });
    // when
    await h.completeJobOf('a');
    const joinAfterA = h.trace(pi).filter((t) => t.startsWith('join:'));
    await h.completeJobOf('b');
    // then
    await h.awaitCompleted(pi);
    expect(joinAfterA).toEqual([]);
    expect(h.trace(pi).filter((t) => t === 'join:ELEMENT_COMPLETED')).toHaveLength(1);
    expect(h.trace(pi).filter((t) => t === 'end:ELEMENT_COMPLETED')).toHaveLength(1);
  });

  it('does not wait for flows that nothing can reach any more', async () => {
    // given
    await h.deploy(forkJoin({ a: '=x > 1', b: '=x > 10' }));
    const pi = await h.create('incl', { x: 5 });
    // when
    await h.completeJobOf('a');
    // then
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'JOB', intent: 'CREATED' }).map((r) => r.value.type)).toEqual(['a']);
  });

  it('releases a waiting join when the token that could still reach it ends elsewhere', async () => {
    // given
    await h.deploy(resource('incl.bpmn', definitions(process('incl', `${start()}
      <bpmn:inclusiveGateway id="fork"/>${serviceTask('a')}${serviceTask('b')}
      <bpmn:exclusiveGateway id="again" default="again-other"/>${end('other')}
      <bpmn:inclusiveGateway id="join"/>${end()}
      ${chain('start', 'fork')}${flow('fork', 'a')}${flow('fork', 'b')}${flow('a', 'join')}${flow('b', 'again')}
      ${flow('again', 'join', '=back')}${flow('again', 'other')}${flow('join', 'end')}`))));
    const pi = await h.create('incl', { back: false });
    // when
    await h.completeJobOf('a');
    const joinAfterA = h.trace(pi).filter((t) => t.startsWith('join:'));
    await h.completeJobOf('b');
    // then
    await h.awaitCompleted(pi);
    expect(joinAfterA).toEqual([]);
    expect(h.trace(pi)).toEqual(expect.arrayContaining(['other:ELEMENT_COMPLETED', 'join:ELEMENT_COMPLETED', 'end:ELEMENT_COMPLETED']));
  });

  it('takes the default flow when no condition is true', async () => {
    // given
    await h.deploy(forkJoin({ a: '=x > 1', b: '=x > 2' }, { defaultFlow: true }));
    const pi = await h.create('incl', { x: 0 });
    // when
    await h.completeJobOf('c');
    // then
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'JOB', intent: 'CREATED' }).map((r) => r.value.type)).toEqual(['c']);
  });

  it('raises CONDITION_ERROR without a true condition or default, and EXTRACT_VALUE_ERROR for a non-boolean one', async () => {
    // given
    await h.deploy(forkJoin({ a: '=x > 1', b: '=x > 2' }));
    const other = resource('nb.bpmn', definitions(process('nb', `${start()}<bpmn:inclusiveGateway id="fork"/>${end('e1')}${end('e2')}
      ${chain('start', 'fork')}${flow('fork', 'e1', '=y')}${flow('fork', 'e2', '=true')}`)));
    await h.deploy(other);
    // when
    const none = await h.create('incl', { x: 0 });
    const notBoolean = await h.create('nb');
    // then
    expect(h.incidents(none)[0].value).toMatchObject({
      errorType: 'CONDITION_ERROR', elementId: 'fork', errorMessage: 'Expected at least one condition to evaluate to true, or to have a default flow',
    });
    expect(h.incidents(notBoolean)[0].value.errorType).toBe('EXTRACT_VALUE_ERROR');
    expect(h.incidents(notBoolean)[0].value.errorMessage).toMatch(/^Expected result of the (condition )?expression 'y' to be 'BOOLEAN', but was 'NULL'\./);
  });
  describe('re-checks a waiting join when a path that could reach it goes away', () => {
    /** fork → a → join, fork → b → join; b has an interrupting boundary event leading to task c (not to the join). */
    function withBoundary(boundary: string): [string, string] {
      return resource('incl.bpmn', definitions(process('incl', `${start()}
        <bpmn:inclusiveGateway id="fork"/>${serviceTask('a')}${serviceTask('b')}${serviceTask('c')}
        ${boundary}
        <bpmn:inclusiveGateway id="join"/>${end()}${end('c-end')}
        ${chain('start', 'fork')}${flow('fork', 'a')}${flow('fork', 'b')}${flow('a', 'join')}${flow('b', 'join')}
        ${flow('boundary', 'c')}${flow('c', 'c-end')}${flow('join', 'end')}`), '<bpmn:error id="err" errorCode="STOP"/>'));
    }

    it('activates the join when the other path is interrupted by a caught error', async () => {
      // given
      await h.deploy(withBoundary('<bpmn:boundaryEvent id="boundary" attachedToRef="b"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>'));
      const pi = await h.create('incl');
      await h.completeJobOf('a');
      const joinAfterA = h.trace(pi).filter((t) => t.startsWith('join:'));
      const b = await h.activateOne('b');
      // when
      await h.engine.throwError(b.key, { errorCode: 'STOP' });
      // then
      await h.awaitRecord({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED', value: { elementId: 'end' } });
      expect(joinAfterA).toEqual([]);
      expect(h.trace(pi).filter((t) => t === 'join:ELEMENT_COMPLETED')).toHaveLength(1);
      expect(h.trace(pi)).toContain('c:ELEMENT_ACTIVATED');
    });

    it('activates the join when the other path is interrupted by a timer', async () => {
      // given
      await h.deploy(withBoundary(`<bpmn:boundaryEvent id="boundary" attachedToRef="b">
        <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`));
      const pi = await h.create('incl');
      await h.completeJobOf('a');
      // when
      h.advance(3_600_000);
      // then
      await h.awaitRecord({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED', value: { elementId: 'end' } });
      expect(h.trace(pi).filter((t) => t === 'join:ELEMENT_COMPLETED')).toHaveLength(1);
      expect(h.trace(pi)).toEqual(expect.arrayContaining(['b:ELEMENT_TERMINATED', 'c:ELEMENT_ACTIVATED']));
    });

    it('activates the join when the element that could reach it is terminated by a modification', async () => {
      // given
      await h.deploy(forkJoin({}));
      const pi = await h.create('incl');
      await h.completeJobOf('a');
      const b = h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED', value: { elementId: 'b' } })[0];
      // when
      await h.engine.modifyProcessInstance(pi, { terminateInstructions: [{ elementInstanceKey: b.key }] });
      // then
      await h.awaitCompleted(pi);
      expect(h.trace(pi).filter((t) => t === 'join:ELEMENT_COMPLETED')).toHaveLength(1);
    });

    it('does not activate a waiting join when an interrupting event sub-process takes the scope over', async () => {
      // given
      await h.deploy(resource('incl.bpmn', definitions(process('incl', `${start()}
        <bpmn:inclusiveGateway id="fork"/>${serviceTask('a')}${serviceTask('b')}<bpmn:inclusiveGateway id="join"/>${end()}
        ${chain('start', 'fork')}${flow('fork', 'a')}${flow('fork', 'b')}${flow('a', 'join')}${flow('b', 'join')}${flow('join', 'end')}
        <bpmn:subProcess id="esp" triggeredByEvent="true">${event('bpmn:startEvent', 'esp-start', 'message', 'msg-stop')}
          ${serviceTask('handle')}${end('esp-end')}${chain('esp-start', 'handle', 'esp-end')}</bpmn:subProcess>`),
        '<bpmn:message id="msg-stop" name="stop"><bpmn:extensionElements><zeebe:subscription correlationKey="=id"/></bpmn:extensionElements></bpmn:message>')));
      const pi = await h.create('incl', { id: 'k1' });
      await h.completeJobOf('a');
      // when
      await h.engine.publishMessage({ name: 'stop', correlationKey: 'k1' });
      await h.completeJobOf('handle');
      // then
      await h.awaitCompleted(pi);
      expect(h.trace(pi)).toContain('b:ELEMENT_TERMINATED');
      expect(h.trace(pi).filter((t) => t.startsWith('join:') || t.startsWith('end:'))).toEqual([]);
    });

    it('keeps waiting while the interrupting path can still reach the join', async () => {
      // given
      await h.deploy(resource('incl.bpmn', definitions(process('incl', `${start()}
        <bpmn:inclusiveGateway id="fork"/>${serviceTask('a')}${serviceTask('b')}${serviceTask('c')}
        <bpmn:boundaryEvent id="boundary" attachedToRef="b"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>
        <bpmn:inclusiveGateway id="join"/>${end()}
        ${chain('start', 'fork')}${flow('fork', 'a')}${flow('fork', 'b')}${flow('a', 'join')}${flow('b', 'join')}
        ${flow('boundary', 'c')}${flow('c', 'join')}${flow('join', 'end')}`), '<bpmn:error id="err" errorCode="STOP"/>')));
      const pi = await h.create('incl');
      await h.completeJobOf('a');
      const b = await h.activateOne('b');
      // when
      await h.engine.throwError(b.key, { errorCode: 'STOP' });
      await h.awaitRecord({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED', value: { elementId: 'c' } });
      const joinBeforeC = h.trace(pi).filter((t) => t.startsWith('join:'));
      await h.completeJobOf('c');
      // then
      await h.awaitCompleted(pi);
      expect(joinBeforeC).toEqual([]);
      expect(h.trace(pi).filter((t) => t === 'join:ELEMENT_COMPLETED')).toHaveLength(1);
    });
  });
});
