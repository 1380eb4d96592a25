import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Harness, LOGINS, signIn, startHarness, startWebEnv, type WebEnv } from './support/harness';

const ROOT = join(__dirname, '..', '..');
const resource = (path: string) => ({ name: path.split('/').pop()!, content: readFileSync(join(ROOT, path)) });

/** The project's own annual-plan diagram and forms on the engine: started from the web, drafted in the real form. */
describe('web with the real annual-plan diagram', () => {
  let env: WebEnv;
  let h: Harness;
  beforeAll(async () => {
    env = await startWebEnv();
    h = await startHarness(env);
    await h.engine.deploy([resource('forms/annual-plan-draft.form'), resource('forms/annual-plan-approval.form'), resource('processes/annual-plan.bpmn')]);
  });
  afterAll(async () => {
    await h.close();
    await env.close();
  });

  /** Does the yc-deadline worker's part (the draft due date) and answers the draft task of the instance. */
  async function draftTask(processInstanceKey: string): Promise<string> {
    const [deadline] = await h.engine.activateJobs({ type: 'yc-deadline', worker: 'web-test', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
    expect(deadline?.processInstanceKey).toBe(processInstanceKey);
    await h.engine.completeJob(deadline!.key, { planDraftDue: '2026-12-11T23:59:59+08:00' });
    const task = (await h.camunda.searchUserTasks({ filter: { processInstanceKey, state: 'CREATED' }, page: { limit: 1 } })).items[0];
    if (!task) throw new Error('no draft task');
    return task.userTaskKey;
  }

  it('starts the plan from the web, offers the draft to the office only and validates the real form on the server', async () => {
    // given
    const office = await signIn(h.app, LOGINS.office);
    const committee = await signIn(h.app, LOGINS.committee);
    await office.agent.post('/events/annual-plan').type('form').send({ _csrf: office.csrf, subject: '2027', note: '' }).expect(303);
    const started = await h.camunda.searchProcessInstances({ filter: { processDefinitionId: 'annual-plan' }, page: { limit: 10 } });
    expect(started.items).toHaveLength(1);
    const task = { userTaskKey: await draftTask(started.items[0]!.processInstanceKey) };
    // when
    const list = await office.agent.get('/tasks').expect(200);
    const page = await office.agent.get(`/tasks/${task.userTaskKey}`).expect(200);
    const hidden = await committee.agent.get(`/tasks/${task.userTaskKey}`);
    const empty = await office.agent.post(`/tasks/${task.userTaskKey}/complete`).set('x-csrf-token', office.csrf).set('accept', 'application/json').send({ variables: {} });
    // then
    expect(list.text).toContain('起草年度巡查工作方案');
    expect(page.text).toContain('"key":"planTitle"');
    expect(page.text).toContain('2027');
    expect(hidden.status).toBe(404);
    expect(empty.status).toBe(422);
    expect(empty.body.fieldErrors).toEqual({
      'plan.year': '「巡查年度」为必填项。',
      'plan.cycleStart': '「本巡查周期起始日」为必填项。',
      'plan.planTitle': '「方案标题」为必填项。',
      'plan.planTheme': '「年度专题和巡查重点」为必填项。',
      'plan.units': '「本年度被巡查单位编码」为必填项。',
    });
    expect((await h.camunda.getUserTask(task.userTaskKey)).state).toBe('CREATED');
  });
});
