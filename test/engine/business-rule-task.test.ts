import { EngineHarness } from './support/harness';
import { definitions as dmn, literal, table, withVersionTag } from './dmn/dmn-xml';
import { chain, definitions, end, io, process, resource, start } from './fixtures/xml';

const severityTable = dmn(table({
  id: 'severity',
  hitPolicy: 'FIRST',
  inputs: ['score'],
  outputs: [{ name: 'level' }],
  rules: [[['>= 80'], ['"重大"']], [['-'], ['"一般"']]],
}));

function ruleTask(called: string, mappings = ''): [string, string] {
  return resource('rule.bpmn', definitions(process('rule', `${start()}
    <bpmn:businessRuleTask id="classify"><bpmn:extensionElements><zeebe:calledDecision ${called}/>${mappings}</bpmn:extensionElements></bpmn:businessRuleTask>
    ${end()}${chain('start', 'classify', 'end')}`)));
}

describe('business-rule task with zeebe:calledDecision, DMN deployment, EvaluateDecision', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
  });
  afterEach(() => h.close());

  it('deploys DMN resources with versions and duplicate detection', async () => {
    // when
    const first = await h.deploy(['severity.dmn', severityTable]);
    const duplicate = await h.deploy(['severity.dmn', severityTable]);
    const changed = await h.deploy(['severity.dmn', severityTable.replace('"一般"', '"较大"')]);
    // then
    expect(first.decisions).toEqual([expect.objectContaining({ decisionId: 'severity', version: 1, decisionRequirementsId: 'drg-test' })]);
    expect(first.decisionRequirements).toEqual([expect.objectContaining({ decisionRequirementsId: 'drg-test', version: 1, resourceName: 'severity.dmn' })]);
    expect(duplicate.decisions[0]).toMatchObject({ version: 1, decisionKey: first.decisions[0].decisionKey });
    expect(changed.decisions[0]).toMatchObject({ version: 2 });
    expect(h.find({ valueType: 'DECISION', intent: 'CREATED' })).toHaveLength(2);
  });

  it('rejects an invalid DMN resource and a deployment with the same decision id twice', async () => {
    // when
    const invalid = h.deploy(['bad.dmn', '<definitions']);
    const twice = h.deploy(['a.dmn', severityTable], ['b.dmn', severityTable.replace('drg-test', 'drg-other')]);
    // then
    await expect(invalid).rejects.toThrow(/Expected to deploy new resources, but encountered the following errors:\n'bad\.dmn': /);
    await expect(twice).rejects.toThrow("Expected the decision ids to be unique within a deployment but found a duplicated id 'severity' in the resources 'a.dmn' and 'b.dmn'.");
  });

  it('evaluates the decision, writes the DECISION_EVALUATION record and stores the result variable', async () => {
    // given
    await h.deploy(['severity.dmn', severityTable], ruleTask('decisionId="severity" resultVariable="level"'));
    // when
    const pi = await h.create('rule', { score: 90 });
    // then
    await h.awaitCompleted(pi);
    const evaluation = h.find({ valueType: 'DECISION_EVALUATION', intent: 'EVALUATED' })[0];
    expect(evaluation.value).toMatchObject({ decisionId: 'severity', decisionOutput: '"重大"', processInstanceKey: pi, elementId: 'classify', decisionVersion: 1 });
    const variable = h.find({ valueType: 'VARIABLE' }).find((r) => r.value.name === 'level');
    expect(variable?.value).toMatchObject({ scopeKey: pi, value: '"重大"' });
  });

  it('keeps the result local when the task has output mappings', async () => {
    // given
    await h.deploy(['severity.dmn', severityTable], ruleTask('decisionId="severity" resultVariable="result"', io([], [['=result + "!"', 'level']])));
    // when
    const pi = await h.create('rule', { score: 10 });
    // then
    await h.awaitCompleted(pi);
    const rootVars = h.find({ valueType: 'VARIABLE' }).filter((r) => r.value.scopeKey === pi).map((r) => [r.value.name, r.value.value]);
    expect(rootVars).toEqual([['score', '10'], ['level', '"一般!"']]);
  });

  it('raises CALLED_DECISION_ERROR when the decision is not deployed, and continues after deployment and resolve', async () => {
    // given
    await h.deploy(ruleTask('decisionId="severity" resultVariable="level"'));
    const pi = await h.create('rule', { score: 1 });
    const [incident] = h.incidents(pi);
    // when
    await h.deploy(['severity.dmn', severityTable]);
    await h.engine.resolveIncident(incident.key);
    // then
    expect(incident.value).toMatchObject({
      errorType: 'CALLED_DECISION_ERROR', elementId: 'classify',
      errorMessage: "Expected to evaluate decision 'severity', but no decision found for id 'severity'",
    });
    await h.awaitCompleted(pi);
  });

  it('raises DECISION_EVALUATION_ERROR when the evaluation fails and writes the FAILED record', async () => {
    // given
    await h.deploy(['broken.dmn', dmn(literal('broken', 'assert(x, x > 1)'))], ruleTask('decisionId="broken" resultVariable="r"'));
    // when
    const pi = await h.create('rule', { x: 0 });
    // then
    const [incident] = h.incidents(pi);
    expect(incident.value.errorType).toBe('DECISION_EVALUATION_ERROR');
    expect(incident.value.errorMessage).toMatch(/^Expected to evaluate decision 'broken', but /);
    expect(h.find({ valueType: 'DECISION_EVALUATION', intent: 'FAILED' })[0].value).toMatchObject({ failedDecisionId: 'broken', processInstanceKey: pi });
  });

  it('evaluates a decision by id (latest version) or key through EvaluateDecision, and rejects unknown ones', async () => {
    // given
    const deployed = await h.deploy(['severity.dmn', severityTable]);
    // when
    const byId = await h.engine.evaluateDecision({ decisionId: 'severity', variables: { score: 85 } });
    const byKey = await h.engine.evaluateDecision({ decisionKey: deployed.decisions[0].decisionKey, variables: { score: 5 } });
    const unknown = h.engine.evaluateDecision({ decisionId: 'nope' });
    // then
    expect(byId).toMatchObject({ decisionId: 'severity', decisionOutput: '"重大"', failedDecisionId: '' });
    expect(byId.evaluatedDecisions[0]).toMatchObject({ decisionKey: deployed.decisions[0].decisionKey, decisionVersion: 1 });
    expect(byKey.decisionOutput).toBe('"一般"');
    expect(byId.decisionInstanceKey).not.toBe(byKey.decisionInstanceKey);
    await expect(unknown).rejects.toThrow("Expected to evaluate decision 'nope', but no decision found for id 'nope'");
  });

  it('evaluates deployed decisions again after a restart', async () => {
    // given
    let durable = await EngineHarness.start({ durability: 'full' });
    const dataDir = durable.dataDir;
    await durable.deploy(['severity.dmn', severityTable]);
    await durable.engine.close();
    // when
    durable = await EngineHarness.start({ durability: 'full', dataDir });
    const result = await durable.engine.evaluateDecision({ decisionId: 'severity', variables: { score: 99 } });
    // then
    expect(result.decisionOutput).toBe('"重大"');
    await durable.close();
  });

  describe('bindingType="versionTag"', () => {
    const tagged = (tag: string, level: string): [string, string] => ['grade.dmn', dmn(withVersionTag(literal('grade', `"${level}"`), tag))];

    it('records the version tag of each deployed decision and evaluates the version with the requested tag', async () => {
      // given
      await h.deploy(tagged('v1.0', '一般'));
      await h.deploy(tagged('v2.0', '重大'));
      await h.deploy(ruleTask('decisionId="grade" resultVariable="level" bindingType="versionTag" versionTag="v1.0"'));
      // when
      const pi = await h.create('rule');
      // then
      await h.awaitCompleted(pi);
      expect(h.find({ valueType: 'DECISION', intent: 'CREATED' }).map((r) => [r.value.version, r.value.versionTag])).toEqual([[1, 'v1.0'], [2, 'v2.0']]);
      const evaluation = h.find({ valueType: 'DECISION_EVALUATION', intent: 'EVALUATED' })[0];
      expect(evaluation.value).toMatchObject({ decisionId: 'grade', decisionVersion: 1, decisionOutput: '"一般"' });
    });

    it("raises Zeebe's CALLED_DECISION_ERROR when no decision has the tag, and continues once one is deployed", async () => {
      // given
      await h.deploy(tagged('v1.0', '一般'));
      await h.deploy(ruleTask('decisionId="grade" resultVariable="level" bindingType="versionTag" versionTag="v3.0"'));
      const pi = await h.create('rule');
      const [incident] = h.incidents(pi);
      // when
      await h.deploy(tagged('v3.0', '较大'));
      await h.engine.resolveIncident(incident.key);
      // then
      expect(incident.value).toMatchObject({
        errorType: 'CALLED_DECISION_ERROR',
        elementId: 'classify',
        errorMessage: "Expected to evaluate decision with id 'grade' and version tag 'v3.0', but no such decision found. " +
          'To resolve this incident, deploy a decision with the given id and version tag.',
      });
      await h.awaitCompleted(pi);
      expect(h.find({ valueType: 'DECISION_EVALUATION', intent: 'EVALUATED' })[0].value).toMatchObject({ decisionVersion: 2, decisionOutput: '"较大"' });
    });
  });

  it('raises the deployment-binding CALLED_DECISION_ERROR when the deployment of the process has no such decision', async () => {
    // given
    await h.deploy(['severity.dmn', severityTable]);
    const deployment = await h.deploy(ruleTask('decisionId="=which" resultVariable="level" bindingType="deployment"'));
    // when
    const pi = await h.create('rule', { which: 'severity' });
    // then
    expect(h.incidents(pi)[0].value).toMatchObject({
      errorType: 'CALLED_DECISION_ERROR',
      errorMessage: "Expected to evaluate decision 'severity' with binding type 'deployment', but no such decision found in the deployment " +
        `with key ${deployment.deploymentKey} which contained the current process. To resolve this incident, migrate the process instance ` +
        'to a process definition that is deployed together with the intended decision to evaluate.',
    });
  });
});
