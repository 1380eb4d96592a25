// The diagram workspace lints on a thread of its own: a large diagram never stalls the web app, and one beyond the
// limit is refused as a lint error (so it cannot be deployed).
import { chainOfTasks } from '../support/large-diagram';
import { type Harness, LOGINS, signIn, freshWebEachTest } from './support/harness';

describe('diagram lint bounds', () => {
  let h: Harness;
  freshWebEachTest(async (harness) => {
    h = harness;
  });

  it('serves other pages while a diagram of 2,000 XML elements is linted, then reports its issues', async () => {
    // given a signed-in process owner and a diagram that takes seconds to lint
    const { agent, csrf } = await signIn(h.app, LOGINS.owner);
    const xml = chainOfTasks('chain-of-500', 500);

    // when it is linted while another page is asked for again and again
    let settled = false;
    const lint = agent.post('/processes/lint').set('x-csrf-token', csrf).set('accept', 'application/json').send({ xml })
      .then((res) => ((settled = true), res));
    let served = 0;
    while (!settled) {
      const page = await agent.get('/processes/new');
      expect(page.status).toBe(200);
      if (!settled) served += 1;
    }

    // then the page kept being served during the lint (on the event loop it was served at most once), and the lint answered
    expect(served).toBeGreaterThanOrEqual(5);
    const res = await lint;
    expect(res.status).toBe(200);
    expect(res.body.issues).toContainEqual(expect.objectContaining({ id: 't0', category: expect.any(String) }));
  }, 120_000);

  it('refuses to lint or deploy a diagram of 28,000 XML elements (within the 2 MB body limit), naming the limit', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.owner);
    const xml = chainOfTasks('chain-of-7000', 7000);
    const post = (path: string, body: object) => agent.post(path).set('x-csrf-token', csrf).set('accept', 'application/json').send(body);

    // when
    const linted = await post('/processes/lint', { xml });
    const deployed = await post('/processes/deploy', { xml, fileName: 'chain-of-7000.bpmn' });

    // then
    expect(linted.status).toBe(200);
    expect(linted.body.issues).toEqual([expect.objectContaining({ rule: 'limit', category: 'error', message: expect.stringContaining('超过上限 25000') })]);
    expect(deployed.status).toBe(422);
    expect((await h.camunda.searchProcessDefinitions({ filter: { processDefinitionId: 'chain-of-7000' }, page: { limit: 1 } })).items).toEqual([]);
  }, 60_000);
});
