import request from 'supertest';
import { seedTasks } from './support/fixtures';
import { type Harness, LOGINS, signIn, startHarness } from './support/harness';

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
  ['/tasks/1001', [303, 404, 404, 404, 404, 200, 404, 404, 404, 404]],
  ['/tasks/1002', [303, 404, 404, 404, 404, 404, 200, 404, 404, 404]],
  ['/tasks/1003', [303, 404, 200, 404, 404, 404, 404, 404, 404, 404]],
  ['/tasks/1004', [303, 404, 404, 404, 404, 404, 404, 200, 404, 404]],
  ['/tasks/1005', [303, 404, 404, 200, 404, 404, 404, 404, 404, 404]],
  ['/registers', [303, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['/registers/problems', [303, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['/inbox', [303, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['/events', [303, 200, 200, 200, 200, 200, 200, 200, 200, 200]],
  ['/events/complaint-received', [303, 403, 200, 200, 200, 403, 403, 403, 403, 403]],
  ['/events/rectification-submitted', [303, 403, 403, 403, 403, 200, 200, 403, 403, 403]],
  ['/events/handover-result', [303, 403, 403, 403, 403, 403, 403, 200, 403, 403]],
  ['/monitoring', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/instances/2251799813685001', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/dashboard', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/export.csv', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/dashboard/overdue.csv', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/monitoring/dashboard/coverage.csv', [303, 200, 200, 403, 403, 403, 403, 403, 200, 403]],
  ['/processes/new', [303, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['/processes', [303, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['/processes/3001', [303, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['/processes/3001/edit', [303, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
  ['/processes/forms/annual-plan-draft', [303, 403, 403, 403, 403, 403, 403, 403, 200, 200]],
];

// unsafe actions: expected status per role (anonymous gets 403: no CSRF cookie yet)
const ACTIONS: Array<[string, number[]]> = [
  ['/monitoring/incidents/7001/retry', [403, 403, 403, 403, 403, 403, 403, 403, 303, 403]],
  ['/monitoring/instances/2251799813685001/cancel', [403, 403, 403, 403, 403, 403, 403, 403, 303, 403]],
  ['/tasks/1001/claim', [403, 404, 404, 404, 404, 303, 404, 404, 404, 404]],
];

describe('web access matrix', () => {
  let h: Harness;
  const agents = new Map<Who, { agent: request.Agent; csrf: string }>();

  beforeAll(async () => {
    h = await startHarness();
    for (const who of WHO) {
      if (who === 'anonymous') agents.set(who, { agent: request.agent(h.app), csrf: '' });
      else agents.set(who, await signIn(h.app, who === 'department' ? h.departmentLogin : LOGINS[who]));
    }
  });
  beforeEach(() => {
    h.camunda.tasks = [];
    h.camunda.instances = [];
    h.camunda.incidents = [];
    h.camunda.definitions = [];
    seedTasks(h.camunda, h.departmentCode);
  });
  afterAll(() => h.close());

  describe.each(MATRIX)('GET %s', (path, expected) => {
    it.each(WHO.map((who, i) => [who, expected[i]!] as const))('%s → %i', async (who, status) => {
      // when
      const res = await agents.get(who)!.agent.get(path);
      // then
      expect(res.status).toBe(status);
    });
  });

  describe.each(ACTIONS)('POST %s', (path, expected) => {
    it.each(WHO.map((who, i) => [who, expected[i]!] as const))('%s → %i', async (who, status) => {
      // given
      const { agent, csrf } = agents.get(who)!;
      // when
      const res = await agent.post(path).type('form').send({ _csrf: csrf });
      // then
      expect(res.status).toBe(status);
    });
  });

  it('lists for a unit only its own tasks', async () => {
    // when
    const res = await agents.get('unitA')!.agent.get('/tasks?view=all').expect(200);
    // then
    expect(res.text).toContain('/tasks/1001');
    expect(res.text).not.toMatch(/\/tasks\/100[2-5]"/);
  });
});
