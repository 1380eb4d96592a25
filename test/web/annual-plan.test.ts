import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Agent } from 'supertest';
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

  /** Starts the plan of `year` from the web as the office and returns the new instance's key. */
  async function startPlan(office: { agent: Agent; csrf: string }, year: string): Promise<string> {
    const before = new Set((await h.camunda.searchProcessInstances({ filter: { processDefinitionId: 'annual-plan' }, page: { limit: 100 } })).items.map((i) => i.processInstanceKey));
    await office.agent.post('/events/annual-plan').type('form').send({ _csrf: office.csrf, subject: year, note: '' }).expect(303);
    const after = await h.camunda.searchProcessInstances({ filter: { processDefinitionId: 'annual-plan' }, page: { limit: 100 } });
    const started = after.items.find((i) => !before.has(i.processInstanceKey));
    if (!started) throw new Error(`the ${year} plan did not start`);
    return started.processInstanceKey;
  }

  /** A complete draft of the real form: three units in the plan, two rounds of two weeks. */
  const draft = (units: string[], roundUnits: string[][]) => ({
    plan: {
      year: 2028, cycleStart: '2027-11-12', planTitle: '峄城区2028年度安全生产巡查工作方案', planTheme: '聚焦危险化学品、城镇燃气和人员密集场所消防安全',
      units, rounds: roundUnits.map((u, i) => ({ no: i + 1, start: `2028-0${3 + i}-06`, end: `2028-0${3 + i}-24`, units: u })),
    },
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
      'plan.units': '「本年度被巡查单位」为必填项。',
    });
    expect((await h.camunda.getUserTask(task.userTaskKey)).state).toBe('CREATED');
  });

  it('offers the units by name from the domain store and moves on with their codes once the draft is submitted', async () => {
    // given a draft task of the 2028 plan
    const office = await signIn(h.app, LOGINS.office);
    const instance = await startPlan(office, '2028');
    const task = await draftTask(instance);
    // when the office opens it and submits valid units and rounds (with a forged option list on top)
    const page = await office.agent.get(`/tasks/${task}`).expect(200);
    const forged = { ...draft(['370404001', '370404002', 'YC-M-01'], [['370404001', 'YC-M-01'], ['370404002']]), unitOptions: [{ label: '伪造', value: 'X' }] };
    const done = await office.agent.post(`/tasks/${task}/complete`).set('x-csrf-token', office.csrf).set('accept', 'application/json').send({ variables: forged });
    // then the form data carried the unit list, and the process went on to check the plan with the codes only
    expect(page.text).toContain('"valuesKey":"unitOptions"');
    expect(page.text).toContain('{"label":"坛山街道","value":"370404001"}');
    expect(page.text).toContain('{"label":"区委办公室（区委办）","value":"YC-M-01"}');
    expect(done.status).toBe(200);
    expect((await h.camunda.getUserTask(task)).state).toBe('COMPLETED');
    const [check] = await h.engine.activateJobs({ type: 'yc-plan-check', worker: 'web-test', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
    expect(check?.processInstanceKey).toBe(instance);
    expect(check!.variables.plan).toEqual(draft(['370404001', '370404002', 'YC-M-01'], [['370404001', 'YC-M-01'], ['370404002']]).plan);
    expect(Object.keys(check!.variables)).not.toContain('unitOptions');
  });

  it('rejects a unit code that is not among the offered units, naming the field in Chinese', async () => {
    // given a draft task of the 2029 plan
    const office = await signIn(h.app, LOGINS.office);
    const task = await draftTask(await startPlan(office, '2029'));
    // when the draft names a unit that does not exist, in the plan and in a round
    const res = await office.agent.post(`/tasks/${task}/complete`).set('x-csrf-token', office.csrf).set('accept', 'application/json')
      .send({ variables: draft(['370404001', 'YC-M-99'], [['370404001', '370404999']]) });
    // then nothing is completed and both fields are named
    expect(res.status).toBe(422);
    expect(res.body.fieldErrors).toEqual({
      'plan.units': '「本年度被巡查单位」包含无效选项。',
      'plan.rounds[0].units': '「本轮被巡查单位」包含无效选项。',
    });
    expect((await h.camunda.getUserTask(task)).state).toBe('CREATED');
  });
});
