import { describeEmbedded, restCall, startContractEnv, type ContractEnv } from './harness';

/** A DMN with one literal decision `contract-grade` whose `zeebe:versionTag` is `tag`. */
function gradeDmn(tag: string, level: string): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  id="contract-grade-drg" name="整改等级" namespace="http://camunda.org/schema/1.0/dmn">
  <decision id="contract-grade" name="整改等级">
    <extensionElements><zeebe:versionTag value="${tag}" /></extensionElements>
    <literalExpression id="grade-expr"><text>"${level}"</text></literalExpression>
  </decision>
</definitions>`);
}

const ruleProcess = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  id="contract-grade-defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="contract-grade-rule" name="按版本标签分级" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:businessRuleTask id="grade" name="分级">
      <bpmn:extensionElements>
        <zeebe:calledDecision decisionId="contract-grade" resultVariable="level" bindingType="versionTag" versionTag="contract-v1" />
      </bpmn:extensionElements>
    </bpmn:businessRuleTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="grade" />
    <bpmn:sequenceFlow id="f2" sourceRef="grade" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`);

describe('DMN decisions with zeebe:versionTag and business-rule tasks bound by version tag', () => {
  let env: ContractEnv;
  beforeAll(async () => {
    env = await startContractEnv();
    await env.zbc.deployResource({ name: 'contract-grade.dmn', decision: gradeDmn('contract-v1', '一般') });
    await env.zbc.deployResource({ name: 'contract-grade.dmn', decision: gradeDmn('contract-v2', '重大') });
    await env.zbc.deployResource({ name: 'contract-grade-rule.bpmn', process: ruleProcess });
  });
  afterAll(async () => {
    await env.close();
  });

  it('evaluates the decision version with the tag the task names, not the latest one', async () => {
    // when
    const result = await env.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'contract-grade-rule', variables: {}, requestTimeout: 20_000 });
    // then
    expect(result.variables).toMatchObject({ level: '一般' });
  });

  describeEmbedded('REST decision definitions (an addition of the embedded engine: Camunda 8.8 does not return the tag)', () => {
    it('carry the version tag and can be filtered by it', async () => {
      // when
      const res = await restCall(env, 'POST', '/decision-definitions/search', { filter: { decisionDefinitionId: 'contract-grade', versionTag: 'contract-v2' } });
      const all = await restCall(env, 'POST', '/decision-definitions/search', { filter: { decisionDefinitionId: 'contract-grade' } });
      // then
      expect(res.status).toBe(200);
      expect((res.body as { items: unknown[] }).items).toEqual([expect.objectContaining({ decisionDefinitionId: 'contract-grade', version: 2, versionTag: 'contract-v2' })]);
      expect((all.body as { items: { version: number; versionTag: string }[] }).items.map((d) => [d.version, d.versionTag]))
        .toEqual([[1, 'contract-v1'], [2, 'contract-v2']]);
    });
  });
});
