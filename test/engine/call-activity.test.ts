import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';
import { chain, definitions, end, io, process, resource, serviceTask, start } from './fixtures/xml';

/** One parent with a call activity; `called` is the zeebe:calledElement attribute text. */
function parent(called: string, opts: { mappings?: string; boundary?: string } = {}): [string, string] {
  return resource('parent.bpmn', definitions(process('parent', `
    ${start()}
    <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement ${called}/>${opts.mappings ?? ''}</bpmn:extensionElements></bpmn:callActivity>
    ${end()}
    ${opts.boundary ?? ''}
    ${chain('start', 'call', 'end')}`)));
}

const child = bpmn('child').start('c-start').serviceTask('work', { type: 'child-work' }).end('c-end');

describe('A8 call activity', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('creates the latest version of the called process with parent keys, copies and returns variables', async () => {
    // given
    await h.deploy(bpmn('child').start('c-start').end('c-old'));
    await h.deploy(child, parent('processId="child"'));
    const pi = await h.create('parent', { order: 7 });
    // when
    const job = await h.activateOne('child-work');
    await h.engine.completeJob(job.key, { result: 'ok' });
    // then
    await h.awaitCompleted(pi);
    const childRoot = h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATING' })
      .find((r) => r.value.bpmnElementType === 'PROCESS' && r.value.bpmnProcessId === 'child');
    const call = h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED' }).find((r) => r.value.elementId === 'call');
    expect(childRoot?.value).toMatchObject({ version: 2, parentProcessInstanceKey: pi, parentElementInstanceKey: call?.key });
    expect(job.variables).toEqual({ order: 7 });
    expect(job.processInstanceKey).toBe(childRoot?.key);
    const rootVars = h.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi).map((r) => r.value.name);
    expect(rootVars).toEqual(['order', 'result']);
    const trace = h.trace(pi);
    expect(trace.indexOf('call:ELEMENT_ACTIVATED')).toBeLessThan(trace.indexOf('call:ELEMENT_COMPLETING'));
  });

  it('copies only the input-mapping locals and returns nothing when both propagation flags are false', async () => {
    // given
    await h.deploy(child, parent('processId="child" propagateAllParentVariables="false" propagateAllChildVariables="false"', {
      mappings: io([['=order * 2', 'doubled']]),
    }));
    const pi = await h.create('parent', { order: 7 });
    // when
    const job = await h.activateOne('child-work');
    await h.engine.completeJob(job.key, { result: 'ok' });
    // then
    await h.awaitCompleted(pi);
    expect(job.variables).toEqual({ doubled: 14 });
    const rootVars = h.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi).map((r) => r.value.name);
    expect(rootVars).toEqual(['order']);
  });

  it('applies output mappings to the child variables, ignoring the propagation flag', async () => {
    // given
    await h.deploy(child, parent('processId="child" propagateAllChildVariables="true"', { mappings: io([], [['=result + "!"', 'outcome']]) }));
    const pi = await h.create('parent');
    // when
    await h.completeJobOf('child-work', { result: 'ok', noise: 1 });
    // then
    await h.awaitCompleted(pi);
    const rootVars = h.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi);
    expect(rootVars.map((r) => [r.value.name, r.value.value])).toEqual([['outcome', '"ok!"']]);
  });

  it('evaluates a processId expression and honours the deployment and versionTag binding types', async () => {
    // given
    const tagged = (tag: string, type: string): [string, string] => resource('child.bpmn', definitions(process('child', `
      ${start('c-start')}${serviceTask('work', type)}${end('c-end')}${chain('c-start', 'work', 'c-end')}`, { versionTag: tag })));
    await h.deploy(tagged('v1', 'work-v1'), parent('processId="=target" bindingType="deployment"'));
    await h.deploy(tagged('v2', 'work-v2'));
    await h.deploy(resource('tagged.bpmn', definitions(process('tagged', `
      ${start()}<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child" bindingType="versionTag" versionTag="v1"/></bpmn:extensionElements></bpmn:callActivity>${end()}
      ${chain('start', 'call', 'end')}`))));
    // when
    await h.create('parent', { target: 'child' });
    await h.create('tagged');
    // then
    expect(await h.activate('work-v1')).toHaveLength(2);
    expect(await h.activate('work-v2')).toHaveLength(0);
  });

  it('raises CALLED_ELEMENT_ERROR when the called process is missing and continues after deployment and resolve', async () => {
    // given
    await h.deploy(parent('processId="child"'));
    const pi = await h.create('parent');
    const [incident] = h.incidents(pi);
    // when
    await h.deploy(child);
    await h.engine.resolveIncident(incident.key);
    await h.completeJobOf('child-work');
    // then
    expect(incident.value).toMatchObject({
      errorType: 'CALLED_ELEMENT_ERROR', elementId: 'call',
      errorMessage: "Expected process with BPMN process id 'child' to be deployed, but not found.",
    });
    await h.awaitCompleted(pi);
  });

  it('raises CALLED_ELEMENT_ERROR when the called process has no none start event', async () => {
    // given
    await h.deploy(bpmn('child').start('c-start', { message: 'go' }).end('c-end'), parent('processId="child"'));
    // when
    const pi = await h.create('parent');
    // then
    expect(h.incidents(pi)[0]?.value.errorMessage).toBe("Expected process with BPMN process id 'child' to have a none start event, but not found.");
  });

  it('cancels the child with the root and rejects cancelling the child directly', async () => {
    // given
    await h.deploy(child, parent('processId="child"'));
    const pi = await h.create('parent');
    const job = await h.activateOne('child-work');
    // when
    const direct = h.engine.cancelProcessInstance(job.processInstanceKey);
    // then
    await expect(direct).rejects.toThrow(
      `Expected to cancel a process instance with key '${job.processInstanceKey}', but it is created by a parent process instance. Cancel the root process instance '${pi}' instead.`);
    // when
    await h.engine.cancelProcessInstance(pi);
    // then
    const terminated = h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED' }).map((r) => r.value.elementId);
    expect(terminated).toEqual(['work', 'child', 'call', 'parent']);
    expect(h.find({ valueType: 'JOB', intent: 'CANCELED' })).toHaveLength(1);
  });

  it('catches an error thrown in the child at a boundary event of the call activity', async () => {
    // given
    await h.deploy(child, parent('processId="child"', {
      boundary: `<bpmn:boundaryEvent id="failed" attachedToRef="call"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>
        <bpmn:endEvent id="failed-end"/>${chain('failed', 'failed-end')}`,
    }).map((s, i) => (i === 1 ? s.replace('</bpmn:definitions>', '<bpmn:error id="err" errorCode="REFUSED"/></bpmn:definitions>') : s)) as [string, string]);
    const pi = await h.create('parent');
    const job = await h.activateOne('child-work');
    // when
    await h.engine.throwError(job.key, { errorCode: 'REFUSED' });
    // then
    await h.awaitCompleted(pi);
    const trace = h.trace(pi);
    expect(trace).toContain('failed-end:ELEMENT_COMPLETED');
    expect(trace).toContain('call:ELEMENT_TERMINATED');
    expect(h.trace(job.processInstanceKey)).toContain('child:ELEMENT_TERMINATED');
  });

  it('terminates the child when a timer boundary event interrupts the call activity, and nothing propagates', async () => {
    // given
    await h.deploy(child, parent('processId="child"', {
      boundary: `<bpmn:boundaryEvent id="late" attachedToRef="call"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:endEvent id="late-end"/>${chain('late', 'late-end')}`,
    }));
    const pi = await h.create('parent');
    const job = await h.activateOne('child-work');
    await h.engine.setVariables({ elementInstanceKey: job.processInstanceKey, variables: { fromChild: true } });
    // when
    h.advance(60 * 60 * 1000);
    // then
    await h.awaitCompleted(pi);
    expect(h.trace(job.processInstanceKey)).toContain('child:ELEMENT_TERMINATED');
    expect(h.find({ valueType: 'JOB', intent: 'CANCELED' }).map((r) => r.key)).toEqual([job.key]);
    expect(h.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi).map((r) => r.value.name)).toEqual([]);
  });
});
