import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

describe('A4 gateways and sequence flows', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  const xor = bpmn('xor')
    .start().exclusiveGateway('gw', { default: 'toC' })
    .condition('= x > 10', 'toA').serviceTask('a', { type: 'a' }).end('endA')
    .from('gw').condition('= x > 5', 'toB').serviceTask('b', { type: 'b' }).end('endB')
    .from('gw').flowId('toC').serviceTask('c', { type: 'c' }).end('endC');

  it.each([
    [20, 'a'],
    [7, 'b'],
    [1, 'c'],
  ])('takes the first true condition in XML order, else the default (x=%s → %s)', async (x, expected) => {
    // given
    await h.deploy(xor);
    // when
    const pi = await h.create('xor', { x });
    // then
    const job = await h.activateOne(expected);
    expect(job.processInstanceKey).toBe(pi);
  });

  it('raises CONDITION_ERROR without a true condition or default, and resolves after the variable is fixed', async () => {
    // given
    await h.deploy(bpmn('nodefault').start().exclusiveGateway('gw').condition('= x > 10').end('e1').from('gw').condition('= x < 0').end('e2'));
    const pi = await h.create('nodefault', { x: 5 });
    const [incident] = h.incidents(pi);
    // when
    await h.engine.setVariables({ elementInstanceKey: pi, variables: { x: 20 } });
    await h.engine.resolveIncident(incident.key);
    // then
    expect(incident.value).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'gw', errorMessage: 'Expected at least one condition to evaluate to true, or to have a default flow' });
    await h.awaitCompleted(pi);
    expect(h.trace(pi)).toContain('e1:ELEMENT_COMPLETED');
  });

  it('raises EXTRACT_VALUE_ERROR when a condition is not boolean', async () => {
    // given
    await h.deploy(bpmn('nb').start().exclusiveGateway('gw', { default: 'd' }).condition('=y').end('e1').from('gw').flowId('d').end('e2'));
    // when
    const pi = await h.create('nb');
    // then
    const [incident] = h.incidents(pi);
    expect(incident.value.errorType).toBe('EXTRACT_VALUE_ERROR');
    expect(incident.value.errorMessage).toMatch(/^Expected result of the (condition )?expression 'y' to be 'BOOLEAN', but was 'NULL'\./);
  });

  it('forks and joins with a parallel gateway, then completes once', async () => {
    // given
    await h.deploy(bpmn('par').start().parallelGateway('fork').serviceTask('a', { type: 'a' }).parallelGateway('join').end()
      .from('fork').serviceTask('b', { type: 'b' }).to('join'));
    const pi = await h.create('par');
    // when
    await h.completeJobOf('a', { fromA: 1 });
    const joinBefore = h.trace(pi).filter((t) => t.startsWith('join:'));
    await h.completeJobOf('b', { fromB: 2 });
    // then
    await h.awaitCompleted(pi);
    expect(joinBefore).toEqual([]);
    expect(h.trace(pi).filter((t) => t === 'join:ELEMENT_ACTIVATED')).toHaveLength(1);
    expect(h.trace(pi).filter((t) => t === 'end:ELEMENT_COMPLETED')).toHaveLength(1);
  });

  it('rejects a deployment whose condition is static', async () => {
    // when
    const result = h.deploy(bpmn('static').start().exclusiveGateway('gw', { default: 'd' }).condition('x > 1').end('e1').from('gw').flowId('d').end('e2'));
    // then
    await expect(result).rejects.toThrow(
      "Expected expression but found static value 'x > 1'. An expression must start with '=' (e.g. '=x > 1').");
  });

  it('ends a token at an element without outgoing flows and completes the scope when all tokens ended', async () => {
    // given
    await h.deploy(bpmn('implicit').start().parallelGateway('fork').task('t1').from('fork').task('t2'));
    // when
    const pi = await h.create('implicit');
    // then
    await h.awaitCompleted(pi);
  });
});
