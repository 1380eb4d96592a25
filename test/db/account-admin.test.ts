import { attemptLogin, findAccountByLogin } from '../../src/db/accounts';
import {
  changeOwnPassword, createAccountByAdmin, listAccounts, lockAccount, lockEpoch, resetPassword, setAccountDisabled, unlockAccount, updateAccount,
} from '../../src/db/account-admin';
import { auditPage, auditTrail } from '../../src/db/audit';
import { installData, passwordPolicyFor } from '../../src/db/install';
import { listTeams, savePerson, saveTeamComposition, saveUnit } from '../../src/db/organisation-admin';
import { recordPlan, recordTeams } from '../../src/db/registers/inspections';
import { DEMO_PASSWORD, seedDemoData } from '../../src/db/seed';
import { createSession, resolveSession } from '../../src/db/sessions';
import { PASSWORD_POLICY } from '../../src/domain/password-policy';
import { ROLE_NAMES } from '../../src/domain/roles';
import { dialects, rejectionOf, useStores } from '../support/stores';

const by = { name: 'admin', at: '2026-11-28T04:00:00.000Z' };
const GOOD = 'Temp-pass-2026';
const NEW = 'Own-choice-2027';

describe.each(dialects)('administration store on %s', (dialect) => {
  const stores = useStores(dialect);

  it('creates an account that must change its password, refuses a weak password or a taken login in Chinese, audits without the password', async () => {
    // given
    const { db } = await stores.open();
    // when
    const weak = await rejectionOf(createAccountByAdmin(db, by, { login: 'wang.li', password: 'xwang.li', displayName: '王丽', roles: [{ role: 'office' }] }, PASSWORD_POLICY));
    const id = await createAccountByAdmin(db, by, { login: 'wang.li', password: GOOD, displayName: '王丽', roles: [{ role: 'office' }] }, PASSWORD_POLICY);
    const taken = await rejectionOf(createAccountByAdmin(db, by, { login: 'wang.li', password: GOOD, displayName: '王丽', roles: [] }, PASSWORD_POLICY));
    // then
    expect(weak).toBe('密码至少10个字符。密码应至少包含小写字母、大写字母、数字、其他符号中的3类。密码不能包含用户名。');
    expect(taken).toBe('用户名 wang.li 已被使用。');
    const login = await attemptLogin(db, 'wang.li', GOOD);
    expect('account' in login && login.account.mustChangePassword).toBe(true);
    const trail = await auditTrail(db, { entity: 'accounts', entityId: id });
    expect(trail.map((e) => [e.actor, e.action])).toEqual([['admin', 'grant-role'], ['admin', 'create']]);
    expect(JSON.stringify(trail)).not.toContain(GOOD);
  }, 60_000);

  it('changes roles and unit with before and after in the audit; disabling ends the sessions and refuses the login', async () => {
    // given
    const { db } = await stores.open();
    const id = await createAccountByAdmin(db, by, { login: 'zhao.qiang', password: GOOD, displayName: '赵强', roles: [{ role: 'team' }] }, PASSWORD_POLICY);
    const { token } = await createSession(db, id, new Date(by.at), 3_600_000);
    // when
    await updateAccount(db, by, id, { displayName: '赵强', personId: null, unitCode: '370404001', roles: [{ role: 'unit', unitCode: '370404001' }] });
    await setAccountDisabled(db, by, id, true);
    // then
    const [row] = (await listAccounts(db)).filter((a) => a.id === id);
    expect(row).toMatchObject({ disabled: true, unitCode: '370404001', roles: [{ role: 'unit', unitCode: '370404001' }] });
    expect(await resolveSession(db, token, new Date(by.at))).toBeUndefined();
    expect(await attemptLogin(db, 'zhao.qiang', GOOD)).toEqual({ refused: 'disabled' });
    expect(await attemptLogin(db, 'zhao.qiang', 'Wrong-pass-2026')).toEqual({ refused: 'wrong' });
    const trail = await auditTrail(db, { entity: 'accounts', entityId: id });
    expect(trail.map((e) => e.action)).toEqual(['grant-role', 'create', 'update', 'disable']);
    expect(trail[2]!.data).toMatchObject({ before: { roles: [{ role: 'team', unitCode: null }] }, after: { roles: [{ role: 'unit', unitCode: '370404001' }] } });
  }, 60_000);

  it('locks once after repeated failures, and an unlock or a reset opens it again with a new epoch for the limiter', async () => {
    // given
    const { db } = await stores.open();
    const id = await createAccountByAdmin(db, by, { login: 'sun.li', password: GOOD, displayName: '孙丽', roles: [{ role: 'office' }] }, PASSWORD_POLICY);
    // when
    const locked = [await lockAccount(db, { name: 'system', at: by.at }, 'sun.li'), await lockAccount(db, { name: 'system', at: by.at }, 'sun.li'), await lockAccount(db, by, 'nobody')];
    const whileLocked = await attemptLogin(db, 'sun.li', GOOD);
    const before = await lockEpoch(db, 'sun.li');
    await unlockAccount(db, { name: 'admin', at: '2026-11-28T05:00:00.000Z' }, id);
    // then
    expect(locked).toEqual([true, false, false]);
    expect(whileLocked).toEqual({ refused: 'locked' });
    expect(before).toBe('');
    expect(await lockEpoch(db, 'sun.li')).toBe('2026-11-28T05:00:00.000Z');
    expect('account' in (await attemptLogin(db, 'sun.li', GOOD))).toBe(true);
    // a reset of a locked account unlocks it too
    await lockAccount(db, by, 'sun.li');
    await resetPassword(db, { name: 'admin', at: '2026-11-28T06:00:00.000Z' }, id, 'Reset-pass-2026', PASSWORD_POLICY);
    expect(await lockEpoch(db, 'sun.li')).toBe('2026-11-28T06:00:00.000Z');
    expect((await findAccountByLogin(db, 'sun.li'))).toMatchObject({ locked: false, mustChangePassword: true });
    expect((await auditTrail(db, { entity: 'accounts', entityId: id })).map((e) => e.action)).toEqual(['grant-role', 'create', 'lock', 'unlock', 'lock', 'reset-password']);
  }, 60_000);

  it('lets the user change their own password: the current one checked, the policy applied, other sessions ended', async () => {
    // given
    const { db } = await stores.open();
    const id = await createAccountByAdmin(db, by, { login: 'qian.jun', password: GOOD, displayName: '钱军', roles: [{ role: 'office' }] }, PASSWORD_POLICY);
    const here = await createSession(db, id, new Date(by.at), 3_600_000);
    const elsewhere = await createSession(db, id, new Date(by.at), 3_600_000);
    // when
    const wrong = await rejectionOf(changeOwnPassword(db, by, id, 'not-the-one', NEW, PASSWORD_POLICY, here.token));
    const same = await rejectionOf(changeOwnPassword(db, by, id, GOOD, GOOD, PASSWORD_POLICY, here.token));
    const weak = await rejectionOf(changeOwnPassword(db, by, id, GOOD, 'qian.jun-Abc1', PASSWORD_POLICY, here.token));
    await changeOwnPassword(db, by, id, GOOD, NEW, PASSWORD_POLICY, here.token);
    // then
    expect([wrong, same, weak]).toEqual(['当前密码不正确。', '新密码不能与当前密码相同。', '密码不能包含用户名。']);
    expect(await resolveSession(db, here.token, new Date(by.at))).toMatchObject({ login: 'qian.jun', mustChangePassword: false });
    expect(await resolveSession(db, elsewhere.token, new Date(by.at))).toBeUndefined();
    expect(await attemptLogin(db, 'qian.jun', GOOD)).toEqual({ refused: 'wrong' });
    expect((await auditPage(db, { entity: 'accounts', limit: 1, offset: 0 })).entries[0]).toMatchObject({ action: 'change-password', actor: 'admin', data: { login: 'qian.jun' } });
  }, 60_000);

  it('installs production empty with one administrator from ADMIN_PASSWORD, never with the demo password', async () => {
    // given
    const { db } = await stores.open();
    // when
    const demo = await rejectionOf(installData(db, { production: true, adminLogin: 'root', adminPassword: DEMO_PASSWORD, at: by.at }));
    const none = await installData(db, { production: true, adminLogin: 'root', at: by.at });
    const created = await installData(db, { production: true, adminLogin: 'root', adminPassword: GOOD, at: by.at });
    const again = await installData(db, { production: true, adminLogin: 'root', adminPassword: 'Other-pass-2026', at: by.at });
    // then
    expect(demo).toBe('ADMIN_PASSWORD: 不能使用公开的演示密码。');
    expect([none, created, again]).toEqual(['no-admin', 'admin-created', 'admin-exists']);
    expect((await listAccounts(db)).map((a) => [a.login, a.roles.map((r) => r.role), a.mustChangePassword])).toEqual([['root', ['admin'], true]]);
    expect(await db.selectFrom('units').select('code').execute()).toEqual([]);
    expect((await db.selectFrom('roles').select('code').execute()).length).toBe(Object.keys(ROLE_NAMES).length);
    expect(passwordPolicyFor(false).forbidden).toEqual([]);
  }, 60_000);

  it('keeps units and people with their changes audited, and refuses a team change against the team rules', async () => {
    // given the demo district and an approved plan with two teams
    const { db } = await stores.open();
    await seedDemoData(db, by.at);
    const { planId } = await recordPlan(db, by, { year: 2027, cycleStart: '2025-11-12', units: [], rounds: [{ no: 1, start: '2027-03-01', end: '2027-03-19', units: [] }] });
    const members = (from: number) => [1, 2, 3, 4].map((i) => `p-member-${from + i}`);
    const ids = await recordTeams(db, by, planId, [
      { name: '第一巡查组', leaderId: 'p-leader-1', deputyId: 'p-deputy-1', memberIds: members(0), expertIds: ['p-expert-1'] },
      { name: '第二巡查组', leaderId: 'p-leader-2', deputyId: 'p-deputy-2', memberIds: members(4), expertIds: ['p-expert-2'] },
    ]);
    const first = ids['第一巡查组']!;
    // when
    await saveUnit(db, by, { code: 'YC-E-99', name: '峄城区某新材料有限公司', shortName: null, kind: 'enterprise', parentCode: '370404100', domain: null, supervising: false, industry: '化工', address: null, email: null, headPersonId: null }, true);
    const personId = await savePerson(db, by, { name: '黄志远', unitCode: 'YC-E-99', post: '安全生产专家（化工）', rank: '专家', expert: true, safetyYears: 11, email: null, phone: null });
    const duplicate = await rejectionOf(saveUnit(db, by, { code: 'YC-E-99', name: 'x', shortName: null, kind: 'enterprise', parentCode: null, domain: null, supervising: false, industry: null, address: null, email: null, headPersonId: null }, true));
    const refused = await rejectionOf(saveTeamComposition(db, by, first, { leaderId: 'p-leader-1', deputyId: 'p-member-1', memberIds: [...members(1), 'p-member-5'], expertIds: [] }));
    await saveTeamComposition(db, by, first, { leaderId: 'p-leader-1', deputyId: 'p-deputy-1', memberIds: [...members(0).slice(1), 'p-member-9'], expertIds: ['p-expert-1', personId] });
    // then
    expect(duplicate).toBe('单位代码 YC-E-99 已被使用。');
    expect(refused).toContain('巡查组“第一巡查组”的副组长赵文静应为科级干部，现为科员。');
    expect(refused).toContain('巡查组“第一巡查组”至少应有1名安全生产专家。');
    expect(refused).toContain('同时在巡查组');
    const team = (await listTeams(db)).find((t) => t.id === first)!;
    expect(team.members.map((m) => `${m.name}:${m.role}`)).toEqual(expect.arrayContaining(['王建国:leader', '刘洪涛:deputy', '黄志远:expert', '蒋秀兰:member']));
    expect(team.members.some((m) => m.name === '赵文静')).toBe(false);
    const adjust = (await auditTrail(db, { entity: 'teams', entityId: first })).at(-1)!;
    expect(adjust).toMatchObject({ actor: 'admin', action: 'adjust' });
    expect(adjust.data.changes).toEqual(['巡查组“第一巡查组”：新增蒋秀兰、黄志远，减少赵文静']);
    expect((await auditTrail(db, { entity: 'people', entityId: personId }))[0]).toMatchObject({ action: 'create', data: { after: { name: '黄志远', expert: 1 } } });
  }, 60_000);
});
