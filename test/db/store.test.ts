import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../../src/db/connect';
import { authenticate, accountsWithRole, candidateGroupsOf, createAccount, findAccountByLogin, setPassword } from '../../src/db/accounts';
import { audit, auditTrail } from '../../src/db/audit';
import { once } from '../../src/db/effects';
import { deliverToInbox, inbox, markEmailed, markRead, unreadCount } from '../../src/db/notifications';
import { departmentForIndustry, inspectableUnits, listUnits } from '../../src/db/organisation';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from '../../src/db/seed';
import { createSession, endSession, purgeExpiredSessions, resolveSession } from '../../src/db/sessions';
import { dialects, rejectionOf, useStores } from '../support/stores';

const by = { name: 'tester', at: '2026-10-09T09:00:00.000Z' };

describe.each(dialects)('domain store on %s', (dialect) => {
  const stores = useStores(dialect);

  it('loads the demo organisation once: 7 镇街 with GB codes, member units, enterprises and accounts for every role', async () => {
    // given
    const { db } = await stores.open();
    // when
    const first = await seedDemoData(db, by.at);
    const second = await seedDemoData(db, by.at);
    // then
    expect([first, second]).toEqual([true, false]);
    const towns = await listUnits(db, ['town', 'subdistrict']);
    expect(towns.map((t) => `${t.code} ${t.name}`)).toEqual([
      '370404001 坛山街道', '370404002 吴林街道', '370404100 古邵镇', '370404101 阴平镇', '370404102 底阁镇',
      '370404103 榴园镇', '370404104 峨山镇',
    ]);
    expect((await listUnits(db, ['member'])).length).toBeGreaterThanOrEqual(34);
    expect((await listUnits(db, ['enterprise'])).length).toBe(7);
    expect((await inspectableUnits(db)).length).toBeGreaterThanOrEqual(42);
    for (const role of ['committee', 'office', 'team-leader', 'team', 'unit', 'department', 'admin', 'process-owner'] as const) {
      expect((await accountsWithRole(db, role)).length).toBeGreaterThan(0);
    }
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.login)).size).toBe(DEMO_ACCOUNTS.length);
  }, 60_000);

  it('keeps a unit\'s short name (简称) beside its name, and none where it has none', async () => {
    // given
    const { db } = await stores.open();
    await seedDemoData(db, by.at);
    // when
    const units = await listUnits(db, ['member', 'subdistrict']);
    const shortOf = (name: string) => units.find((u) => u.name === name)?.short_name;
    // then
    expect(shortOf('区住房和城乡建设局')).toBe('区住建局');
    expect(shortOf('枣庄市公安局峄城分局')).toBe('公安峄城分局');
    expect(shortOf('区委组织部')).toBeNull();
    expect(shortOf('坛山街道')).toBeNull();
  }, 60_000);

  it('authenticates with the scrypt hash and gives unit accounts their scoped candidate groups', async () => {
    // given
    const { db } = await stores.open();
    await seedDemoData(db, by.at);
    // when
    const ok = await authenticate(db, 'danwei-370404103', DEMO_PASSWORD);
    const wrong = await authenticate(db, 'danwei-370404103', 'nope');
    const unknown = await authenticate(db, 'nobody', DEMO_PASSWORD);
    // then
    expect(ok?.displayName).toBeTruthy();
    expect(candidateGroupsOf(ok!)).toEqual(['unit', 'unit:370404103']);
    expect(wrong).toBeUndefined();
    expect(unknown).toBeUndefined();
    const row = await db.selectFrom('accounts').select('password_hash').where('login', '=', 'anweiban').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row.password_hash).not.toContain(DEMO_PASSWORD);
  }, 60_000);

  it('checks a password hash for an unknown login and a disabled account too, so timing tells nothing', async () => {
    // given
    const { db } = await stores.open();
    const id = await createAccount(db, by, { login: 'left.office', password: 'right-pass', displayName: '已调离', roles: [{ role: 'office' }] });
    await createAccount(db, by, { login: 'in.office', password: 'right-pass', displayName: '在岗', roles: [{ role: 'office' }] });
    await sql`UPDATE accounts SET disabled = 1 WHERE id = ${id}`.execute(db);
    await authenticate(db, 'nobody', 'warm-up'); // the stand-in hash is made once
    const took = async (login: string, password: string) => {
      const start = process.hrtime.bigint();
      expect(await authenticate(db, login, password)).toBeUndefined();
      return Number(process.hrtime.bigint() - start);
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // when: interleaved, so that load on the machine falls on all three alike
    const unknown: number[] = [];
    const disabled: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      unknown.push(await took('nobody', 'guess'));
      disabled.push(await took('left.office', 'right-pass'));
      wrong.push(await took('in.office', 'wrong-pass'));
    }
    // then each costs one scrypt verification (tens of milliseconds), not a lookup (well under one)
    expect(median(unknown) / median(wrong)).toBeGreaterThan(0.3);
    expect(median(disabled) / median(wrong)).toBeGreaterThan(0.3);
  }, 60_000);

  it('creates an account, changes its password and audits both without the password', async () => {
    // given
    const { db } = await stores.open();
    const id = await createAccount(db, by, { login: 'new.user', password: 'first-pass', displayName: '新用户', roles: [{ role: 'office' }] });
    // when
    await setPassword(db, by, id, 'second-pass');
    // then
    expect(await authenticate(db, 'new.user', 'first-pass')).toBeUndefined();
    expect((await authenticate(db, 'new.user', 'second-pass'))?.roles).toEqual([{ role: 'office', unitCode: null }]);
    const trail = await auditTrail(db, { entity: 'accounts', entityId: id });
    expect(trail.map((e) => e.action)).toEqual(['grant-role', 'create', 'set-password']);
    expect(JSON.stringify(trail)).not.toMatch(/first-pass|second-pass|scrypt/);
    await expect(createAccount(db, by, { login: 'bad login!', password: 'x', displayName: 'x', roles: [] })).rejects.toThrow('invalid login name');
  }, 60_000);

  it('keeps web sessions by token hash and ends them on expiry or logout', async () => {
    // given
    const { db } = await stores.open();
    const id = await createAccount(db, by, { login: 'sess', password: 'pw-123456', displayName: '会话', roles: [{ role: 'admin' }] });
    const now = new Date('2026-10-09T09:00:00Z');
    const { token } = await createSession(db, id, now, 60_000);
    // when
    const live = await resolveSession(db, token, new Date(now.getTime() + 30_000));
    const expired = await resolveSession(db, token, new Date(now.getTime() + 60_000));
    const purged = await purgeExpiredSessions(db, new Date(now.getTime() + 60_000));
    // then
    expect(live?.login).toBe('sess');
    expect(expired).toBeUndefined();
    expect(purged).toBe(1);
    const stored = await db.selectFrom('web_sessions').selectAll().execute();
    expect(stored).toEqual([]);
    const second = await createSession(db, id, now, 60_000);
    await endSession(db, second.token);
    expect(await resolveSession(db, second.token, now)).toBeUndefined();
  }, 60_000);

  it('refreshes a session\'s last_seen_at at most once a minute, so that a page view is not a write', async () => {
    // given
    const { db } = await stores.open();
    const id = await createAccount(db, by, { login: 'seen', password: 'pw-123456', displayName: '会话', roles: [{ role: 'admin' }] });
    const now = new Date('2026-10-09T09:00:00Z');
    const { token } = await createSession(db, id, now, 3_600_000);
    const lastSeen = async () => (await db.selectFrom('web_sessions').select('last_seen_at').executeTakeFirstOrThrow()).last_seen_at;
    // when
    await resolveSession(db, token, new Date(now.getTime() + 59_000));
    const withinMinute = await lastSeen();
    await resolveSession(db, token, new Date(now.getTime() + 60_000));
    const afterMinute = await lastSeen();
    // then
    expect(withinMinute).toBe(now.toISOString());
    expect(afterMinute).toBe(new Date(now.getTime() + 60_000).toISOString());
  }, 60_000);

  it('delivers to the inbox once per idempotency key and tracks read and e-mailed state', async () => {
    // given
    const { db } = await stores.open();
    await seedDemoData(db, by.at);
    const office = (await findAccountByLogin(db, 'anweiban'))!;
    const n = { idempotencyKey: 'job-1:office', accountId: office.id, template: 'feedback', subject: '集中反馈', body: '正文', email: office.email };
    // when
    const first = await deliverToInbox(db, n, by.at);
    await markEmailed(db, first.id, by.at);
    const again = await deliverToInbox(db, n, by.at);
    // then
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false, emailedAt: by.at });
    expect(await unreadCount(db, office.id)).toBe(1);
    expect(await markRead(db, 'someone-else', first.id, by.at)).toBe(false);
    expect(await markRead(db, office.id, first.id, by.at)).toBe(true);
    expect(await inbox(db, office.id, { unreadOnly: true })).toEqual([]);
    expect((await inbox(db, office.id))[0]).toMatchObject({ subject: '集中反馈', readAt: by.at });
  }, 60_000);

  it('refuses to change or delete audit records', async () => {
    // given
    const { db } = await stores.open();
    await audit(db, by, 'create', 'plans', 'p1', { year: 2026 });
    // when / then
    expect(await rejectionOf(db.updateTable('audit_log').set({ actor: 'forger' }).execute())).toMatch(/append-only/);
    expect(await rejectionOf(db.deleteFrom('audit_log').execute())).toMatch(/append-only/);
    expect((await auditTrail(db, { entity: 'plans' }))[0]).toMatchObject({ actor: 'tester', data: { year: 2026 } });
  }, 60_000);

  it('runs idempotent work once and returns the first result to a redelivery', async () => {
    // given
    const { db } = await stores.open();
    let runs = 0;
    const work = async () => { runs++; await audit(db, by, 'x', 'y', String(runs)); return { n: runs }; };
    // when
    const a = await once(db, 'job:1', by.at, async (trx) => { runs++; await audit(trx, by, 'x', 'y', String(runs)); return { n: runs }; });
    const b = await once(db, 'job:1', by.at, work);
    // then
    expect(a).toEqual({ n: 1 });
    expect(b).toEqual({ n: 1 });
    expect(runs).toBe(1);
    const count = await db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  }, 60_000);

  it('routes an industry to its supervising department through the routing table', async () => {
    // given
    const { db } = await stores.open();
    await seedDemoData(db, by.at);
    // when
    const ammonia = await departmentForIndustry(db, '涉氨制冷');
    const gas = await departmentForIndustry(db, '城镇燃气');
    const none = await departmentForIndustry(db, '航天');
    // then
    expect(ammonia?.name).toBe('区应急管理局');
    expect(gas?.name).toBe('区住房和城乡建设局');
    expect(none).toBeUndefined();
  }, 60_000);
});

describe('domain store files', () => {
  it('creates the SQLite database and its folder readable by the owner only', async () => {
    // given
    const dir = mkdtempSync(join(tmpdir(), 'yc-store-'));
    const dataDir = join(dir, 'data');
    // when
    const store = await openStore({ dataDir });
    await store.db.insertInto('roles').values({ code: 'x', name: 'x' }).onConflict((oc) => oc.doNothing()).execute();
    // then
    try {
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      for (const f of ['yicheng.db', 'yicheng.db-wal']) expect(statSync(join(dataDir, f)).mode & 0o777).toBe(0o600);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
