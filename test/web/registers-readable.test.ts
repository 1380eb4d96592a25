import { type Actor } from '../../src/db/audit';
import { recordTaskEntry } from '../../src/db/task-entries';
import { createContentStore } from '../../src/db/content-store';
import { addEvidence } from '../../src/db/evidence';
import { openInspection, recordPlan, recordRectification, recordTeams, registerProblems, updateInspection, updateProblem } from '../../src/db/registers/inspections';
import { createHandover, listHazard, scheduleTalk, updateHandover, updateHazard } from '../../src/db/registers/supervision';
import { REGISTERS, type RegisterName } from '../../src/web/store/port';
import { type Harness, LOGINS, NOW, signIn, startHarness, startWebEnv, UNIT_A, UNIT_B, type WebEnv } from './support/harness';

const by: Actor = { name: 'worker:yc-record', at: NOW.toISOString() };

/** Every state the workers write (workers/record.ts, handover.ts, hazard.ts), by record. */
const INSPECTION_STATES = ['opened', 'onsite', 'reporting', 'report-submitted', 'report-approved', 'rectifying', 'rectification-reported', 'rectified', 'closed'];
const PROBLEM_STATES: Array<[string, string | null]> = [['open', null], ['disposing', null], ['handed-over', 'handover'], ['listed', 'listing'], ['rectifying', 'rectify'],
  ['rectified', 'rectify'], ['resolved', 'accountability'], ['cleared', 'listing']];
const HANDOVER_STATES = ['sent', 'received', 'refused', 'done'];
const HAZARD_STATES = ['LISTED', 'PUBLISHED', 'RECTIFYING', 'ACCEPTED', 'DELISTED', 'PUBLISHED_CLOSED'];
const DOCUMENT_TYPES = ['inspection-notice', 'feedback-opinion', 'handover-letter', 'listing-notice', 'talk-notice', 'rectification-notice', 'results-bulletin',
  'public-announcement', 'supervision-letter', 'a-type-added-later'];
const EVIDENCE_KINDS = ['photo', 'audio', 'video', 'scan', 'document'];
const ROUTES = ['rectify', 'handover', 'listing', 'accountability'];
const CODES = [...INSPECTION_STATES, ...PROBLEM_STATES.map(([s]) => s), ...HANDOVER_STATES, ...HAZARD_STATES, ...DOCUMENT_TYPES, ...EVIDENCE_KINDS, ...ROUTES];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The text of each data cell of a register page, without the last (links) column. */
function cells(page: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(page)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].flatMap((row) => {
    const tds = [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
    return tds.slice(0, -1);
  });
}

/**
 * Every register of the demo district, filled with a record in every state the workers write, every document type
 * and evidence kind: what the office reads is Chinese and names, never a state code, a UUID or a login.
 */
describe('registers in Chinese and by name', () => {
  let env: WebEnv;
  let h: Harness;
  beforeAll(async () => {
    env = await startWebEnv();
    h = await startHarness(env);
    const db = h.store.db;
    const { planId, roundIds } = await recordPlan(db, by, { year: 2027, cycleStart: '2025-11-12', units: [UNIT_A, UNIT_B], rounds: [{ no: 1, start: '2027-03-08', end: '2027-03-26', units: [UNIT_A, UNIT_B] }] });
    const people = await db.selectFrom('people').select('id').orderBy('id').limit(4).execute();
    const teams = await recordTeams(db, by, planId, [{ name: '第一巡查组', leaderId: people[0]!.id, deputyId: people[1]!.id, memberIds: [people[2]!.id], expertIds: [people[3]!.id] }]);
    const inspections: string[] = [];
    for (const status of INSPECTION_STATES) {
      const id = await openInspection(db, by, { unitCode: UNIT_A, roundId: roundIds[0], teamId: teams['第一巡查组'] });
      await updateInspection(db, by, id, status, { status });
      inspections.push(id);
    }
    const special = await openInspection(db, by, { unitCode: UNIT_B });
    const problems = await registerProblems(db, by, inspections[0]!, PROBLEM_STATES.map(([status]) => ({ category: 'C5', severity: '一般', description: `问题（${status}）` })));
    for (const [i, [status, route]] of PROBLEM_STATES.entries()) await updateProblem(db, by, problems[i]!, status, { status, route, department_code: route === 'handover' ? h.departmentCode : null });
    for (const status of HANDOVER_STATES) {
      const id = await createHandover(db, by, { problemId: problems[2]!, departmentCode: h.departmentCode, resultDue: '2027-05-01T23:59:59+08:00' });
      await updateHandover(db, by, id, status, { status });
    }
    for (const status of HAZARD_STATES) {
      const id = await listHazard(db, by, { name: `重大事故隐患（${status}）`, unit_code: UNIT_A, rectify_due: '2027-06-01T23:59:59+08:00' });
      await updateHazard(db, by, id, status, { status });
    }
    await recordRectification(db, by, inspections[5]!, '已完成全部问题整改');
    await scheduleTalk(db, by, { subjectUnitCode: UNIT_B, reason: '整改不力', at: '2027-05-10T15:00:00+08:00', attendees: [], inspectionId: special });
    for (const [seq, docType] of DOCUMENT_TYPES.entries()) {
      await db.insertInto('documents').values({ id: `doc-${seq}`, doc_type: docType, issuer: '峄安委办', year: 2027, seq: seq + 1, doc_no: `峄安委办〔2027〕${seq + 1}号`,
        title: `公文${seq + 1}`, subject: `inspection:${inspections[0]}`, path: `documents/${seq}.docx`, sha256: 'x', size: 1, created_at: by.at }).execute();
    }
    await recordTaskEntry(db, { name: LOGINS.team, at: by.at }, { taskKey: '1', formId: 'onsite-work', taskName: '开展现场巡查', about: { inspectionId: inspections[0] },
      audience: 'team', fields: [{ key: 'onsiteSummary', label: '现场巡查情况', value: '查阅台账12本' }] });
    const archive = createContentStore(h.archiveDir);
    for (const [i, kind] of EVIDENCE_KINDS.entries()) {
      await addEvidence(db, archive, by, { content: Buffer.from(`证据${i}`), kind: kind as 'photo', fileName: `证据${i}.bin`, mediaType: 'application/octet-stream',
        capturedBy: i % 2 ? LOGINS.team : 'worker:yc-record', capturedAt: by.at, inspectionId: inspections[0] });
    }
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await env?.close();
  });

  it.each(Object.keys(REGISTERS) as RegisterName[])('shows the %s register without codes, ids or logins', async (name) => {
    // given the office
    const office = await signIn(h.app, LOGINS.office);
    // when it reads the register
    const page = await office.agent.get(`/registers/${name}`).expect(200);
    // then every cell is Chinese or a name: no state, route, type or kind code, no UUID, no login
    const texts = cells(page.text);
    expect(texts.length).toBeGreaterThan(0);
    const codes = texts.filter((t) => CODES.includes(t) || UUID.test(t) || t === LOGINS.team || t.startsWith('worker:'));
    expect(codes).toEqual([]);
  });

  it('names the round, the team, the states and the people', async () => {
    const office = await signIn(h.app, LOGINS.office);
    const inspections = cells((await office.agent.get('/registers/inspections').expect(200)).text);
    expect(inspections).toEqual(expect.arrayContaining(['2027年第1轮', '第一巡查组', '现场巡查中', '报告待审定', '不定期巡查']));
    const documents = cells((await office.agent.get('/registers/documents').expect(200)).text);
    expect(documents).toEqual(expect.arrayContaining(['巡查通知书', '问题移交函', '公文']));
    const evidence = cells((await office.agent.get('/registers/evidence').expect(200)).text);
    const member = await h.store.db.selectFrom('accounts').select('display_name').where('login', '=', LOGINS.team).executeTakeFirstOrThrow();
    expect(evidence).toEqual(expect.arrayContaining(['照片', '扫描件', member.display_name, '系统', '坛山街道']));
  });

  it('pages in the database: the count is of all rows, a page holds only its own', async () => {
    const office = await signIn(h.app, LOGINS.office);
    const all = await h.store.db.selectFrom('inspections').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const first = await office.agent.get('/registers/inspections').expect(200);
    const beyond = await office.agent.get('/registers/inspections?offset=8').expect(200);
    expect(first.text).toContain(`共 ${Number(all.n)} 条`);
    expect(cells(beyond.text).filter((t) => t === '坛山街道' || t === '吴林街道')).toHaveLength(Number(all.n) - 8);
  });
});
