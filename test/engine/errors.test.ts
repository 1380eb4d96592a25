import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

describe('A7 error events', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('catches a thrown error at the boundary event, keeps the payload local, and does not cancel the job', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('task', { type: 'work' }).end('done')
      .boundary('caught', 'task', { error: 'REFUSED', outputs: [['=reason', 'why']] }).end('failed')
      .boundary('any', 'task', { error: null }).end('other'));
    const pi = await h.create('p');
    const job = await h.activateOne('work');
    // when
    await h.engine.throwError(job.key, { errorCode: 'REFUSED', errorMessage: 'no', variables: { reason: 'busy', extra: 1 } });
    // then
    await h.awaitCompleted(pi);
    const trace = h.trace(pi);
    expect(trace.indexOf('task:ELEMENT_TERMINATED')).toBeLessThan(trace.indexOf('caught:ELEMENT_ACTIVATING'));
    expect(trace).toContain('failed:ELEMENT_COMPLETED');
    expect(trace).not.toContain('other:ELEMENT_ACTIVATING');
    expect(h.find({ valueType: 'JOB', intent: 'CANCELED' })).toEqual([]);
    expect(h.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi).map((r) => r.value.name)).toEqual(['why']);
  });

  it('falls back to the catch-all boundary event', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('task', { type: 'work' }).end('done')
      .boundary('specific', 'task', { error: 'A' }).end('a')
      .boundary('any', 'task', { error: null }).end('other'));
    const pi = await h.create('p');
    const job = await h.activateOne('work');
    // when
    await h.engine.throwError(job.key, { errorCode: 'B' });
    // then
    await h.awaitCompleted(pi);
    expect(h.trace(pi)).toContain('other:ELEMENT_COMPLETED');
  });

  it('catches an error thrown inside a sub-process at the sub-process boundary', async () => {
    // given
    await h.deploy(bpmn('p').start()
      .subProcess('sub', (sp) => sp.start('s1').serviceTask('inner', { type: 'inner' }).end('e1'))
      .end('done')
      .boundary('caught', 'sub', { error: 'E' }).end('failed'));
    const pi = await h.create('p');
    const job = await h.activateOne('inner');
    // when
    await h.engine.throwError(job.key, { errorCode: 'E' });
    // then
    await h.awaitCompleted(pi);
    const trace = h.trace(pi);
    expect(trace.indexOf('inner:ELEMENT_TERMINATED')).toBeLessThan(trace.indexOf('sub:ELEMENT_TERMINATED'));
    expect(trace).toContain('failed:ELEMENT_COMPLETED');
  });

  it('raises UNHANDLED_ERROR_EVENT for an uncaught error, and the job can be completed after resolving', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('task', { type: 'work' }).end('done').boundary('b', 'task', { error: 'OTHER' }).end('x'));
    const pi = await h.create('p');
    const job = await h.activateOne('work');
    // when
    await h.engine.throwError(job.key, { errorCode: 'NOPE', errorMessage: 'went wrong' });
    const [incident] = h.incidents(pi);
    await h.engine.resolveIncident(incident.key);
    await h.completeJobOf('work');
    // then
    expect(incident.value).toMatchObject({
      errorType: 'UNHANDLED_ERROR_EVENT', jobKey: job.key, elementId: 'task',
      errorMessage: "Expected to throw an error event with the code 'NOPE' with message 'went wrong', but it was not caught. Available error events are [OTHER]",
    });
    await h.awaitCompleted(pi);
  });

  it('words the incident without catch events as Zeebe does', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('task', { type: 'work' }).end());
    const pi = await h.create('p');
    const job = await h.activateOne('work');
    // when
    await h.engine.throwError(job.key, { errorCode: 'X' });
    // then
    expect(h.incidents(pi)[0].value.errorMessage).toBe(
      "Expected to throw an error event with the code 'X', but it was not caught. No error events are available in the scope.");
  });

  it('throws from an error end event inside a sub-process to its boundary; uncaught it is an incident', async () => {
    // given
    await h.deploy(
      bpmn('caught').start().subProcess('sub', (sp) => sp.start('s1').end('throw', { errorCode: 'E1' })).end('ok')
        .boundary('b', 'sub', { error: 'E1' }).end('handled'),
      bpmn('uncaught').start().end('throw', { errorCode: 'E2' }),
    );
    // when
    const caught = await h.create('caught');
    const uncaught = await h.create('uncaught');
    // then
    await h.awaitCompleted(caught);
    expect(h.trace(caught)).toContain('handled:ELEMENT_COMPLETED');
    expect(h.incidents(uncaught)[0].value).toMatchObject({ errorType: 'UNHANDLED_ERROR_EVENT', elementId: 'throw', jobKey: '-1' });
  });
});
