import { EngineHarness } from './support/harness';
import { chain, definitions, end, escapeXml, process, resource, start } from './fixtures/xml';

/** A process `mi` with one multi-instance service task `task` (job type `work`). */
function miProcess(opts: { sequential?: boolean; loop: string; condition?: string; boundary?: string; outputs?: string }): [string, string] {
  const condition = opts.condition ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${escapeXml(opts.condition)}</bpmn:completionCondition>` : '';
  return resource('mi.bpmn', definitions(process('mi', `
    ${start()}
    <bpmn:serviceTask id="task"><bpmn:extensionElements><zeebe:taskDefinition type="work"/>${opts.outputs ?? ''}</bpmn:extensionElements>
      <bpmn:multiInstanceLoopCharacteristics isSequential="${opts.sequential === true}">
        <bpmn:extensionElements><zeebe:loopCharacteristics ${opts.loop}/></bpmn:extensionElements>${condition}
      </bpmn:multiInstanceLoopCharacteristics>
    </bpmn:serviceTask>
    ${end()}
    ${opts.boundary ?? ''}
    ${chain('start', 'task', 'end')}`), '<bpmn:error id="err" errorCode="STOP"/>'));
}

const collect = 'inputCollection="=items" inputElement="item" outputCollection="results" outputElement="=result"';

describe('A8 multi-instance', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('runs parallel inner instances with inputElement and loopCounter, and collects the output in order', async () => {
    // given
    await h.deploy(miProcess({ loop: collect }));
    const pi = await h.create('mi', { items: ['a', 'b', 'c'] });
    const jobs = await h.activate('work');
    // when
    for (const job of [...jobs].reverse()) await h.engine.completeJob(job.key, { result: `${String(job.variables.item)}!` });
    // then
    await h.awaitCompleted(pi);
    expect(jobs.map((j) => [j.variables.item, j.variables.loopCounter])).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    const output = h.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi && r.value.name === 'results');
    expect(output.map((r) => JSON.parse(String(r.value.value)))).toEqual([['a!', 'b!', 'c!']]);
    const bodyTrace = h.find({ valueType: 'PROCESS_INSTANCE' })
      .filter((r) => r.value.processInstanceKey === pi && r.value.elementId === 'task')
      .map((r) => `${String(r.value.bpmnElementType)}:${r.intent}`);
    expect(bodyTrace[0]).toBe('MULTI_INSTANCE_BODY:ELEMENT_ACTIVATING');
    expect(bodyTrace[2]).toBe('SERVICE_TASK:ELEMENT_ACTIVATING');
    expect(bodyTrace.slice(-2)).toEqual(['MULTI_INSTANCE_BODY:ELEMENT_COMPLETING', 'MULTI_INSTANCE_BODY:ELEMENT_COMPLETED']);
    expect(h.variables(pi)).not.toHaveProperty('item');
    expect(h.variables(pi)).not.toHaveProperty('loopCounter');
  });

  it('runs sequential inner instances one after the other', async () => {
    // given
    await h.deploy(miProcess({ sequential: true, loop: collect }));
    const pi = await h.create('mi', { items: [1, 2] });
    // when
    const first = await h.activate('work');
    await h.engine.completeJob(first[0].key, { result: 10 });
    const second = await h.activate('work');
    await h.engine.completeJob(second[0].key, { result: 20 });
    // then
    await h.awaitCompleted(pi);
    expect(first.map((j) => j.variables.item)).toEqual([1]);
    expect(second.map((j) => j.variables.item)).toEqual([2]);
    expect(h.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi && r.value.name === 'results').map((r) => r.value.value)).toEqual(['[10,20]']);
  });

  it('completes the body at once for an empty collection, with an empty output collection', async () => {
    // given
    await h.deploy(miProcess({ loop: collect }));
    // when
    const pi = await h.create('mi', { items: [] });
    // then
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'JOB', intent: 'CREATED' })).toHaveLength(0);
    expect(h.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi && r.value.name === 'results').map((r) => r.value.value)).toEqual(['[]']);
  });

  it('raises EXTRACT_VALUE_ERROR on the body when the input collection is not an array, and resolves', async () => {
    // given
    await h.deploy(miProcess({ loop: 'inputCollection="=items" inputElement="item"' }));
    const pi = await h.create('mi', { items: 'abc' });
    const [incident] = h.incidents(pi);
    // when
    await h.engine.setVariables({ elementInstanceKey: pi, variables: { items: ['x'] } });
    await h.engine.resolveIncident(incident.key);
    await h.completeJobOf('work');
    // then
    expect(incident.value).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'task', errorMessage: "Expected result of the expression 'items' to be 'ARRAY', but was 'STRING'." });
    await h.awaitCompleted(pi);
  });

  it('terminates the other inner instances when the completion condition holds', async () => {
    // given
    await h.deploy(miProcess({ loop: 'inputCollection="=items" inputElement="item"', condition: '= numberOfCompletedInstances >= 2' }));
    const pi = await h.create('mi', { items: [1, 2, 3, 4] });
    const jobs = await h.activate('work');
    // when
    await h.engine.completeJob(jobs[0].key);
    await h.engine.completeJob(jobs[2].key);
    // then
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'JOB', intent: 'CANCELED' }).map((r) => r.key).sort()).toEqual([jobs[1].key, jobs[3].key].sort());
  });

  it('raises EXTRACT_VALUE_ERROR on the completing inner instance when the completion condition is not boolean', async () => {
    // given
    await h.deploy(miProcess({ loop: 'inputCollection="=items"', condition: '=done' }));
    const pi = await h.create('mi', { items: [1] });
    // when
    await h.completeJobOf('work');
    // then
    const [incident] = h.incidents(pi);
    expect(incident.value.errorMessage).toMatch(/^Expected result of the expression 'done' to be 'BOOLEAN', but was 'NULL'\./);
    const inner = h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETING' }).find((r) => r.value.bpmnElementType === 'SERVICE_TASK');
    expect(incident.value.elementInstanceKey).toBe(inner?.key);
  });

  it('applies input and output mappings per inner instance', async () => {
    // given
    await h.deploy(miProcess({
      loop: collect,
      outputs: '<zeebe:ioMapping><zeebe:input source="=item * 10" target="scaled"/><zeebe:output source="=scaled + 1" target="result"/></zeebe:ioMapping>',
    }));
    const pi = await h.create('mi', { items: [1, 2] });
    // when
    for (const job of await h.activate('work')) await h.engine.completeJob(job.key);
    // then
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi && r.value.name === 'results').map((r) => r.value.value)).toEqual(['[11,21]']);
  });

  it('attaches boundary events to the body: an error from one inner instance terminates all of them', async () => {
    // given
    await h.deploy(miProcess({
      loop: 'inputCollection="=items"',
      boundary: `<bpmn:boundaryEvent id="stopped" attachedToRef="task"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>${end('stopped-end')}${chain('stopped', 'stopped-end')}`,
    }));
    const pi = await h.create('mi', { items: [1, 2] });
    const jobs = await h.activate('work');
    // when
    await h.engine.throwError(jobs[0].key, { errorCode: 'STOP' });
    // then
    await h.awaitCompleted(pi);
    const terminated = h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED' }).map((r) => r.value.bpmnElementType);
    expect(terminated).toEqual(['SERVICE_TASK', 'SERVICE_TASK', 'MULTI_INSTANCE_BODY']);
    expect(h.trace(pi)).toContain('stopped-end:ELEMENT_COMPLETED');
  });

  it('runs a sequential multi-instance call activity, one child per element', async () => {
    // given
    await h.deploy(resource('child.bpmn', definitions(process('child', `${start('c')}<bpmn:serviceTask id="w"><bpmn:extensionElements><zeebe:taskDefinition type="round"/></bpmn:extensionElements></bpmn:serviceTask>${end('ce')}${chain('c', 'w', 'ce')}`))),
      resource('plan.bpmn', definitions(process('plan', `${start()}
        <bpmn:callActivity id="rounds"><bpmn:extensionElements><zeebe:calledElement processId="child" propagateAllChildVariables="false" propagateAllParentVariables="false"/>
          <zeebe:ioMapping><zeebe:input source="=round.no" target="roundNo"/></zeebe:ioMapping></bpmn:extensionElements>
          <bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=rounds" inputElement="round"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
        </bpmn:callActivity>${end()}${chain('start', 'rounds', 'end')}`))));
    const pi = await h.create('plan', { rounds: [{ no: 1 }, { no: 2 }] });
    // when
    const first = await h.activate('round');
    await h.engine.completeJob(first[0].key);
    const second = await h.activate('round');
    await h.engine.completeJob(second[0].key);
    // then
    await h.awaitCompleted(pi);
    // the inner instance's locals (input element, loopCounter, input-mapping targets) go to the child
    expect([...first, ...second].map((j) => j.variables)).toEqual([{ roundNo: 1, round: { no: 1 }, loopCounter: 1 }, { roundNo: 2, round: { no: 2 }, loopCounter: 2 }]);
  });

  it('runs a parallel multi-instance sub-process: each inner instance is a scope with its own locals', async () => {
    // given
    await h.deploy(resource('sub.bpmn', definitions(process('sub', `${start()}
      <bpmn:subProcess id="each">
        <bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=checked" target="checked"/></zeebe:ioMapping></bpmn:extensionElements>
        <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=units" inputElement="unit" outputCollection="report" outputElement="=checked"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
        ${start('s')}<bpmn:serviceTask id="check"><bpmn:extensionElements><zeebe:taskDefinition type="check"/></bpmn:extensionElements></bpmn:serviceTask>${end('s-end')}${chain('s', 'check', 's-end')}
      </bpmn:subProcess>${end()}${chain('start', 'each', 'end')}`))));
    const pi = await h.create('sub', { units: ['甲', '乙'] });
    // when
    for (const job of await h.activate('check')) await h.engine.completeJob(job.key, { checked: `${String(job.variables.unit)}已查` });
    // then
    await h.awaitCompleted(pi);
    const report = h.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi && r.value.name === 'report');
    expect(report.map((r) => JSON.parse(String(r.value.value)))).toEqual([['甲已查', '乙已查']]);
    expect(h.find({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED' }).filter((r) => r.value.elementId === 'each').map((r) => r.value.bpmnElementType))
      .toEqual(['SUB_PROCESS', 'SUB_PROCESS', 'MULTI_INSTANCE_BODY']);
  });

  it('offers the numberOf… variables to the completion condition (instances created so far, the completing one counted as completed)', async () => {
    // given
    await h.deploy(miProcess({
      sequential: true,
      loop: 'inputCollection="=items"',
      condition: '=numberOfInstances = 2 and numberOfCompletedInstances = 2 and numberOfActiveInstances = 0 and numberOfTerminatedInstances = 0',
    }));
    const pi = await h.create('mi', { items: [1, 2, 3] });
    // when
    await h.completeJobOf('work');
    await h.completeJobOf('work');
    // then
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'JOB', intent: 'CREATED' })).toHaveLength(2);
  });
  it('hands later sequential iterations the items evaluated on activation, whatever the collection variable becomes', async () => {
    // given
    await h.deploy(miProcess({ sequential: true, loop: collect }));
    const pi = await h.create('mi', { items: ['a', 'b', 'c'] });
    const first = await h.activateOne('work');
    // when
    await h.engine.setVariables({ elementInstanceKey: pi, variables: { items: ['x'] } });
    await h.engine.completeJob(first.key, { result: 1 });
    const second = await h.activateOne('work');
    await h.engine.setVariables({ elementInstanceKey: pi, variables: { items: ['y', 'z', 'w', 'v'] } });
    await h.engine.completeJob(second.key, { result: 2 });
    const third = await h.activateOne('work');
    await h.engine.completeJob(third.key, { result: 3 });
    // then
    await h.awaitCompleted(pi);
    expect([first, second, third].map((j) => [j.variables.item, j.variables.loopCounter])).toEqual([['a', 1], ['b', 2], ['c', 3]]);
    expect(h.find({ valueType: 'JOB', intent: 'CREATED' })).toHaveLength(3);
    expect(h.find({ valueType: 'MULTI_INSTANCE', intent: 'INPUT_COLLECTION_EVALUATED' }).map((r) => r.value.inputCollection)).toEqual([['a', 'b', 'c']]);
    expect(h.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi && r.value.name === 'results').map((r) => r.value.value)).toEqual(['[1,2,3]']);
  });

  it('keeps the evaluated input collection of a sequential body across an engine restart', async () => {
    // given
    let durable = await EngineHarness.start({ durability: 'full' });
    await durable.deploy(miProcess({ sequential: true, loop: collect }));
    const pi = await durable.create('mi', { items: ['甲', '乙'] });
    await durable.engine.setVariables({ elementInstanceKey: pi, variables: { items: [] } });
    const before = durable.engine.stateSnapshot();
    // when
    durable = await durable.restart();
    const restored = structuredClone(durable.engine.stateSnapshot());
    await durable.completeJobOf('work', { result: 1 });
    const second = await durable.activateOne('work');
    await durable.engine.completeJob(second.key, { result: 2 });
    // then
    try {
      expect(restored).toEqual(before);
      expect(second.variables).toMatchObject({ item: '乙', loopCounter: 2 });
      await durable.awaitCompleted(pi);
      const results = durable.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi && r.value.name === 'results');
      expect(results.map((r) => r.value.value)).toEqual(['[1,2]']);
    } finally {
      await durable.close();
    }
  });
});
