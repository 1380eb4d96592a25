import { auditTrail } from '../../src/db/audit';
import { taskDiagram } from './support/fixtures';
import { deployFixtures, NOTIFY_JOB, seedInspection } from './support/seed';
import { type Harness, LOGINS, NOW, signIn, UNIT_A, UNIT_B, freshWebEachTest } from './support/harness';

describe('web monitoring for administrators', () => {
  let h: Harness;
  /** The active inspection of 坛山街道 with a failed notification job. */
  let inspection: Awaited<ReturnType<typeof seedInspection>>;
  /** A handover (version 2) of 吴林街道 that ran from 1 to 5 October. */
  let handover: string;
  freshWebEachTest(async (harness) => {
    h = harness;
    await deployFixtures(h.engine, h.departmentCode);
    for (const taskName of ['移交问题', '办理移交问题']) {
      await h.engine.deploy([{ name: 'handover.bpmn', content: Buffer.from(taskDiagram({ id: 'handover', name: '问题移交', taskName, candidateGroups: 'office', formId: null })) }]);
    }
    h.engine.clock.pin(Date.parse('2026-10-01T09:00:00+08:00'));
    handover = (await h.engine.createProcessInstance({ bpmnProcessId: 'handover', variables: { unitCode: UNIT_B } })).processInstanceKey;
    const task = (await h.camunda.searchUserTasks({ filter: { processInstanceKey: handover }, page: { limit: 1 } })).items[0]!;
    h.engine.clock.pin(Date.parse('2026-10-05T09:00:00+08:00'));
    await h.engine.completeUserTask(task.userTaskKey, {});
    h.engine.clock.pin(NOW.getTime());
    inspection = await seedInspection(h.engine, h.camunda);
  });

  it('lists instances and filters them by state, incidents and unit', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    // when
    const all = await agent.get('/monitoring').expect(200);
    const active = await agent.get('/monitoring?state=ACTIVE').expect(200);
    const incidents = await agent.get('/monitoring?incidents=1').expect(200);
    const unitB = await agent.get('/monitoring?unit=370404002').expect(200);
    // then
    expect(all.text).toContain('共 2 个流程实例');
    expect(active.text).toContain(inspection.instance);
    expect(active.text).not.toContain(handover);
    expect(incidents.text).toContain('有故障');
    expect(incidents.text).toContain('共 1 个流程实例');
    expect(unitB.text).toContain(handover);
    expect(unitB.text).not.toContain(`>${inspection.instance}<`);
  });

  it('shows an instance with diagram overlays for active, completed and failed elements, incidents and variables', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    // when
    const res = await agent.get(`/monitoring/instances/${inspection.instance}`).expect(200);
    // then
    // the failed job's element stays active with an incident, as in Operate
    expect(res.text).toContain('{"active":["report","notify"],"completed":["start"],"taken":["f1","f3"],"incidents":["notify"]}');
    expect(res.text).toContain('SMTP 连接失败');
    expect(res.text).toContain('<tr><td>发送通知</td><td><span title="JOB_NO_RETRIES">作业重试次数用尽</span></td>');
    expect(res.text).toContain(`&quot;${UNIT_A}&quot;`);
    expect(res.text).toContain('/assets/diagram.js');
    expect(res.text).toContain('终止实例');
  });

  it('retries an incident: raises the job retries, then resolves, and audits it', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.admin);
    // when
    const res = await agent.post(`/monitoring/incidents/${inspection.incident}/retry`).type('form').send({ _csrf: csrf });
    // then
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/monitoring/instances/${inspection.instance}`);
    expect((await h.camunda.getIncident(inspection.incident)).state).toBe('RESOLVED');
    const [job] = await h.engine.activateJobs({ type: NOTIFY_JOB, worker: 'web-test', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
    expect(job).toEqual(expect.objectContaining({ key: inspection.job, retries: 3 }));
    const trail = await auditTrail(h.store.db, { actor: LOGINS.admin });
    expect(trail.map((t) => t.action)).toContain('incident.retry');
  });

  it('cancels an instance', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.admin);
    // when
    await agent.post(`/monitoring/instances/${inspection.instance}/cancel`).type('form').send({ _csrf: csrf }).expect(303);
    // then
    expect((await h.camunda.getProcessInstance(inspection.instance)).state).toBe('TERMINATED');
  });

  it('offers the office a read-only view: no retry or cancel buttons', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const res = await agent.get(`/monitoring/instances/${inspection.instance}`).expect(200);
    // then
    expect(res.text).not.toContain('终止实例');
    expect(res.text).not.toContain('/retry');
  });

  it('finds the instance of a register row by its business key', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    // when
    const found = await agent.get('/monitoring/find?name=inspectionId&value=INS-2026-001');
    const missing = await agent.get('/monitoring/find?name=inspectionId&value=NONE');
    const badName = await agent.get('/monitoring/find?name=password&value=x');
    // then
    expect(found.status).toBe(303);
    expect(found.headers.location).toBe(`/monitoring/instances/${inspection.instance}`);
    expect(missing.status).toBe(404);
    expect(badName.status).toBe(404);
  });

  it('answers 404 for an unknown instance', async () => {
    const { agent } = await signIn(h.app, LOGINS.admin);
    await agent.get('/monitoring/instances/123').expect(404);
  });

  it('exports instances as CSV with a BOM and Chinese headings', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    // when
    const res = await agent.get('/monitoring/export.csv?state=COMPLETED').buffer(true).parse((r, cb) => {
      let data = '';
      r.on('data', (c: Buffer) => (data += c.toString('utf8')));
      r.on('end', () => cb(null, data));
    }).expect(200);
    // then
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = (res.body as string).split('\r\n');
    expect(lines[0]).toBe('\uFEFF实例,流程,版本,状态,故障,开始,结束');
    expect(lines[1]).toBe(`${handover},问题移交,2,已完成,否,2026-10-01 09:00,2026-10-05 09:00`);
    expect(lines).toHaveLength(3);
  });

  it('exports the coverage of every unit as CSV', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    // when
    const res = await agent.get('/monitoring/dashboard/coverage.csv').expect(200);
    // then
    expect(res.text).toContain('单位代码,单位,上次巡查,应巡查截止,状态');
    expect(res.text).toMatch(/\r\n370404001,坛山街道,,\d{4}-\d{2}-\d{2} 00:00,(待巡查|临近周期截止未巡查)\r\n/);
  });

  it('shows the dashboard with coverage of every unit, open incidents and active instances per process', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    // when
    const res = await agent.get('/monitoring/dashboard').expect(200);
    // then
    expect(res.text).toContain('两年覆盖');
    expect(res.text).toContain('坛山街道');
    expect(res.text).toContain('进行中的流程实例（按流程）');
    expect(res.text).toMatch(/<span class="bar-label">巡查<\/span><span class="bar" style="width:100%"><\/span><span class="bar-value">1<\/span>/);
  });

  it('withholds a complainant’s details from the committee and administrators; the office sees them', async () => {
    // given a complaint registered on the inspection
    const complaint = { channel: '来电', complainant: '王某某 13700001111', content: '仓库夜间违规存放危化品' };
    await h.engine.setVariables({ elementInstanceKey: inspection.instance, variables: { complaint } });
    const office = await signIn(h.app, LOGINS.office);
    const admin = await signIn(h.app, LOGINS.admin);
    const committee = await signIn(h.app, LOGINS.committee);
    // when
    const pages = await Promise.all([office, admin, committee].map(async (a) => (await a.agent.get(`/monitoring/instances/${inspection.instance}`).expect(200)).text));
    // then
    expect(pages[0]).toContain('13700001111');
    for (const page of pages.slice(1)) {
      expect(page).not.toContain('13700001111');
      expect(page).not.toContain('王某某');
      expect(page).toContain('来信来电信息仅巡查组和区安委办可见');
    }
  });
});
