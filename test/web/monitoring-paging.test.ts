// The monitoring list is paged in the engine's search: all instances reachable, 50 a page, none shown twice.
import { eventually } from '../support/eventually';
import { MINIMAL_BPMN } from './support/fixtures';
import { type Harness, LOGINS, signIn, freshWebEachTest } from './support/harness';

jest.setTimeout(60_000);

const INSTANCES = 60;
const keysOn = (html: string) => [...html.matchAll(/<a href="\/monitoring\/instances\/(\d+)">/g)].map((m) => m[1]);

describe('the paged monitoring list', () => {
  let h: Harness;
  freshWebEachTest(async (harness) => {
    h = harness;
    await h.engine.deploy([{ name: 'paging.bpmn', content: Buffer.from(MINIMAL_BPMN('monitoring-paging', '分页测试')) }]);
    for (let i = 0; i < INSTANCES; i += 1) await h.engine.createProcessInstance({ bpmnProcessId: 'monitoring-paging' });
    await eventually(async () => (await h.camunda.searchProcessInstances({ filter: {}, page: { limit: 1 } })).page.totalItems === INSTANCES || undefined, 30_000);
  });

  it('shows 50 instances a page with the total, and the rest on the next page', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    // when
    const first = await agent.get('/monitoring?process=monitoring-paging').expect(200);
    const second = await agent.get('/monitoring?process=monitoring-paging&page=2').expect(200);
    // then
    expect(first.text).toContain(`共 ${INSTANCES} 个流程实例，第 1 / 2 页`);
    expect(keysOn(first.text)).toHaveLength(50);
    expect(first.text).toContain('href="/monitoring?process=monitoring-paging&amp;page=2" rel="next"');
    expect(keysOn(second.text)).toHaveLength(INSTANCES - 50);
    expect(second.text).not.toContain('rel="next"');
    expect(new Set([...keysOn(first.text), ...keysOn(second.text)]).size).toBe(INSTANCES);
  });
});
