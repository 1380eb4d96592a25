import { EngineHarness } from './support/harness';
import { chain, definitions, end, flow, process, resource, serviceTask, start } from './fixtures/xml';

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
});
