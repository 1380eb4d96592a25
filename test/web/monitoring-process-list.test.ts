import { type CamundaPort } from '../../src/web/camunda/port';
import { MINIMAL_BPMN } from './support/fixtures';
import { type Harness, LOGINS, NOW, signIn, startHarness, startWebEnv, type WebEnv } from './support/harness';

/** The process ids the monitoring filter offers. */
const offered = (html: string) => [...html.matchAll(/<option value="([a-z-]+)"/g)].map((m) => m[1]);

describe('the monitoring page\'s list of deployed processes', () => {
  let env: WebEnv;
  let h: Harness;
  let clock: number;
  let definitionSearches: number;

  beforeAll(async () => {
    env = await startWebEnv();
  });
  afterAll(() => env.close());
  beforeEach(async () => {
    // given an engine with one process and a web app whose engine calls are counted, its caches on a clock the test moves
    await env.purge();
    await env.engine.deploy([{ name: 'inspection.bpmn', content: Buffer.from(MINIMAL_BPMN('inspection', '巡查')) }]);
    definitionSearches = 0;
    clock = NOW.getTime();
    const counting: CamundaPort = {
      ...env.camunda,
      searchProcessDefinitions: (req) => {
        definitionSearches += 1;
        return env.camunda.searchProcessDefinitions(req);
      },
    };
    h = await startHarness({ ...env, camunda: counting }, { processListTtlMs: 5_000 }, () => NOW, () => new Date(clock));
  });
  afterEach(() => h.close());

  it('asks the engine once for many page loads within the time it is kept', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    // when
    const pages = await Promise.all([1, 2, 3].map(() => agent.get('/monitoring').expect(200)));
    clock += 4_000;
    const later = await agent.get('/monitoring').expect(200);
    // then
    expect(definitionSearches).toBe(1);
    for (const page of [...pages, later]) expect(offered(page.text)).toEqual(['inspection']);
  });

  it('shows a process deployed from the web app at once', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    await agent.get('/monitoring').expect(200);
    const owner = await signIn(h.app, LOGINS.owner);
    // when
    await owner.agent.post('/processes/deploy').set('x-csrf-token', owner.csrf).set('accept', 'application/json')
      .send({ xml: MINIMAL_BPMN('handover', '问题移交'), fileName: 'handover.bpmn' }).expect(200);
    const page = await agent.get('/monitoring').expect(200);
    // then
    expect(offered(page.text)).toEqual(['handover', 'inspection']);
  });

  it('shows a process deployed elsewhere once the kept list is older than its time', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    await agent.get('/monitoring').expect(200);
    // when
    await env.engine.deploy([{ name: 'handover.bpmn', content: Buffer.from(MINIMAL_BPMN('handover', '问题移交')) }]);
    const soon = await agent.get('/monitoring').expect(200);
    clock += 5_000;
    const after = await agent.get('/monitoring').expect(200);
    // then
    expect(offered(soon.text)).toEqual(['inspection']);
    expect(offered(after.text)).toEqual(['handover', 'inspection']);
    expect(definitionSearches).toBe(2);
  });

  it('asks again after a failed search instead of keeping the failure', async () => {
    // given a search that fails once
    const { agent } = await signIn(h.app, LOGINS.admin);
    const search = h.camunda.searchProcessDefinitions;
    let failures = 1;
    jest.spyOn(h.camunda, 'searchProcessDefinitions').mockImplementation((req) => (failures-- > 0 ? Promise.reject(new Error('fetch failed')) : search(req)));
    // when
    const failed = await agent.get('/monitoring');
    const retried = await agent.get('/monitoring').expect(200);
    // then
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(offered(retried.text)).toEqual(['inspection']);
  });
});
