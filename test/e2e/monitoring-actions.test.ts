import request from 'supertest';
import { DEMO_PASSWORD } from '../../src/db/seed';
import { csrfOf } from '../web/support/harness';
import { eventually, REPORT_FORM, REPORT_PROCESS, type Stack, startStack } from './support/stack';

/** Incident retry and instance cancellation through the web app, against the embedded engine. */
describe('web monitoring actions against the embedded engine', () => {
  let s: Stack;
  let admin: request.Agent;
  let csrf: string;

  beforeAll(async () => {
    s = await startStack();
    await s.camunda.deploy([{ name: 'e2e-report.form', content: JSON.stringify(REPORT_FORM) }, { name: 'e2e-rectification.bpmn', content: REPORT_PROCESS }]);
    admin = request.agent(s.web.url.replace(/\/$/, ''));
    const token = csrfOf((await admin.get('/login')).text);
    await admin.post('/login').type('form').send({ _csrf: token, username: 'admin', password: DEMO_PASSWORD }).expect(303);
    csrf = csrfOf((await admin.get('/inbox')).text);
  }, 60_000);
  afterAll(() => s.close());

  /** An instance whose review job failed without retries left: an incident on `review`. */
  async function instanceWithIncident(): Promise<{ processInstanceKey: string; incidentKey: string }> {
    const { processInstanceKey } = await s.engine.createProcessInstance({ bpmnProcessId: 'e2e-rectification', variables: { unitCode: '370404001', dueDate: '2026-12-31T23:59:59+08:00' } });
    const task = await eventually(async () => (await s.camunda.searchUserTasks({ filter: { processInstanceKey, state: 'CREATED' }, page: { limit: 1 } })).items[0]);
    await s.camunda.completeUserTask(task.userTaskKey, { report: '已完成整改工作十项', fixedCount: 10 });
    const [job] = await s.engine.activateJobs({ type: 'e2e-review', worker: 'test', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
    await s.engine.failJob(job!.key, { retries: 0, errorMessage: '审核服务不可用' });
    const incident = await eventually(async () => (await s.camunda.searchIncidents({ filter: { processInstanceKey, state: 'ACTIVE' }, page: { limit: 1 } })).items[0]);
    return { processInstanceKey, incidentKey: incident.incidentKey };
  }

  it('shows the incident on the instance page and retries it: the job is activatable again', async () => {
    // given
    const { processInstanceKey, incidentKey } = await instanceWithIncident();
    const page = await admin.get(`/monitoring/instances/${processInstanceKey}`).expect(200);
    // when
    const res = await admin.post(`/monitoring/incidents/${incidentKey}/retry`).type('form').send({ _csrf: csrf });
    // then
    expect(page.text).toContain('审核服务不可用');
    expect(page.text).toContain('"incidents":["review"]');
    expect(res.status).toBe(303);
    const incident = await s.camunda.getIncident(incidentKey);
    expect(incident.state).not.toBe('ACTIVE');
    const jobs = await s.engine.activateJobs({ type: 'e2e-review', worker: 'test', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.processInstanceKey).toBe(processInstanceKey);
  });

  it('cancels an instance', async () => {
    // given
    const { processInstanceKey } = await s.engine.createProcessInstance({ bpmnProcessId: 'e2e-rectification', variables: { unitCode: '370404001', dueDate: '2026-12-31T23:59:59+08:00' } });
    // when
    await admin.post(`/monitoring/instances/${processInstanceKey}/cancel`).type('form').send({ _csrf: csrf }).expect(303);
    // then
    const instance = await s.camunda.getProcessInstance(processInstanceKey);
    expect(instance.state).toBe('TERMINATED');
    const list = await admin.get('/monitoring?state=TERMINATED').expect(200);
    expect(list.text).toContain(processInstanceKey);
  });
});
