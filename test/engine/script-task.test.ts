import { EngineHarness } from './support/harness';
import { chain, definitions, end, io, process, resource, start } from './fixtures/xml';

function scriptProcess(script: string, mappings = ''): [string, string] {
  return resource('script.bpmn', definitions(process('script', `${start()}
    <bpmn:scriptTask id="compute"><bpmn:extensionElements><zeebe:script ${script}/>${mappings}</bpmn:extensionElements></bpmn:scriptTask>
    ${end()}${chain('start', 'compute', 'end')}`)));
}

describe('script task with zeebe:script', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('evaluates the FEEL expression after the input mappings and propagates the result variable', async () => {
    // given
    await h.deploy(scriptProcess('expression="=sum(items) * factor" resultVariable="total"', io([['=2', 'factor']])));
    // when
    const pi = await h.create('script', { items: [1, 2, 3] });
    // then
    await h.awaitCompleted(pi);
    const total = h.find({ valueType: 'VARIABLE' }).find((r) => r.value.name === 'total');
    expect(total?.value).toMatchObject({ scopeKey: pi, value: '12' });
    expect(h.trace(pi).filter((t) => t.startsWith('compute:'))).toEqual([
      'compute:ELEMENT_ACTIVATING', 'compute:ELEMENT_ACTIVATED', 'compute:ELEMENT_COMPLETING', 'compute:ELEMENT_COMPLETED',
    ]);
  });

  it('raises EXTRACT_VALUE_ERROR when the evaluation fails, and retries it on resolve', async () => {
    // given
    await h.deploy(scriptProcess('expression="=assert(x, x > 0)" resultVariable="checked"'));
    const pi = await h.create('script', { x: 0 });
    const [incident] = h.incidents(pi);
    // when
    await h.engine.setVariables({ elementInstanceKey: pi, variables: { x: 5 } });
    await h.engine.resolveIncident(incident.key);
    // then
    expect(incident.value).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'compute' });
    expect(incident.value.errorMessage).toContain('Assertion failure on evaluate the expression');
    await h.awaitCompleted(pi);
  });

  it('rejects a script without result variable or with a static expression at deployment', async () => {
    // when
    const missing = h.deploy(scriptProcess('expression="=1"'));
    const statik = h.deploy(scriptProcess('expression="1 + 1" resultVariable="r"'));
    // then
    await expect(missing).rejects.toThrow("Attribute 'resultVariable' of 'zeebe:script' must be present and not empty");
    await expect(statik).rejects.toThrow("Expected expression but found static value '1 + 1'.");
  });
});
