import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

describe('A1 variables and mappings', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('applies input mappings as locals with back-references and nested targets', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('t', { type: 'w', inputs: [['=x', 'a.b'], ['=y', 'a.c'], ['=a.b + 1', 'd'], ['=missing', 'm']] }).end());
    const pi = await h.create('p', { x: 1, y: 2 });
    // when
    const job = await h.activateOne('w');
    // then
    expect(job.variables).toMatchObject({ a: { b: 1, c: 2 }, d: 2, m: null, x: 1 });
    expect(h.variables(job.elementInstanceKey)).toEqual({ a: { b: 1, c: 2 }, d: 2, m: null });
    expect(h.variables(pi)).toEqual({ x: 1, y: 2 });
  });

  it('lands job variables in a same-named local (input-mapping target) and discards them with the task', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('t', { type: 'w', inputs: [['=1', 'local']] }).serviceTask('t2', { type: 'w2' }).end());
    const pi = await h.create('p');
    // when
    await h.completeJobOf('w', { local: 5, global: 6 });
    // then
    expect(h.variables(pi)).toEqual({ global: 6 });
  });

  it('with output mappings propagates only mapped values, merging nested targets with the visible value', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('t', { type: 'w', outputs: [['=result', 'a.b'], ['=result * 2', 'double']] }).serviceTask('t2', { type: 'w2' }).end());
    const pi = await h.create('p', { a: { c: 2 } });
    // when
    await h.completeJobOf('w', { result: 1, unmapped: true });
    // then
    expect(h.variables(pi)).toEqual({ a: { b: 1, c: 2 }, double: 2 });
  });

  it('raises IO_MAPPING_ERROR and writes no variable when one mapping fails; resolving re-evaluates', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('t', { type: 'w', inputs: [['=1', 'first'], ['=assert(x, x != null)', 'second']] }).end());
    const pi = await h.create('p');
    const [incident] = h.incidents(pi);
    // when
    await h.engine.setVariables({ elementInstanceKey: pi, variables: { x: 7 } });
    await h.engine.resolveIncident(incident.key);
    // then
    expect(incident.value.errorType).toBe('IO_MAPPING_ERROR');
    expect(incident.value.errorMessage).toContain('Assertion failure on evaluate the expression');
    const job = await h.activateOne('w');
    expect(job.variables).toMatchObject({ first: 1, second: 7 });
  });

  it('emits nothing when a variable is set to an identical value, UPDATED otherwise', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('t', { type: 'w' }).end());
    const pi = await h.create('p', { a: 1 });
    // when
    await h.engine.setVariables({ elementInstanceKey: pi, variables: { a: 1 } });
    await h.engine.setVariables({ elementInstanceKey: pi, variables: { a: 2 } });
    // then
    expect(h.find({ valueType: 'VARIABLE' }).map((r) => r.intent)).toEqual(['CREATED', 'UPDATED']);
    await expect(h.engine.setVariables({ elementInstanceKey: '2251799813699999', variables: {} })).rejects.toMatchObject({
      rejectionType: 'NOT_FOUND', reason: "Expected to update variables for element with key '2251799813699999', but no such element was found" });
  });

  it('sets local variables with local=true and propagates to the holder otherwise', async () => {
    // given
    await h.deploy(bpmn('p').start().serviceTask('t', { type: 'w', inputs: [['=0', 'counter']] }).end());
    const pi = await h.create('p');
    const job = await h.activateOne('w');
    // when
    await h.engine.setVariables({ elementInstanceKey: job.elementInstanceKey, variables: { counter: 1, fresh: 'x' } });
    await h.engine.setVariables({ elementInstanceKey: job.elementInstanceKey, variables: { mine: true }, local: true });
    // then
    expect(h.variables(job.elementInstanceKey)).toEqual({ counter: 1, mine: true });
    expect(h.variables(pi)).toEqual({ fresh: 'x' });
  });
});
