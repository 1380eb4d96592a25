import { auditTrail } from '../../src/db/audit';
import { unitChoices } from '../../src/db/form-options';
import { getUnit } from '../../src/db/organisation';
import { type Harness, LOGINS, signIn, startHarness, startWebEnv, type WebEnv } from './support/harness';

/** The unit page edits a unit's 简称 (migration 012), which the pickers show as 全称（简称）. */
describe('系统管理: a unit\'s short name (简称)', () => {
  let env: WebEnv;
  let h: Harness;
  beforeAll(async () => { env = await startWebEnv(); }, 60_000);
  afterAll(() => env.close());
  beforeEach(async () => { h = await startHarness(env); });
  afterEach(() => h.close());

  /** The unit's form as the page posts it, with the short name entered. */
  const unitForm = async (code: string, shortName: string) => {
    const u = (await getUnit(h.store.db, code))!;
    return { name: u.name, shortName, kind: u.kind, ...(u.supervising ? { supervising: '1' } : {}), domain: u.domain ?? '', industry: u.industry ?? '',
      address: u.address ?? '', email: u.email ?? '', headPersonId: u.head_person_id ?? '', parentCode: u.parent_code ?? '' };
  };

  it('shows the short name, changes it with an audit entry of the change and offers it in the pickers', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.admin);
    const code = (await unitChoices(h.store.db, ['member'])).find((u) => u.name === '区住房和城乡建设局')!.code;
    const before = await agent.get(`/admin/units/${code}`);
    // when
    const saved = await agent.post(`/admin/units/${code}`).type('form').send({ _csrf: csrf, ...await unitForm(code, '住建局') });
    // then
    expect(before.text).toContain('<input id="u-short" name="shortName" value="区住建局"');
    expect(saved.status).toBe(303);
    expect((await agent.get(`/admin/units/${code}?saved=1`)).text).toContain('value="住建局"');
    expect((await getUnit(h.store.db, code))?.short_name).toBe('住建局');
    const trail = await auditTrail(h.store.db, { entity: 'units', entityId: code });
    expect(trail.map((e) => [e.actor, e.action])).toEqual([['admin', 'update']]);
    expect(trail[0].data).toEqual({ before: { short_name: '区住建局' }, after: expect.objectContaining({ short_name: '住建局' }) });
    expect((await unitChoices(h.store.db, ['member'])).find((u) => u.code === code)?.shortName).toBe('住建局');
  });

  it('removes a short name left empty, and refuses one another unit goes by, keeping what was entered', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.admin);
    const code = (await unitChoices(h.store.db, ['member'])).find((u) => u.name === '区住房和城乡建设局')!.code;
    // when
    const taken = await agent.post(`/admin/units/${code}`).type('form').send({ _csrf: csrf, ...await unitForm(code, '区委办') });
    const long = await agent.post(`/admin/units/${code}`).type('form').send({ _csrf: csrf, ...await unitForm(code, '住'.repeat(31)) });
    const unchanged = await getUnit(h.store.db, code);
    const cleared = await agent.post(`/admin/units/${code}`).type('form').send({ _csrf: csrf, ...await unitForm(code, '') });
    // then
    expect(taken.status).toBe(422);
    expect(taken.text).toContain('简称“区委办”已是区委办公室的名称或简称。');
    expect(taken.text).toContain('value="区委办"');
    expect(long.status).toBe(422);
    expect(long.text).toContain('简称不能超过30个字。');
    expect(unchanged?.short_name).toBe('区住建局');
    expect(cleared.status).toBe(303);
    expect((await getUnit(h.store.db, code))?.short_name).toBeNull();
  });
});
