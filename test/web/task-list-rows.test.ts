import { openInspection, recordPlan, recordTeams, registerProblems, updateInspection, updateProblem } from '../../src/db/registers/inspections';
import { createHandover, listHazard, updateHandover } from '../../src/db/registers/supervision';
import { taskDiagram } from './support/fixtures';
import { type Harness, LOGINS, NOW, signIn, freshWebEachTest, UNIT_A, UNIT_B } from './support/harness';

const ENTRY = '进驻并通报巡查工作任务';
const UNITS = ['坛山街道', '吴林街道', '古邵镇'];

/** Rows of the task list: which unit and team each task concerns, a filter by unit, people by name, a confirmation. */
describe('task list rows', () => {
  let h: Harness;
  let keys: string[];
  freshWebEachTest(async (harness) => {
    h = harness;
    const by = { name: 'system', at: NOW.toISOString() };
    const { planId } = await recordPlan(h.store.db, by, { year: 2027, cycleStart: '2025-11-12', units: [UNIT_A, UNIT_B], rounds: [] });
    const people = await h.store.db.selectFrom('people').select('id').orderBy('id').limit(2).execute();
    const teams = await recordTeams(h.store.db, by, planId, [{ name: '第二巡查组', leaderId: people[0]!.id, deputyId: people[1]!.id, memberIds: [], expertIds: [] }]);
    await h.engine.deploy([{ name: 'entry.bpmn', content: Buffer.from(taskDiagram({ id: 'entry', name: '进驻', taskName: ENTRY, candidateGroups: 'office', formId: null })) }]);
    keys = [];
    for (const unitName of UNITS) {
      const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId: 'entry', variables: { unitName, teamId: teams['第二巡查组'] } });
      keys.push((await h.camunda.searchUserTasks({ filter: { processInstanceKey }, page: { limit: 1 } })).items[0]!.userTaskKey);
    }
  });

  const rowOf = (page: string, key: string) => new RegExp(`<tr>\\s*<td><a href="/tasks/${key}">[\\s\\S]*?</tr>`).exec(page)?.[0] ?? '';

  it('shows the unit and the team of each of the identical tasks', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const page = (await agent.get('/tasks').expect(200)).text;
    // then
    expect(page).toContain('<th scope="col">单位</th><th scope="col">巡查组</th>');
    UNITS.forEach((unit, i) => {
      expect(rowOf(page, keys[i]!)).toContain(`<td>${unit}</td>`);
      expect(rowOf(page, keys[i]!)).toContain('<td>第二巡查组</td>');
    });
  });

  it('filters by unit in the engine', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const page = (await agent.get(`/tasks?view=all&unit=${encodeURIComponent('吴林街道')}`).expect(200)).text;
    // then
    expect(page).toContain(`/tasks/${keys[1]}`);
    expect(page).not.toContain(`/tasks/${keys[0]}`);
    expect(page).not.toContain(`/tasks/${keys[2]}`);
    expect(page).toContain('<option value="吴林街道" selected>吴林街道</option>');
  });

  it('shows who holds a task by name, not by login', async () => {
    // given a task claimed by a team leader
    await h.engine.assignUserTask(keys[0]!, { assignee: LOGINS.teamLeader, allowOverride: true });
    const leader = await h.store.db.selectFrom('accounts').select('display_name').where('login', '=', LOGINS.teamLeader).executeTakeFirstOrThrow();
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const list = (await agent.get('/tasks').expect(200)).text;
    const task = (await agent.get(`/tasks/${keys[0]}`).expect(200)).text;
    // then
    expect(rowOf(list, keys[0]!)).toContain(`<td>${leader.display_name}</td>`);
    expect(rowOf(list, keys[0]!)).not.toContain(LOGINS.teamLeader);
    expect(task).toContain(`<dd>${leader.display_name}</dd>`);
  });

  it('confirms a completed task at the top of the list', async () => {
    // given
    const { agent, csrf } = await signIn(h.app, LOGINS.office);
    // when the office completes a task from the page's form
    const res = await agent.post(`/tasks/${keys[2]}/complete`).type('form').send({ _csrf: csrf }).expect(303);
    const list = (await agent.get(res.headers.location!).expect(200)).text;
    // then
    expect(res.headers.location).toBe(`/tasks?done=${encodeURIComponent(ENTRY)}`);
    expect(list).toContain(`<p class="notice success" role="status">已提交「${ENTRY}」，任务已办结。</p>`);
    expect(list).not.toContain(`/tasks/${keys[2]}"`);
  });

  it('shows an inspected unit its deadlines and the state of each of its problems, and no other unit’s', async () => {
    // given 坛山街道 rectifying after feedback, one problem handed over, one being rectified, a listed hazard; and 吴林街道's problem
    const by = { name: 'worker:yc-record', at: NOW.toISOString() };
    const db = h.store.db;
    const mine = await openInspection(db, by, { unitCode: UNIT_A });
    await updateInspection(db, by, mine, 'feedback', { status: 'rectifying', rectification_due: '2027-01-28T23:59:59+08:00' });
    const [handed, fixing] = await registerProblems(db, by, mine, [
      { category: 'C5', severity: '一般', description: '燃气管道占压' }, { category: 'C5', severity: '一般', description: '消防通道堵塞', due: '2026-11-27T23:59:59+08:00' }]);
    await updateProblem(db, by, handed!, 'handover', { status: 'handed-over', route: 'handover', department_code: h.departmentCode });
    await updateProblem(db, by, fixing!, 'rectify', { status: 'rectifying', route: 'rectify' });
    await listHazard(db, by, { name: '液氨储罐区重大事故隐患', unit_code: UNIT_A, rectify_due: '2027-02-01T23:59:59+08:00' });
    await registerProblems(db, by, await openInspection(db, by, { unitCode: UNIT_B }), [{ category: 'C3', severity: '较大', description: '吴林街道责任制未落实' }]);
    const department = await db.selectFrom('units').select('name').where('code', '=', h.departmentCode).executeTakeFirstOrThrow();
    // when the unit and the office open their task lists
    const unit = (await (await signIn(h.app, LOGINS.unitA)).agent.get('/tasks').expect(200)).text;
    const office = (await (await signIn(h.app, LOGINS.office)).agent.get('/tasks').expect(200)).text;
    // then
    const section = /<section class="card" aria-labelledby="open-title">[\s\S]*?<\/section>/.exec(unit)?.[0] ?? '';
    expect(section).toContain('<td>问题1：燃气管道占压</td><td>坛山街道</td><td>已移交，承办：' + department.name + '</td>');
    expect(section).toContain('<td>问题2：消防通道堵塞</td><td>坛山街道</td><td>整改中</td><td><span class="badge red">逾期 · 2026年11月27日 23:59</span></td>');
    expect(section).toContain('<td>挂牌督办隐患</td><td>液氨储罐区重大事故隐患</td>');
    expect(section).toContain('<td>巡查整改</td>');
    expect(section).not.toContain('吴林街道');
    expect(office).not.toContain('本单位整改期限和问题状态');
  });

  it('lists a department’s handovers to sign and to report on, each linked to its task with the task’s deadline', async () => {
    // given two handovers to the department, one sent and one received, each with its open task in problem-handover
    const by = { name: 'worker:yc-handover', at: NOW.toISOString() };
    const db = h.store.db;
    const inspection = await openInspection(db, by, { unitCode: UNIT_A });
    const [p1, p2] = await registerProblems(db, by, inspection, [{ category: 'C5', severity: '一般', description: '燃气管道占压' }, { category: 'C5', severity: '一般', description: '电梯维保缺失' }]);
    const toSign = await createHandover(db, by, { problemId: p1!, departmentCode: h.departmentCode, resultDue: '2026-12-28T23:59:59+08:00' });
    const toReport = await createHandover(db, by, { problemId: p2!, departmentCode: h.departmentCode, resultDue: '2026-11-27T23:59:59+08:00' });
    await updateHandover(db, by, toReport, 'receive', { status: 'received', received_at: by.at });
    const groups = `=["department", "department:" + departmentCode]`;
    await h.engine.deploy([{ name: 'problem-handover.bpmn', content: Buffer.from(taskDiagram({ id: 'problem-handover', name: '问题移交', taskName: '签收移交问题', candidateGroups: groups, formId: null, dueDate: '=taskDue' })) }]);
    const taskOf = async (handoverId: string, taskDue: string) => {
      const { processInstanceKey } = await h.engine.createProcessInstance({ bpmnProcessId: 'problem-handover', variables: { handoverId, departmentCode: h.departmentCode, taskDue } });
      return (await h.camunda.searchUserTasks({ filter: { processInstanceKey }, page: { limit: 1 } })).items[0]!.userTaskKey;
    };
    const signTask = await taskOf(toSign, '2026-12-03T23:59:59+08:00');
    const reportTask = await taskOf(toReport, '2026-11-27T23:59:59+08:00');
    const { agent } = await signIn(h.app, h.departmentLogin);
    // when the department opens its task list
    const list = (await agent.get('/tasks').expect(200)).text;
    const office = (await (await signIn(h.app, LOGINS.office)).agent.get('/tasks').expect(200)).text;
    // then each handover links to its own task, with the task's deadline, and no longer to a 情况报告 form
    const section = /<section class="card" aria-labelledby="handover-title">[\s\S]*?<\/section>/.exec(list)?.[0] ?? '';
    expect(section).toMatch(new RegExp(`<td>燃气管道占压</td><td>坛山街道</td><td>[^<]+</td><td>待签收</td>[\\s\\S]*?2026年12月3日 23:59[\\s\\S]*?href="/tasks/${signTask}">签收</a>`));
    expect(section).toMatch(new RegExp(`<td>电梯维保缺失</td>[\\s\\S]*?<td>待反馈结果</td>[\\s\\S]*?逾期 · 2026年11月27日 23:59[\\s\\S]*?href="/tasks/${reportTask}">报送办理结果</a>`));
    expect(section).not.toContain('/events/');
    expect(list).not.toContain('href="/events"');
    expect(office).not.toContain('移交问题待办');
  });
});
