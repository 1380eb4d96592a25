import { readdirSync, statSync } from 'node:fs';
import type request from 'supertest';
import { join } from 'node:path';
import { type Actor } from '../../src/db/audit';
import { createContentStore } from '../../src/db/content-store';
import { addEvidence, verifyEvidenceChain } from '../../src/db/evidence';
import { openInspection } from '../../src/db/registers/inspections';
import { deployFixtures, seedInspection } from './support/seed';
import { type Harness, LOGINS, NOW, signIn, startHarness, UNIT_A, freshWebEachTest, type WebEnv } from './support/harness';

/** Reads a download as bytes. */
const bytes = (r: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  r.on('data', (c: Buffer) => chunks.push(c));
  r.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('web task attachments in the evidence archive', () => {
  let h: Harness;
  let env: WebEnv;
  let inspectionId: string;
  let keys: { unitA: string };
  freshWebEachTest(async (harness, webEnv) => {
    h = harness;
    env = webEnv;
    const by: Actor = { name: 'system', at: NOW.toISOString() };
    inspectionId = await openInspection(h.store.db, by, { unitCode: UNIT_A });
    await deployFixtures(h.engine, h.departmentCode);
    keys = { unitA: (await seedInspection(h.engine, h.camunda, inspectionId)).task };
  });
  const evidenceRows = () => h.store.db.selectFrom('evidence').selectAll().execute();

  it('files an upload under the task’s inspection with its Chinese name, in the hash chain, and lists it on the task', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.unitA);
    // when
    const res = await agent.post(`/tasks/${keys.unitA}/attachments?_csrf=${csrf}`).attach('files', Buffer.from('JPEG-DATA'), { filename: '现场照片.jpg', contentType: 'image/jpeg' });
    const page = await agent.get(`/tasks/${keys.unitA}`).expect(200);
    // then
    expect(res.status).toBe(303);
    expect(page.text).toContain('现场照片.jpg');
    const chain = await verifyEvidenceChain(h.store.db, createContentStore(h.archiveDir));
    expect(chain).toEqual({ ok: true, checked: 1 });
  });

  it('serves the file to its unit and hides it from another unit', async () => {
    // given
    const unitA = await signIn(h.app, LOGINS.unitA);
    await unitA.agent.post(`/tasks/${keys.unitA}/attachments?_csrf=${unitA.csrf}`).attach('files', Buffer.from('PDF-DATA'), { filename: 'scan.pdf', contentType: 'application/pdf' }).expect(303);
    const { id } = await h.store.db.selectFrom('evidence').select('id').executeTakeFirstOrThrow();
    const unitB = await signIn(h.app, LOGINS.unitB);
    // when
    const mine = await unitA.agent.get(`/evidence/${id}`).buffer(true).parse(bytes);
    const theirs = await unitB.agent.get(`/evidence/${id}`);
    // then
    expect(mine.status).toBe(200);
    expect((mine.body as Buffer).toString()).toBe('PDF-DATA');
    expect(theirs.status).toBe(404);
  });

  it('refuses an upload without the CSRF token and one for a task the user cannot see', async () => {
    // given
    const unitB = await signIn(h.app, LOGINS.unitB);
    // when
    const noToken = await unitB.agent.post(`/tasks/${keys.unitA}/attachments`).attach('files', Buffer.from('x'), 'x.txt');
    const hidden = await unitB.agent.post(`/tasks/${keys.unitA}/attachments?_csrf=${unitB.csrf}`).attach('files', Buffer.from('x'), 'x.txt');
    // then
    expect(noToken.status).toBe(403);
    expect(hidden.status).toBe(404);
    expect(await h.store.db.selectFrom('evidence').selectAll().execute()).toHaveLength(0);
  });

  it('refuses attachments on a completed task and on a task another user holds, and a completed task cannot be claimed', async () => {
    // given one unit account holds the task, then it is completed
    const unitA = await signIn(h.app, LOGINS.unitA);
    await h.engine.assignUserTask(keys.unitA, { assignee: 'danwei-370404001-2', allowOverride: true });
    const held = await unitA.agent.post(`/tasks/${keys.unitA}/attachments?_csrf=${unitA.csrf}`).attach('files', Buffer.from('JPEG'), { filename: 'a.jpg', contentType: 'image/jpeg' });
    await h.engine.completeUserTask(keys.unitA, { variables: { report: '已整改完毕的情况说明', fixedCount: 1 } });
    // when
    const completed = await unitA.agent.post(`/tasks/${keys.unitA}/attachments?_csrf=${unitA.csrf}`).attach('files', Buffer.from('JPEG'), { filename: 'a.jpg', contentType: 'image/jpeg' });
    const claim = await unitA.agent.post(`/tasks/${keys.unitA}/claim`).type('form').send({ _csrf: unitA.csrf });
    // then
    expect(held.status).toBe(403);
    expect(completed.status).toBe(409);
    expect(claim.status).toBe(409);
    expect(claim.text).toContain('已办结');
    expect(await evidenceRows()).toHaveLength(0);
  });

  it('checks the permission before reading the upload: a large file for a hidden task is refused as not found', async () => {
    // given an app that accepts 1 KB files, and a unit that cannot see the task
    const small = await startHarness(env, { maxUploadBytes: 1024 });
    try {
      const unitB = await signIn(small.app, LOGINS.unitB);
      const unitA = await signIn(small.app, LOGINS.unitA);
      // when
      const hidden = await unitB.agent.post(`/tasks/${keys.unitA}/attachments?_csrf=${unitB.csrf}`).attach('files', Buffer.alloc(4096, 1), { filename: 'big.jpg', contentType: 'image/jpeg' });
      const tooLarge = await unitA.agent.post(`/tasks/${keys.unitA}/attachments?_csrf=${unitA.csrf}`).attach('files', Buffer.alloc(4096, 1), { filename: 'big.jpg', contentType: 'image/jpeg' });
      // then
      expect(hidden.status).toBe(404);
      expect(tooLarge.status).toBe(413);
      expect(readdirSync(join(small.archiveDir, 'incoming'))).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('streams an accepted upload to disk and files it owner-only, leaving nothing in the upload folder', async () => {
    // given
    const unitA = await signIn(h.app, LOGINS.unitA);
    // when
    await unitA.agent.post(`/tasks/${keys.unitA}/attachments?_csrf=${unitA.csrf}`).attach('files', Buffer.alloc(200_000, 7), { filename: '现场录音.m4a', contentType: 'audio/mp4' }).expect(303);
    // then
    const [row] = await evidenceRows();
    const file = join(h.archiveDir, 'evidence', row!.sha256.slice(0, 2), `${row!.sha256}.m4a`);
    expect(row).toMatchObject({ size: 200_000, media_type: 'audio/mp4', kind: 'audio', file_name: '现场录音.m4a' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(h.archiveDir, 'incoming'))).toEqual([]);
  });

  it('accepts only evidence types and records the type from the file name, not the one the browser claims', async () => {
    // given
    const unitA = await signIn(h.app, LOGINS.unitA);
    const upload = (filename: string, contentType: string) =>
      unitA.agent.post(`/tasks/${keys.unitA}/attachments?_csrf=${unitA.csrf}`).attach('files', Buffer.from('<script>alert(1)</script>'), { filename, contentType });
    // when
    const page = await upload('报告.html', 'text/html');
    const script = await upload('a.js', 'text/javascript');
    const disguised = await upload('扫描件.pdf', 'text/html');
    // then
    expect(page.status).toBe(415);
    expect(page.text).toContain('不接受');
    expect(script.status).toBe(415);
    expect(disguised.status).toBe(303);
    expect((await evidenceRows()).map((r) => [r.file_name, r.media_type])).toEqual([['扫描件.pdf', 'application/pdf']]);
  });

  it('serves evidence as a download that is never rendered, whatever type was recorded', async () => {
    // given a record from before the allow-list, stored as a page
    const archive = createContentStore(h.archiveDir);
    const old = await addEvidence(h.store.db, archive, { name: 'system', at: NOW.toISOString() }, {
      content: Buffer.from('<script>alert(1)</script>'), kind: 'document', fileName: 'x.html', mediaType: 'text/html',
      capturedBy: 'danwei-370404001', capturedAt: NOW.toISOString(), inspectionId, audience: 'unit',
    });
    const unitA = await signIn(h.app, LOGINS.unitA);
    // when
    const res = await unitA.agent.get(`/evidence/${old.id}`).buffer(true).parse(bytes);
    // then
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');
  });
});
