import request from 'supertest';
import { auditTrail } from '../../src/db/audit';
import { taskDiagram } from './support/fixtures';
import { type Harness, LOGINS, NOW, signIn, UNIT_A, UNIT_B, freshWebEachTest } from './support/harness';
import { asCsvText, csvRows, cst, download, readSheet } from './support/xlsx';
import { seedRegisters } from './support/seed';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('XLSX exports next to the CSV ones', () => {
  let h: Harness;
  /** A process instance of 吴林街道 that ran from 1 to 5 October. */
  let completed: string;
  freshWebEachTest(async (harness) => {
    h = harness;
    await seedRegisters(h);
    await h.engine.deploy([{ name: 'handover.bpmn', content: Buffer.from(taskDiagram({ id: 'handover', name: '问题移交', taskName: '移交问题', candidateGroups: 'office', formId: null })) }]);
    h.engine.clock.pin(Date.parse('2026-10-01T09:00:00+08:00'));
    completed = (await h.engine.createProcessInstance({ bpmnProcessId: 'handover', variables: { unitCode: UNIT_B } })).processInstanceKey;
    const task = (await h.camunda.searchUserTasks({ filter: { processInstanceKey: completed }, page: { limit: 1 } })).items[0]!;
    h.engine.clock.pin(Date.parse('2026-10-05T09:00:00+08:00'));
    await h.engine.completeUserTask(task.userTaskKey, {});
    h.engine.clock.pin(NOW.getTime());
    await h.engine.createProcessInstance({ bpmnProcessId: 'handover', variables: { unitCode: UNIT_A } });
  });

  it('exports a register as XLSX with the rows of its CSV, a bold frozen Chinese header and real dates', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const csv = await agent.get('/registers/problems.csv').expect(200);
    const xlsx = await download(agent, '/registers/problems.xlsx');
    // then
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect(xlsx.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('问题清单')}.xlsx`);
    const { sheet, rows } = await readSheet(xlsx.body);
    const text = csvRows(csv.text);
    expect(sheet.name).toBe('问题清单');
    expect(rows[0]).toEqual(text[0]);
    expect(rows[0]).toEqual(['序号', '单位', '类别', '严重程度', '问题', '处置方式', '承办部门', '状态', '期限']);
    expect(rows).toHaveLength(text.length);
    const dueColumn = 8;
    const mine = rows.find((r) => r[4] === '坛山街道危化品仓库未落实双重预防机制')!;
    expect(rows.map((r) => r.map(asCsvText))).toEqual(text);
    expect(mine[dueColumn]).toEqual(cst('2026-11-27T23:59:59+08:00'));
    expect(text.find((r) => r[4] === mine[4])![dueColumn]).toBe('2026-11-27 23:59');
    expect(sheet.getCell(rows.indexOf(mine) + 1, dueColumn + 1).numFmt).toBe('yyyy-mm-dd hh:mm'); // the row of the problem with a deadline
    expect(rows.find((r) => r[4] === '吴林街道安全生产责任制未落实')![dueColumn]).toBeNull();
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 1 }));
    expect(sheet.getColumn(5).width).toBeGreaterThan(sheet.getColumn(1).width!);
    expect(sheet.getColumn(dueColumn + 1).width).toBeGreaterThanOrEqual('2026-11-27 23:59'.length);
    const trail = await auditTrail(h.store.db, { actor: LOGINS.office });
    expect(trail.filter((t) => t.action === 'register.export').map((t) => t.data.format)).toEqual(expect.arrayContaining(['csv', 'xlsx']));
  });

  it('scopes a register XLSX like the CSV: a unit gets only its own rows, a department only what was handed to it', async () => {
    // given
    const unitA = await signIn(h.app, LOGINS.unitA);
    const unitB = await signIn(h.app, LOGINS.unitB);
    const dept = await signIn(h.app, h.departmentLogin);
    // when
    const problemsA = await readSheet((await download(unitA.agent, '/registers/problems.xlsx')).body);
    const problemsB = await readSheet((await download(unitB.agent, '/registers/problems.xlsx')).body);
    const handoversDept = await readSheet((await download(dept.agent, '/registers/handovers.xlsx')).body);
    const handoversB = await readSheet((await download(unitB.agent, '/registers/handovers.xlsx')).body);
    // then
    expect(problemsA.rows.slice(1).map((r) => r[4])).toEqual(['坛山街道危化品仓库未落实双重预防机制']);
    expect(problemsB.rows.slice(1).map((r) => r[4])).toEqual(['吴林街道安全生产责任制未落实']);
    expect(handoversDept.rows.slice(1).map((r) => r[1])).toEqual(['坛山街道危化品仓库未落实双重预防机制']);
    expect(handoversDept.rows[1]![7]).toEqual(cst('2026-12-20T23:59:59+08:00'));
    expect(handoversB.rows).toEqual([['移交文号', '问题', '承办部门', '状态', '移交时间', '签收人', '退回理由', '办理期限', '反馈时间', '办理结果', '处理措施']]);
  });

  it('exports the filtered instance list as XLSX with keys as text and start and end as dates', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    // when
    const csv = await agent.get('/monitoring/export.csv?state=COMPLETED').expect(200);
    const xlsx = await download(agent, '/monitoring/export.xlsx?state=COMPLETED');
    // then
    expect(xlsx.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('流程实例')}.xlsx`);
    const { sheet, rows } = await readSheet(xlsx.body);
    expect(sheet.name).toBe('流程实例');
    expect(rows).toEqual([
      csvRows(csv.text)[0],
      [completed, '问题移交', 1, '已完成', '否', cst('2026-10-01T09:00:00+08:00'), cst('2026-10-05T09:00:00+08:00')],
    ]);
    expect(csvRows(csv.text)[1]).toEqual([completed, '问题移交', '1', '已完成', '否', '2026-10-01 09:00', '2026-10-05 09:00']);
  });

  it('exports the dashboard deadlines and coverage as XLSX', async () => {
    // given
    const { agent } = await signIn(h.app, LOGINS.admin);
    // when
    const overdue = await readSheet((await download(agent, '/monitoring/dashboard/overdue.xlsx')).body);
    const coverage = await readSheet((await download(agent, '/monitoring/dashboard/coverage.xlsx')).body);
    // then
    expect(overdue.sheet.name).toBe('整改与挂牌督办期限');
    expect(overdue.rows).toEqual([
      ['类别', '事项', '单位', '期限', '状态'],
      ['整改', '坛山街道危化品仓库未落实双重预防机制', '坛山街道', cst('2026-11-27T23:59:59+08:00'), '逾期'],
      ['挂牌督办', '坛山街道某化工企业储罐区重大事故隐患', '坛山街道', cst('2026-12-01T23:59:59+08:00'), expect.stringMatching(/^(正常|临期)$/)],
    ]);
    expect(coverage.sheet.name).toBe('巡查覆盖');
    expect(coverage.rows[0]).toEqual(['单位代码', '单位', '上次巡查', '应巡查截止', '状态']);
    expect(coverage.rows.find((r) => r[0] === UNIT_A)).toEqual([UNIT_A, '坛山街道', cst(NOW.toISOString()), expect.any(Date), '本周期已巡查']);
    expect(coverage.rows.find((r) => r[0] === '370404100')).toEqual(['370404100', '古邵镇', null, expect.any(Date), expect.stringMatching(/^(待巡查|临近周期截止未巡查)$/)]);
  });

  it('offers the XLSX links next to the CSV links', async () => {
    // given
    const admin = await signIn(h.app, LOGINS.admin);
    // when
    const register = await admin.agent.get(`/registers/problems?q=${encodeURIComponent('责任制')}`).expect(200);
    const monitoring = await admin.agent.get('/monitoring?state=COMPLETED').expect(200);
    const dashboard = await admin.agent.get('/monitoring/dashboard').expect(200);
    // then
    expect(register.text).toContain(`href="/registers/problems.csv?q=${encodeURIComponent('责任制')}">导出 CSV</a>`);
    expect(register.text).toContain(`href="/registers/problems.xlsx?q=${encodeURIComponent('责任制')}">导出 XLSX</a>`);
    expect(monitoring.text).toMatch(/href="\/monitoring\/export\.xlsx\?[^"]*state=COMPLETED[^"]*">导出 XLSX<\/a>/);
    expect(dashboard.text).toContain('href="/monitoring/dashboard/overdue.xlsx">导出 XLSX</a>');
    expect(dashboard.text).toContain('href="/monitoring/dashboard/coverage.xlsx">导出 XLSX</a>');
  });

  it('refuses the exports to those who may not have them', async () => {
    // given
    const unitA = await signIn(h.app, LOGINS.unitA);
    const team = await signIn(h.app, LOGINS.team);
    const anonymous = request.agent(h.app);
    // when
    const denied = await Promise.all(['/monitoring/export.xlsx', '/monitoring/dashboard/overdue.xlsx', '/monitoring/dashboard/coverage.xlsx'].flatMap((path) => [unitA.agent.get(path), team.agent.get(path)]));
    const anonymousRegister = await anonymous.get('/registers/problems.xlsx');
    const unknown = await unitA.agent.get('/registers/nothing.xlsx');
    // then
    expect(denied.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(denied.every((r) => !String(r.headers['content-type']).includes(XLSX))).toBe(true);
    expect(anonymousRegister.status).toBe(303);
    expect(anonymousRegister.headers.location).toContain('/login');
    expect(unknown.status).toBe(404);
  });
});
