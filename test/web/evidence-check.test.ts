import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContentStore } from '../../src/db/content-store';
import { addEvidence } from '../../src/db/evidence';
import { inbox } from '../../src/db/notifications';
import { componentLogger } from '../../src/logging';
import { watchEvidence } from '../../src/web/evidence-watch';
import { domainStore } from '../../src/web/store/domain-store';
import { eventually } from '../support/eventually';
import { type Harness, LOGINS, NOW, signIn, freshWebEachTest } from './support/harness';

describe('evidence archive check (证据存档校验)', () => {
  let h: Harness;
  let second: Awaited<ReturnType<typeof addEvidence>>;
  freshWebEachTest(async (harness) => {
    h = harness;
    const archive = createContentStore(h.archiveDir);
    const by = { name: 'zuzhang1', at: NOW.toISOString() };
    const photo = (n: number) => ({ content: Buffer.from(`现场照片-${n}`), kind: 'photo' as const, fileName: `现场-${n}.jpg`, mediaType: 'image/jpeg', capturedBy: 'zuzhang1', capturedAt: by.at });
    await addEvidence(h.store.db, archive, by, photo(1));
    second = await addEvidence(h.store.db, archive, by, photo(2));
  });
  const forge = () => writeFileSync(join(h.archiveDir, 'evidence', second.sha256.slice(0, 2), `${second.sha256}.jpg`), 'forged');
  const officeInbox = async () => {
    const office = await h.store.db.selectFrom('accounts').select('id').where('login', '=', LOGINS.office).executeTakeFirstOrThrow();
    return inbox(h.store.db, office.id);
  };

  it('shows the office an intact archive, and a broken one with the record that breaks it', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const intact = await agent.get('/admin/evidence').expect(200);
    forge();
    const broken = await agent.get('/admin/evidence').expect(200);
    // then
    expect(intact.text).toContain('校验通过：2 条证据记录及其文件完好');
    expect(broken.text).toContain(`校验未通过：第 ${second.seq} 条记录`);
    expect(broken.text).toContain('证据文件缺失或内容被改动');
    expect((await officeInbox()).map((n) => n.subject)).toEqual(['证据存档校验未通过']);
  });

  it('checks by itself on a timer and notifies the office of a broken chain', async () => {
    // given a forged file and the watch of a running web app
    forge();
    const store = domainStore(h.store.db, { archiveDir: h.archiveDir, now: () => NOW });
    // when
    const stop = watchEvidence(() => store.checkEvidence(), componentLogger('evidence-watch-test'), 60_000, 10);
    try {
      // then
      const notified = await eventually(async () => (await officeInbox()).length > 0 && officeInbox());
      expect(notified.map((n) => n.subject)).toEqual(['证据存档校验未通过']);
    } finally {
      stop();
    }
  });
});
