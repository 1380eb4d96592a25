import { eventually, restCall, startContractEnv, type ContractEnv } from './harness';

/** Two versions of a DMN with one literal decision, told apart by their text. */
const dmn = (level: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="contract-xml-drg" name="整改等级" namespace="http://camunda.org/schema/1.0/dmn">
  <decision id="contract-xml" name="整改等级">
    <literalExpression id="grade-expr"><text>"${level}"</text></literalExpression>
  </decision>
</definitions>`;

// Camunda 8.8: GET /v2/decision-definitions/{key}/xml and /v2/decision-requirements/{key}/xml answer the DMN resource
describe('the DMN XML of a decision over REST', () => {
  let env: ContractEnv;
  beforeAll(async () => {
    env = await startContractEnv();
    await env.zbc.deployResource({ name: 'contract-xml.dmn', decision: Buffer.from(dmn('一般')) });
    await env.zbc.deployResource({ name: 'contract-xml.dmn', decision: Buffer.from(dmn('重大')) });
  });
  afterAll(() => env.close());

  it('answers each version\'s own resource, and 404 for a key nobody deployed', async () => {
    // given
    const found = await eventually(async () => {
      const res = await restCall(env, 'POST', '/decision-definitions/search', { filter: { decisionDefinitionId: 'contract-xml' } });
      const items = (res.body as { items?: Array<{ version: number; decisionDefinitionKey: string; decisionRequirementsKey: string }> }).items ?? [];
      return items.length === 2 ? items.sort((a, b) => a.version - b.version) : undefined;
    });
    // when
    const [first, second] = await Promise.all(found.map((d) => restCall(env, 'GET', `/decision-definitions/${d.decisionDefinitionKey}/xml`)));
    const requirements = await restCall(env, 'GET', `/decision-requirements/${found[1].decisionRequirementsKey}/xml`);
    const missing = await restCall(env, 'GET', '/decision-definitions/2251799813999999/xml');
    // then
    expect([first.status, second.status, requirements.status]).toEqual([200, 200, 200]);
    expect(first.body).toBe(dmn('一般'));
    expect(second.body).toBe(dmn('重大'));
    expect(requirements.body).toBe(dmn('重大'));
    expect(missing.status).toBe(404);
  });
});
