import { type Actor } from '../../src/db/audit';
import { createContentStore } from '../../src/db/content-store';
import { verifyEvidenceChain } from '../../src/db/evidence';
import { openInspection } from '../../src/db/registers/inspections';
import { deployFixtures, seedInspection } from './support/seed';
import { type Harness, LOGINS, NOW, signIn, UNIT_A, freshWebEachTest } from './support/harness';

describe('web task attachments in the evidence archive', () => {
  let h: Harness;
  let keys: { unitA: string };
  freshWebEachTest(async (harness) => {
    h = harness;
    const by: Actor = { name: 'system', at: NOW.toISOString() };
    const inspectionId = await openInspection(h.store.db, by, { unitCode: UNIT_A });
    await deployFixtures(h.engine, h.departmentCode);
    keys = { unitA: (await seedInspection(h.engine, h.camunda, inspectionId)).task };
  });

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
    const mine = await unitA.agent.get(`/evidence/${id}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
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
});
