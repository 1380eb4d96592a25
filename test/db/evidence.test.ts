import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createContentStore } from '../../src/db/content-store';
import { createAccount } from '../../src/db/accounts';
import { addEvidence, evidenceOf, verifyEvidenceChain } from '../../src/db/evidence';
import { checkEvidenceChain } from '../../src/db/evidence-check';
import { inbox } from '../../src/db/notifications';
import { dialects, rejectionOf, useStores } from '../support/stores';

const by = { name: 'zuyuan-member-1', at: '2026-03-05T10:00:00.000Z' };
const photo = (n: number) => ({
  content: Buffer.from(`现场照片-${n}`), kind: 'photo' as const, fileName: `IMG_${n}.jpg`, mediaType: 'image/jpeg',
  capturedBy: '赵文静', capturedAt: `2026-03-05T09:0${n}:00+08:00`, location: '34.7701,117.5902', inspectionId: 'insp-1',
});

describe.each(dialects)('evidence archive on %s', (dialect) => {
  const stores = useStores(dialect);
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'yc-evidence-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('stores files by SHA-256 with who, when and where, linked in a verifiable chain', async () => {
    // given
    const { db } = await stores.open();
    const archive = createContentStore(dir);
    // when
    const a = await addEvidence(db, archive, by, photo(1));
    const b = await addEvidence(db, archive, by, photo(2));
    const dup = await addEvidence(db, archive, by, photo(1));
    // then
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.prev_hash).toBe(a.chain_hash);
    expect(dup.sha256).toBe(a.sha256);
    expect(await evidenceOf(db, { inspectionId: 'insp-1' })).toHaveLength(3);
    expect((await evidenceOf(db, { inspectionId: 'insp-1' }))[0]).toMatchObject({ captured_by: '赵文静', location: '34.7701,117.5902' });
    expect(await verifyEvidenceChain(db, archive)).toEqual({ ok: true, checked: 3 });
  }, 60_000);

  it('detects a replaced file and a record changed behind the append-only guard', async () => {
    // given
    const { db } = await stores.open();
    const archive = createContentStore(dir);
    await addEvidence(db, archive, by, photo(1));
    const second = await addEvidence(db, archive, by, photo(2));
    await addEvidence(db, archive, by, photo(3));
    // when the file of the second record is overwritten
    await writeFile(join(dir, 'evidence', second.sha256.slice(0, 2), `${second.sha256}.jpg`), 'forged');
    const fileTampered = await verifyEvidenceChain(db, archive);
    // then
    expect(fileTampered).toEqual({ ok: false, checked: 1, broken: { seq: second.seq, id: second.id, reason: '证据文件缺失或内容被改动' } });
    // and updates are refused outright …
    expect(await rejectionOf(db.updateTable('evidence').set({ captured_by: 'x' }).execute())).toMatch(/append-only/);
    // … but when someone with database rights drops the guard and edits a record, the chain shows it
    await archive.put('evidence', photo(2).content, '.jpg');
    if (dialect === 'sqlite') await sql`DROP TRIGGER evidence_no_update`.execute(db);
    else await sql`DROP TRIGGER evidence_append_only ON evidence`.execute(db);
    await db.updateTable('evidence').set({ captured_at: '2026-03-04T09:00:00+08:00' }).where('id', '=', second.id).execute();
    const recordTampered = await verifyEvidenceChain(db, archive);
    expect(recordTampered.broken).toEqual({ seq: second.seq, id: second.id, reason: '记录内容与链哈希不符' });
  }, 60_000);
});

describe.each(dialects)('evidence audience and the daily check on %s', (dialect) => {
  const stores = useStores(dialect);
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'yc-evidence-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('makes the audience part of the chain: sharing need-to-know evidence with the unit behind the guard shows', async () => {
    // given a complaint check's recording (need-to-know) between two records shared with the unit
    const { db } = await stores.open();
    const archive = createContentStore(dir);
    await addEvidence(db, archive, by, { ...photo(1), audience: 'unit' });
    const secret = await addEvidence(db, archive, by, photo(2));
    await addEvidence(db, archive, by, { ...photo(3), audience: 'unit' });
    expect(await verifyEvidenceChain(db, archive)).toEqual({ ok: true, checked: 3 });
    // when someone with database rights opens it to the unit
    if (dialect === 'sqlite') await sql`DROP TRIGGER evidence_no_update`.execute(db);
    else await sql`DROP TRIGGER evidence_append_only ON evidence`.execute(db);
    await db.updateTable('evidence').set({ audience: 'unit' }).where('id', '=', secret.id).execute();
    // then
    expect((await verifyEvidenceChain(db, archive)).broken).toEqual({ seq: secret.seq, id: secret.id, reason: '记录内容与链哈希不符' });
  }, 60_000);

  it('reports a broken chain to every office account once a day, and audits each check', async () => {
    // given two office accounts and an archive whose second file was replaced
    const { db } = await stores.open();
    const archive = createContentStore(dir);
    const office = await Promise.all(['anweiban', 'anweiban2'].map((login) => createAccount(db, by, { login, password: 'x-1234567', displayName: login, roles: [{ role: 'office' }] })));
    const clerk = await createAccount(db, by, { login: 'zuyuan', password: 'x-1234567', displayName: 'zuyuan', roles: [{ role: 'team' }] });
    await addEvidence(db, archive, by, photo(1));
    const second = await addEvidence(db, archive, by, photo(2));
    const intact = await checkEvidenceChain(db, archive, new Date('2026-03-06T01:00:00Z'));
    await writeFile(join(dir, 'evidence', second.sha256.slice(0, 2), `${second.sha256}.jpg`), 'forged');
    // when the check runs twice on one day
    const first = await checkEvidenceChain(db, archive, new Date('2026-03-07T01:00:00Z'));
    await checkEvidenceChain(db, archive, new Date('2026-03-07T09:00:00Z'));
    // then
    expect(intact.ok).toBe(true);
    expect(first).toEqual({ ok: false, checked: 1, broken: { seq: second.seq, id: second.id, reason: '证据文件缺失或内容被改动' } });
    for (const id of office) {
      const items = await inbox(db, id);
      expect(items.map((i) => i.subject)).toEqual(['证据存档校验未通过']);
      expect(items[0]!.body).toContain(`第 ${second.seq} 条记录`);
    }
    expect(await inbox(db, clerk)).toEqual([]);
    const checks = await db.selectFrom('audit_log').select('data').where('actor', '=', 'system:evidence-check').execute();
    expect(checks.map((c) => (JSON.parse(c.data) as { ok: boolean }).ok)).toEqual([true, false, false]);
  }, 60_000);
});

describe('evidence archive files', () => {
  it('writes archived files readable by the owner only, in owner-only folders', async () => {
    // given
    const dir = await mkdtemp(join(tmpdir(), 'yc-evidence-'));
    const archive = createContentStore(join(dir, 'archive'));
    // when
    const stored = await archive.put('evidence', Buffer.from('录音'), '.m4a');
    // then
    expect((await stat(join(dir, 'archive', stored.path))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'archive', 'evidence'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'archive'))).mode & 0o777).toBe(0o700);
    await rm(dir, { recursive: true, force: true });
  });
});

describe.each(dialects)('evidence chain under concurrent uploads on %s', (dialect) => {
  const stores = useStores(dialect);

  it('keeps one unbroken chain when files arrive at the same time', async () => {
    // given
    const { db } = await stores.open();
    const dir = await mkdtemp(join(tmpdir(), 'yc-evidence-'));
    const archive = createContentStore(dir);
    // when
    await Promise.all(Array.from({ length: 8 }, (_, i) => addEvidence(db, archive, by, photo(i))));
    // then
    expect(await verifyEvidenceChain(db, archive)).toEqual({ ok: true, checked: 8 });
    await rm(dir, { recursive: true, force: true });
  }, 60_000);
});
