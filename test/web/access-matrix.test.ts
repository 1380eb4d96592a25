import request from 'supertest';
import { type Seeded, seedTasks } from './support/seed';
import { type Harness, LOGINS, signIn, startHarness, startWebEnv, type WebEnv } from './support/harness';

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
  ['/inbox', [303, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['/events', [303, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['/events/complaint-received', [303, 403, 200, 200, 200, 403, 403, 403, 403, 403]],
  ['/events/rectification-submitted', [303, 403, 403, 403, 403, 200, 200, 403, 403, 403]],
  ['/events/handover-result', [303, 403, 403, 403, 403, 403, 403, 200, 403, 403]],
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
  ['/processes/{definition}', [303, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['/processes/{definition}/edit', [303, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['/processes/forms/annual-plan-draft', [303, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['/admin/calendar', [303, 403, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/admin/calendar?year=2026', [303, 403, 200, 403, 403, 403, 403, 403, 200, 403]],
];

// unsafe actions: expected status per role (anonymous gets 403: no CSRF cookie yet)
const ACTIONS: Array<[string, number[]]> = [
  ['/monitoring/incidents/{incident}/retry', [403, 403, 403, 403, 403, 403, 403, 403, 303, 403]],
  ['/monitoring/instances/{other}/cancel', [403, 403, 403, 403, 403, 403, 403, 403, 303, 403]],
  ['/tasks/{unitA}/claim', [403, 404, 404, 404, 404, 303, 404, 404, 404, 404]],
  // an empty arrangement: allowed roles get the form back with its problems (422), nothing is stored
  ['/admin/calendar', [403, 403, 422, 403, 403, 403, 403, 403, 422, 403]],
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
