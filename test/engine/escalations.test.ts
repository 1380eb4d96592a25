import { EngineHarness } from './support/harness';
import { chain, definitions, end, escalation, event, process, resource, serviceTask, start } from './fixtures/xml';

const THROW = 'bpmn:intermediateThrowEvent';

/** start → sub (s → raise (escalation) → after → s-end) → end; boundary `caught` on sub → handled. */
function subProcessWithBoundary(boundaryAttrs: string, code = 'LATE', ref = 'esc-late'): [string, string] {
  return resource('esc.bpmn', definitions(process('esc', `${start()}
    <bpmn:subProcess id="sub">${start('s')}${event(THROW, 'raise', 'escalation', 'esc-late')}${serviceTask('after')}${end('s-end')}${chain('s', 'raise', 'after', 's-end')}</bpmn:subProcess>
    ${end()}${event('bpmn:boundaryEvent', 'caught', 'escalation', ref, ` attachedToRef="sub"${boundaryAttrs}`)}${end('handled')}
    ${chain('start', 'sub', 'end')}${chain('caught', 'handled')}`), escalation('esc-late', code), escalation('other', 'OTHER')));
}

describe('A7 escalations', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('an interrupting catch terminates the scope and the throw event does not continue', async () => {
    // given
    await h.deploy(subProcessWithBoundary(''));
    // when
    const pi = await h.create('esc');
    // then
    await h.awaitCompleted(pi);
    const trace = h.trace(pi);
    expect(trace).toEqual(expect.arrayContaining(['raise:ELEMENT_TERMINATED', 'sub:ELEMENT_TERMINATED', 'handled:ELEMENT_COMPLETED']));
    expect(trace).not.toContain('after:ELEMENT_ACTIVATING');
    expect(h.find({ valueType: 'ESCALATION' })[0]).toMatchObject({ intent: 'ESCALATED', value: { escalationCode: 'LATE', throwElementId: 'raise', catchElementId: 'caught' } });
  });

  it('a non-interrupting catch lets both paths continue', async () => {
    // given
    await h.deploy(subProcessWithBoundary(' cancelActivity="false"'));
    const pi = await h.create('esc');
    // when
    await h.completeJobOf('after');
    // then
    await h.awaitCompleted(pi);
    expect(h.trace(pi)).toEqual(expect.arrayContaining(['raise:ELEMENT_COMPLETED', 'handled:ELEMENT_COMPLETED', 'sub:ELEMENT_COMPLETED', 'end:ELEMENT_COMPLETED']));
  });

  it('an uncaught escalation raises no incident: the throw completes and the record is NOT_ESCALATED', async () => {
    // given: the only catch waits for another code
    await h.deploy(subProcessWithBoundary('', 'LATE', 'other'));
    const pi = await h.create('esc');
    // when
    await h.completeJobOf('after');
    // then
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'ESCALATION' })[0]).toMatchObject({ intent: 'NOT_ESCALATED', value: { escalationCode: 'LATE', catchElementId: '' } });
    expect(h.find({ valueType: 'INCIDENT' })).toHaveLength(0);
  });

  it('a catch-all boundary catches any code, and an escalation end event in a called process is caught at the call activity', async () => {
    // given
    await h.deploy(
      resource('child.bpmn', definitions(process('child', `${start('c')}${event('bpmn:endEvent', 'c-esc', 'escalation', 'esc')}${chain('c', 'c-esc')}`), escalation('esc', 'NEED_HELP'))),
      resource('parent.bpmn', definitions(process('parent', `${start()}
        <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child"/></bpmn:extensionElements></bpmn:callActivity>${end()}
        <bpmn:boundaryEvent id="any" attachedToRef="call"><bpmn:escalationEventDefinition/></bpmn:boundaryEvent>${end('helped')}
        ${chain('start', 'call', 'end')}${chain('any', 'helped')}`))),
    );
    // when
    const pi = await h.create('parent');
    // then
    await h.awaitCompleted(pi);
    expect(h.trace(pi)).toEqual(expect.arrayContaining(['call:ELEMENT_TERMINATED', 'helped:ELEMENT_COMPLETED']));
    expect(h.trace(pi)).not.toContain('end:ELEMENT_ACTIVATING');
  });

  it('rejects two escalation catches with the same code on one activity', async () => {
    // when
    const result = h.deploy(resource('dup.bpmn', definitions(process('dup', `${start()}<bpmn:subProcess id="sub">${start('s')}${end('s-end')}${chain('s', 's-end')}</bpmn:subProcess>${end()}
      ${event('bpmn:boundaryEvent', 'b1', 'escalation', 'esc-late', ' attachedToRef="sub"')}${event('bpmn:boundaryEvent', 'b2', 'escalation', 'esc-late', ' attachedToRef="sub"')}
      ${end('e1')}${end('e2')}${chain('start', 'sub', 'end')}${chain('b1', 'e1')}${chain('b2', 'e2')}`), escalation('esc-late', 'LATE'))));
    // then
    await expect(result).rejects.toThrow("Multiple escalation catch events with the same escalation code 'LATE' are not supported on the same scope.");
  });
});
