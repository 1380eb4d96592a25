import request from 'supertest';
import { createContentStore } from '../../src/db/content-store';
import { addEvidence } from '../../src/db/evidence';
import { openInspection } from '../../src/db/registers/inspections';
import { messageWaitDiagram, REPORT_FORM, taskDiagram } from './support/fixtures';
import { type Seeded, seedTasks } from './support/seed';
import { type Harness, LOGINS, NOW, signIn, startHarness, startWebEnv, UNIT_A, UNIT_B, type WebEnv } from './support/harness';

/**
 * Each role × each resource: allowed (200) or refused (403 for a whole area, 404 for a task the user may not see,
 * so its existence is not revealed). Anonymous visitors reach only the public notice board.
 */
type Who = 'anonymous' | 'committee' | 'office' | 'teamLeader' | 'team' | 'unitA' | 'unitB' | 'department' | 'admin' | 'owner';
const WHO: Who[] = ['anonymous', 'committee', 'office', 'teamLeader', 'team', 'unitA', 'unitB', 'department', 'admin', 'owner'];
// 'teamLeader' (zuzhang1) holds both team-leader and team; 'team' holds team only

// resource → expected status per role, in the order of WHO (303 = sent to the login page)
const MATRIX: Array<[string, number[]]> = [
  ['/board', [200, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['/tasks', [303, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['/tasks/{unitA}', [303, 404, 404, 404, 404, 200, 404, 404, 404, 404]],
  ['/tasks/{unitB}', [303, 404, 404, 404, 404, 404, 200, 404, 404, 404]],
  ['/tasks/{office}', [303, 404, 200, 404, 404, 404, 404, 404, 404, 404]],
  ['/tasks/{department}', [303, 404, 404, 404, 404, 404, 404, 200, 404, 404]],
  ['/tasks/{teamLeader}', [303, 404, 404, 200, 404, 404, 404, 404, 404, 404]],
  ['/registers', [303, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['/registers/problems', [303, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['/registers/problems.csv', [303, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['/registers/problems.xlsx', [303, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['/assessment', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/inbox', [303, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['/events', [303, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['/events/complaint-received', [303, 403, 200, 200, 200, 403, 403, 403, 403, 403]],
  ['/events/rectification-submitted', [303, 403, 403, 403, 403, 200, 200, 403, 403, 403]],
  ['/events/handover-result', [303, 410, 410, 410, 410, 410, 410, 410, 410, 410]],
  ['/monitoring', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/instances/{instance}', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/dashboard', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/export.csv', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/dashboard/overdue.csv', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/dashboard/coverage.csv', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/export.xlsx', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/dashboard/overdue.xlsx', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/dashboard/coverage.xlsx', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/compliance', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/compliance/items?status=overdue', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/compliance/table.csv', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/compliance/units.xlsx', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/processes/new', [303, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['/processes', [303, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['/processes/decisions', [303, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['/processes/decisions/problem-classification/edit', [303, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['/processes/{definition}', [303, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['/processes/{definition}/edit', [303, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['/processes/forms/annual-plan-draft', [303, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['/admin/calendar', [303, 403, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/admin/calendar?year=2026', [303, 403, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/admin/evidence', [303, 403, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/admin/accounts', [303, 403, 403, 403, 403, 403, 403, 403, 200, 403]],
  ['/admin/teams', [303, 403, 403, 403, 403, 403, 403, 403, 200, 403]],
  ['/admin/audit', [303, 403, 403, 403, 403, 403, 403, 403, 200, 403]],
  ['/account/password', [303, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['/admin/recusals', [303, 403, 200, 403, 403, 403, 403, 403, 200, 403]],
];

// unsafe actions: expected status per role (anonymous gets 403: no CSRF cookie yet)
const ACTIONS: Array<[string, number[]]> = [
  ['/monitoring/incidents/{incident}/retry', [403, 403, 403, 403, 403, 403, 403, 403, 303, 403]],
  ['/monitoring/instances/{other}/cancel', [403, 403, 403, 403, 403, 403, 403, 403, 303, 403]],
  ['/tasks/{unitA}/claim', [403, 404, 404, 404, 404, 303, 404, 404, 404, 404]],
  // an empty arrangement: allowed roles get the form back with its problems (422), nothing is stored
  ['/admin/calendar', [403, 403, 422, 403, 403, 403, 403, 403, 422, 403]],
  // an empty recusal: the form back with its problem (422), nothing stored
  ['/admin/recusals', [403, 403, 422, 403, 403, 403, 403, 403, 422, 403]],
];

// The only successful actions change the engine: retry resolves the incident, cancel ends the instance of the
// unitB task (not the one holding the unitA task, which the claim row still needs), claim assigns the unitA task.
describe('web access matrix', () => {
  let env: WebEnv;
  let h: Harness;
  let seeded: Seeded;
  let other: string;
  const agents = new Map<Who, { agent: request.Agent; csrf: string }>();
  const resolve = (path: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name === 'instance' || name === 'incident' || name === 'definition') return seeded[name];
    if (name === 'other') return other;
    return seeded.tasks[name as keyof Seeded['tasks']];
  });

  beforeAll(async () => {
    env = await startWebEnv();
    h = await startHarness(env);
    seeded = await seedTasks(h.engine, h.camunda, h.departmentCode);
    other = (await h.camunda.getUserTask(seeded.tasks.unitB)).processInstanceKey!;
    for (const who of WHO) {
      if (who === 'anonymous') agents.set(who, { agent: request.agent(h.app), csrf: '' });
      else agents.set(who, await signIn(h.app, who === 'department' ? h.departmentLogin : LOGINS[who]));
    }
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await env.close();
  });

  describe.each(MATRIX)('GET %s', (path, expected) => {
    it.each(WHO.map((who, i) => [who, expected[i]!] as const))('%s → %i', async (who, status) => {
      // when
      const res = await agents.get(who)!.agent.get(resolve(path));
      // then
      expect(res.status).toBe(status);
    });
  });

  describe.each(ACTIONS)('POST %s', (path, expected) => {
    it.each(WHO.map((who, i) => [who, expected[i]!] as const))('%s → %i', async (who, status) => {
      // given
      const { agent, csrf } = agents.get(who)!;
      // when
      const res = await agent.post(resolve(path)).type('form').send({ _csrf: csrf });
      // then
      expect(res.status).toBe(status);
    });
  });

  it('lists for a unit only its own tasks', async () => {
    // when
    const res = await agents.get('unitA')!.agent.get('/tasks?view=all').expect(200);
    // then
    expect(res.text).toContain(`/tasks/${seeded.tasks.unitA}"`);
    for (const key of [seeded.tasks.unitB, seeded.tasks.office, seeded.tasks.department, seeded.tasks.teamLeader]) expect(res.text).not.toContain(`/tasks/${key}"`);
  });
});

/**
 * Team scopes (组长负责制) and need-to-know: two teams inspect two units. A team's tasks reach its own leader (and its
 * members, who see them to file evidence) and no other team; the team's evidence of complaint checks and 暗访 reaches
 * the team and the office, never the inspected unit, another team, or those who read only what is shared.
 */
type Reader = 'office' | 'committee' | 'admin' | 'teamLeader' | 'team' | 'otherLeader' | 'unitA' | 'unitB';
const READERS: Reader[] = ['office', 'committee', 'admin', 'teamLeader', 'team', 'otherLeader', 'unitA', 'unitB'];
const READER_LOGINS: Record<Reader, string> = { ...LOGINS, otherLeader: 'zuzhang2' };

const SCOPES: Array<[string, number[]]> = [
  // a diagram naming the plain `team-leader` group: decided by the team of the task's inspection
  ['/tasks/{teamTask}', [404, 404, 404, 200, 200, 404, 404, 404]],
  ['/tasks/{otherTeamTask}', [404, 404, 404, 404, 404, 200, 404, 404]],
  // a diagram naming the team: candidate group team-leader:<teamId>
  ['/tasks/{scopedTask}', [404, 404, 404, 200, 200, 404, 404, 404]],
  ['/evidence/{complaintRecording}', [200, 404, 404, 200, 200, 404, 404, 404]],
  ['/evidence/{rectificationPhoto}', [200, 200, 200, 200, 200, 404, 200, 404]],
];

describe('team scopes and need-to-know evidence', () => {
  let env: WebEnv;
  let h: Harness;
  const ids: Record<string, string> = {};
  const agents = new Map<Reader, { agent: request.Agent; csrf: string }>();
  const resolve = (path: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name]!);

  beforeAll(async () => {
    env = await startWebEnv();
    h = await startHarness(env);
    const by = { name: 'system', at: NOW.toISOString() };
    const db = h.store.db;
    await db.insertInto('plans').values({ id: 'plan-2026', year: 2026, cycle_id: null, status: 'approved', data: '{}', approved_at: by.at, created_at: by.at }).execute();
    await db.insertInto('teams').values([{ id: 'team-1', plan_id: 'plan-2026', name: '第一巡查组' }, { id: 'team-2', plan_id: 'plan-2026', name: '第二巡查组' }]).execute();
    await db.insertInto('team_members').values([
      { team_id: 'team-1', person_id: 'p-leader-1', role: 'leader' }, { team_id: 'team-1', person_id: 'p-member-1', role: 'member' },
      { team_id: 'team-2', person_id: 'p-leader-2', role: 'leader' },
    ]).execute();
    const inspectionA = await openInspection(db, by, { unitCode: UNIT_A, teamId: 'team-1' });
    const inspectionB = await openInspection(db, by, { unitCode: UNIT_B, teamId: 'team-2' });
    Object.assign(ids, { inspectionA, inspectionB });
    await h.engine.deploy([
      { name: 'rectification-report.form', content: Buffer.from(JSON.stringify(REPORT_FORM)) },
      { name: 'onsite-check.bpmn', content: Buffer.from(taskDiagram({ id: 'onsite-check', name: '现场巡查', taskName: '核查来电反映问题', candidateGroups: 'team-leader' })) },
      { name: 'team-scoped.bpmn', content: Buffer.from(taskDiagram({ id: 'team-scoped', name: '巡查报告', taskName: '起草巡查报告', candidateGroups: '=["team-leader:" + teamId]', formId: null })) },
    ]);
    const taskOf = async (bpmnProcessId: string, variables: Record<string, unknown>) => {
      const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId, variables });
      return (await h.camunda.searchUserTasks({ filter: { processInstanceKey }, page: { limit: 1 } })).items[0]!.userTaskKey;
    };
    const complainant = { complainantName: '李某某', complainantPhone: '13912345678' };
    ids.teamTask = await taskOf('onsite-check', { inspectionId: inspectionA, ...complainant });
    ids.otherTeamTask = await taskOf('onsite-check', { inspectionId: inspectionB, ...complainant });
    ids.scopedTask = await taskOf('team-scoped', { inspectionId: inspectionA, teamId: 'team-1' });
    const archive = createContentStore(h.archiveDir);
    const file = (fileName: string, mediaType: string, audience: 'unit' | null) => addEvidence(db, archive, by, {
      content: Buffer.from(fileName), kind: 'audio', fileName, mediaType, capturedBy: 'zuzhang1', capturedAt: by.at, inspectionId: inspectionA, audience,
    });
    ids.complaintRecording = (await file('来电核查谈话录音.m4a', 'audio/mp4', null)).id;
    ids.rectificationPhoto = (await file('整改后现场照片.jpg', 'image/jpeg', 'unit')).id;
    for (const who of READERS) agents.set(who, await signIn(h.app, READER_LOGINS[who]));
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await env.close();
  });

  describe.each(SCOPES)('GET %s', (path, expected) => {
    it.each(READERS.map((who, i) => [who, expected[i]!] as const))('%s → %i', async (who, status) => {
      // when
      const res = await agents.get(who)!.agent.get(resolve(path));
      // then
      expect(res.status).toBe(status);
    });
  });

  it('lists a team’s tasks for its leader and members only', async () => {
    // when
    const lists = Object.fromEntries(await Promise.all((['teamLeader', 'team', 'otherLeader', 'office'] as const).map(async (who) => [who, (await agents.get(who)!.agent.get('/tasks?view=all').expect(200)).text])));
    // then
    for (const who of ['teamLeader', 'team']) {
      expect(lists[who]).toContain(`/tasks/${ids.teamTask}"`);
      expect(lists[who]).toContain(`/tasks/${ids.scopedTask}"`);
      expect(lists[who]).not.toContain(`/tasks/${ids.otherTeamTask}"`);
    }
    expect(lists.otherLeader).toContain(`/tasks/${ids.otherTeamTask}"`);
    expect(lists.otherLeader).not.toContain(`/tasks/${ids.teamTask}"`);
    expect(lists.office).not.toContain(`/tasks/${ids.teamTask}"`);
  });

  it('lets a member file evidence on the leader’s task but not claim or complete it; another team can do neither', async () => {
    // given
    const member = agents.get('team')!;
    const other = agents.get('otherLeader')!;
    // when
    const attached = await member.agent.post(`/tasks/${ids.scopedTask}/attachments?_csrf=${member.csrf}`).attach('files', Buffer.from('现场'), { filename: '暗访现场.jpg', contentType: 'image/jpeg' });
    const claimed = await member.agent.post(`/tasks/${ids.scopedTask}/claim`).type('form').send({ _csrf: member.csrf });
    const completed = await member.agent.post(`/tasks/${ids.scopedTask}/complete`).type('form').send({ _csrf: member.csrf });
    const otherAttach = await other.agent.post(`/tasks/${ids.scopedTask}/attachments?_csrf=${other.csrf}`).attach('files', Buffer.from('x'), { filename: 'x.jpg', contentType: 'image/jpeg' });
    const otherComplete = await other.agent.post(`/tasks/${ids.teamTask}/complete`).type('form').send({ _csrf: other.csrf });
    // then
    expect([attached.status, claimed.status, completed.status, otherAttach.status, otherComplete.status]).toEqual([303, 403, 403, 404, 404]);
    const filed = await h.store.db.selectFrom('evidence').select(['file_name', 'audience']).where('file_name', '=', '暗访现场.jpg').execute();
    expect(filed).toEqual([{ file_name: '暗访现场.jpg', audience: null }]);
    expect((await h.camunda.getUserTask(ids.scopedTask)).state).toBe('CREATED');
  });

  it('shows the unit only the evidence filed on its own tasks, never the team’s, and another team nothing', async () => {
    // when
    const page = async (who: Reader) => (await agents.get(who)!.agent.get('/registers/evidence').expect(200)).text;
    const [unitA, unitB, leader, other, office] = await Promise.all((['unitA', 'unitB', 'teamLeader', 'otherLeader', 'office'] as const).map(page));
    // then
    expect(unitA).toContain('整改后现场照片.jpg');
    expect(unitA).not.toContain('来电核查谈话录音.m4a');
    expect(unitA).not.toContain('暗访现场.jpg');
    for (const text of [unitB, other]) {
      expect(text).not.toContain('整改后现场照片.jpg');
      expect(text).not.toContain('来电核查谈话录音.m4a');
    }
    for (const text of [leader, office]) expect(text).toContain('来电核查谈话录音.m4a');
  });

  it('lets team staff report a complaint only on their own team’s inspection', async () => {
    // given: both inspections wait for complaints
    await h.engine.deploy([{ name: 'complaints.bpmn', content: Buffer.from(messageWaitDiagram('complaints', 'complaint-received', 'inspectionId')) }]);
    for (const inspectionId of [ids.inspectionA, ids.inspectionB]) await h.engine.createProcessInstance({ bpmnProcessId: 'complaints', variables: { inspectionId } });
    const other = agents.get('otherLeader')!;
    // when
    const [leaderForm, otherForm, officeForm] = await Promise.all((['teamLeader', 'otherLeader', 'office'] as const).map(async (who) => (await agents.get(who)!.agent.get('/events/complaint-received').expect(200)).text));
    const misdirected = await other.agent.post('/events/complaint-received').type('form')
      .send({ _csrf: other.csrf, subject: ids.inspectionA, channel: '来电', content: '反映坛山街道某仓库违规存放危化品' });
    // then
    expect(leaderForm).toContain(ids.inspectionA);
    expect(leaderForm).not.toContain(ids.inspectionB);
    expect(otherForm).toContain(ids.inspectionB);
    expect(otherForm).not.toContain(ids.inspectionA);
    expect(officeForm).toContain(ids.inspectionA);
    expect(officeForm).toContain(ids.inspectionB);
    expect(misdirected.status).toBe(422);
    expect(env.messages().filter((m) => m.name === 'complaint-received')).toEqual([]);
  });

  it('keeps the complainant’s name and phone off task pages whose form does not use them', async () => {
    // when
    const res = await agents.get('teamLeader')!.agent.get(`/tasks/${ids.teamTask}`).expect(200);
    // then the form is there, the complainant is not
    expect(res.text).toContain('<script type="application/json" id="form-schema">');
    expect(res.text).not.toContain('13912345678');
    expect(res.text).not.toContain('李某某');
  });
});
