import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContentStore } from '../../src/db/content-store';
import { addEvidence } from '../../src/db/evidence';
import { openInspection, registerProblems } from '../../src/db/registers/inspections';
import { seedDemoData } from '../../src/db/seed';
import { evidenceAbout, evidenceFor, evidenceRegister, type EvidenceScope } from '../../src/db/web-queries';
import { dialects, useStores } from '../support/stores';

const by = { name: 'zuzhang1', at: '2026-11-28T04:00:00.000Z' };
const nobody: EvidenceScope = { everything: false, teamIds: [], sharedAll: false, unitCodes: [] };

describe.each(dialects)('who sees which evidence on %s', (dialect) => {
  const stores = useStores(dialect);

  it('gives the office everything, a team its own inspections’, the unit only what is shared with it', async () => {
    // given team-1 inspecting 坛山街道 with a need-to-know recording (filed under a problem) and a shared photo
    const { db } = await stores.open();
    await seedDemoData(db, by.at);
    const dir = await mkdtemp(join(tmpdir(), 'yc-scope-'));
    const archive = createContentStore(dir);
    await db.insertInto('plans').values({ id: 'p', year: 2026, cycle_id: null, status: 'approved', data: '{}', approved_at: by.at, created_at: by.at }).execute();
    await db.insertInto('teams').values([{ id: 'team-1', plan_id: 'p', name: '第一巡查组' }, { id: 'team-2', plan_id: 'p', name: '第二巡查组' }]).execute();
    const inspection = await openInspection(db, by, { unitCode: '370404001', teamId: 'team-1' });
    const [problem] = await registerProblems(db, by, inspection, [{ category: 'C5', severity: '一般', description: '危化品仓库未落实双重预防机制' }]);
    const file = (fileName: string, about: { inspectionId?: string; problemId?: string }, audience: 'unit' | `department:${string}` | null) => addEvidence(db, archive, by, {
      content: Buffer.from(fileName), kind: 'audio', fileName, mediaType: 'audio/mp4', capturedBy: 'zuzhang1', capturedAt: by.at, inspectionId: about.inspectionId, problemId: about.problemId, audience,
    });
    const recording = await file('暗访录音.m4a', { problemId: problem! }, null);
    const photo = await file('整改照片.m4a', { inspectionId: inspection }, 'unit');
    // filed by the department the problem was handed to, on its result task
    const decision = await file('处罚决定书.m4a', { problemId: problem! }, 'department:YC-M-07');
    const names = async (scope: EvidenceScope) => (await evidenceRegister(db, scope, { limit: 50, offset: 0 })).rows.map((r) => r.fileName).sort();
    try {
      // when / then
      expect(await names({ ...nobody, everything: true })).toEqual(['整改照片.m4a', '暗访录音.m4a', '处罚决定书.m4a'].sort());
      expect(await names({ ...nobody, teamIds: ['team-1'] })).toEqual(['整改照片.m4a', '暗访录音.m4a', '处罚决定书.m4a'].sort());
      expect(await names({ ...nobody, teamIds: ['team-2'] })).toEqual([]);
      expect(await names({ ...nobody, sharedAll: true })).toEqual(['整改照片.m4a', '处罚决定书.m4a'].sort());
      // a department sees what it filed itself, not the unit's nor the team's; another department nothing
      expect(await names({ ...nobody, departmentCodes: ['YC-M-07'] })).toEqual(['处罚决定书.m4a']);
      expect(await names({ ...nobody, departmentCodes: ['YC-M-06'] })).toEqual([]);
      expect(await evidenceFor(db, { ...nobody, unitCodes: ['370404001'] }, decision.id)).toBeUndefined();
      expect(await names({ ...nobody, unitCodes: ['370404001'] })).toEqual(['整改照片.m4a']);
      expect(await names({ ...nobody, unitCodes: ['370404002'] })).toEqual([]);
      expect(await evidenceFor(db, { ...nobody, unitCodes: ['370404001'] }, recording.id)).toBeUndefined();
      expect(await evidenceFor(db, { ...nobody, teamIds: ['team-1'] }, recording.id)).toMatchObject({ fileName: '暗访录音.m4a' });
      expect((await evidenceAbout(db, { ...nobody, unitCodes: ['370404001'] }, { inspectionId: inspection })).map((r) => r.id)).toEqual([photo.id]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
