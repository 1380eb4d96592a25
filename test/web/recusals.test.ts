import { auditTrail } from '../../src/db/audit';
import { listRecusals } from '../../src/db/recusals';
import { type Harness, LOGINS, signIn, startHarness, startWebEnv, type WebEnv } from './support/harness';

describe('回避登记 page', () => {
  let env: WebEnv;
  let h: Harness;
  beforeAll(async () => {
    env = await startWebEnv();
  }, 60_000);
  afterAll(async () => {
    await env.close();
  });
  beforeEach(async () => {
    await env.purge();
    h = await startHarness(env);
  });
  afterEach(async () => {
    await h.close();
  });

  it('records a recusal the office enters, lists it with names, and withdraws it; each audited under the login', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.office);
    const form = (await agent.get('/admin/recusals').expect(200)).text;
    expect(form).toContain('href="/admin/recusals" aria-current="page">回避登记');
    expect(form).toContain('<option value="p-leader-1">');
    expect(form).toContain('<option value="p-expert-4">');
    // when
    await agent.post('/admin/recusals').type('form').send({ _csrf: csrf, personId: 'p-leader-1', unitCode: '370404103', reason: '近亲属在该单位任职' })
      .expect(303).expect('location', '/admin/recusals?saved=1');
    const listed = (await agent.get('/admin/recusals?saved=1').expect(200)).text;
    // then
    expect(await listRecusals(h.store.db)).toEqual([expect.objectContaining({ personId: 'p-leader-1', unitCode: '370404103', reason: '近亲属在该单位任职', recordedBy: 'anweiban' })]);
    expect(listed).toMatch(/<td>王建国<\/td><td>榴园镇<\/td><td>近亲属在该单位任职<\/td><td>anweiban<\/td>/);
    // when withdrawn
    await agent.post('/admin/recusals/withdraw').type('form').send({ _csrf: csrf, personId: 'p-leader-1', unitCode: '370404103' }).expect(303);
    // then
    expect(await listRecusals(h.store.db)).toEqual([]);
    expect((await auditTrail(h.store.db, { entity: 'recusals' })).map((e) => `${e.actor} ${e.action}`).sort()).toEqual(['anweiban record', 'anweiban withdraw']);
  });

  it('gives the form back with the reason when the entry cannot be recorded, keeping what was entered', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.admin);
    // when: no reason
    const res = await agent.post('/admin/recusals').type('form').send({ _csrf: csrf, personId: 'p-leader-1', unitCode: '370404103', reason: ' ' }).expect(422);
    // then
    expect(res.text).toContain('请填写回避事由。');
    expect(res.text).toContain('<option value="p-leader-1" selected>');
    expect(await listRecusals(h.store.db)).toEqual([]);
  });
});
