// The clause figures of 条款落实情况 checked against a played cycle: four inspection reports (三（三）3) — on time,
// late, still to come, overdue — their approval and one collective feedback (三（三）4) whose announcement
// (三（三）6) is stuck, played through processes/inspection-report.bpmn and collective-feedback.bpmn on the engine,
// then counted from the engine's REST searches as the page and the quarterly report count them.
import { join } from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { type EngineRecord, type Key } from '../../src/engine/api';
import { readModels, startGateways, type Gateways } from '../../src/gateway';
import { openStore, type Store } from '../../src/db/connect';
import { complianceRecords } from '../../src/db/coverage-status';
import { seedDemoData } from '../../src/db/seed';
import { type Figures } from '../../src/domain/compliance/figures';
import { type Compliance, collectCompliance } from '../../src/reports/compliance/collect';
import { fromCamundaClient } from '../../src/web/camunda/port';
import { root } from './load-diagrams';
import { ProcessHarness } from './support/process-harness';

const figures = (due: number, onTime: number, late: number, open: number, overdue: number): Figures => ({ due, onTime, late, open, overdue });

describe('clause figures of a played cycle', () => {
  let p: ProcessHarness;
  let gateways: Gateways;
  let c8: Camunda8;
  let store: Store;

  beforeAll(async () => {
    p = await ProcessHarness.startWith({ projections: [readModels()] }, 'inspection-report', 'collective-feedback');
    gateways = await startGateways(p.h.engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0, clockControlled: true });
    c8 = new Camunda8({ ZEEBE_REST_ADDRESS: `http://127.0.0.1:${gateways.restPort}`, ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${gateways.grpcPort}`, CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_LOG_LEVEL: 'none' } as never);
    store = await openStore({ databaseUrl: 'sqlite::memory:' });
    await seedDemoData(store.db);
  });
  afterAll(async () => {
    await c8.closeAllClients();
    await gateways.close();
    await p.close();
    await store.close();
  });

  /** Completes every open job of the types (notices, records, documents), as their workers would. */
  const drain = async (...types: string[]) => {
    for (const type of types) for (const job of await p.h.activate(type, 50)) await p.h.engine.completeJob(job.key, {});
  };
  const openTask = (pi: Key, elementId: string): EngineRecord => {
    const ended = new Set(p.h.records.filter((r) => r.valueType === 'USER_TASK' && ['COMPLETED', 'CANCELED'].includes(r.intent)).map((r) => r.key));
    const task = p.h.records.find((r) => r.valueType === 'USER_TASK' && r.intent === 'CREATED' && r.value.processInstanceKey === pi && r.value.elementId === elementId && !ended.has(r.key));
    if (!task) throw new Error(`no open ${elementId} in ${pi}`);
    return task;
  };
  const report = async (unitCode: string, unitName: string, due: string, reminder: string): Promise<Key> => {
    const pi = await p.create('inspection-report', { inspectionId: `I-${unitCode}`, unitCode, unitName, inspectionNo: `XC-${unitCode}`, onsiteEnd: '2026-03-05', problems: [] });
    await p.deadline({ result: 'reportDue' }, due, reminder);
    await p.awaitTask('draft-report');
    return pi;
  };
  const submit = async (pi: Key, approvalDue: string) => {
    await p.h.engine.completeUserTask(openTask(pi, 'draft-report').key, { reportSummary: '基本情况……', problems: [] });
    await drain('yc-record');
    await p.deadline({ result: 'reportApprovalDue' }, approvalDue);
  };

  it('counts due, on time, late, open and overdue for each clause the cycle touched', async () => {
    // given: at 2026-03-02 four reports fall due — 坛山街道 and 吴林街道 on 03-20, 榴园镇 on 03-25, 古邵镇 on 04-30
    const onTime = await report('370404001', '坛山街道', '2026-03-20T23:59:59+08:00', '2026-03-17T23:59:59+08:00');
    const late = await report('370404002', '吴林街道', '2026-03-20T23:59:59+08:00', '2026-03-17T23:59:59+08:00');
    await report('370404103', '榴园镇', '2026-03-25T23:59:59+08:00', '2026-03-22T23:59:59+08:00');
    await report('370404100', '古邵镇', '2026-04-30T23:59:59+08:00', '2026-04-27T23:59:59+08:00');
    // 坛山街道 reports on 03-10, the committee approves on 03-12, the feedback meeting is held on 03-13
    p.moveClockTo('2026-03-10T10:00:00+08:00');
    await submit(onTime, '2026-03-24T23:59:59+08:00');
    p.moveClockTo('2026-03-12T10:00:00+08:00');
    await p.h.engine.completeUserTask(openTask(onTime, 'approve-report').key, { reportDecision: 'approve', reportOpinion: '同意' });
    await drain('yc-record');
    await p.completed(onTime);
    const feedback = await p.create('collective-feedback', { inspectionId: 'I-370404001', unitCode: '370404001', unitName: '坛山街道', inspectionNo: 'XC-370404001', unitHeadName: '王某' });
    await drain('yc-document');
    await p.deadline({ result: 'feedbackDue' }, '2026-03-26T23:59:59+08:00');
    p.moveClockTo('2026-03-13T10:00:00+08:00');
    await p.task('hold-feedback-meeting', { feedbackDate: '2026-03-13', feedbackPlace: '坛山街道办事处会议室', attendeeCount: 20, headAttended: true, receiptSigned: true });
    await p.job('yc-record', { action: 'feedback-given' });
    // the feedback reaches the unit head; its public announcement fails and stays undone
    await p.job('yc-notify', { template: 'feedback' });
    await p.awaitActive(feedback, ['announce-feedback']);
    // 吴林街道's 15 days pass (reminder, overdue notice) and it reports on 03-23; its approval is still to come
    p.moveClockTo('2026-03-21T00:00:01+08:00');
    await p.job('yc-notify', { template: 'report-reminder' });
    await p.job('yc-notify', { template: 'report-overdue' });
    p.moveClockTo('2026-03-23T10:00:00+08:00');
    await submit(late, '2026-04-06T23:59:59+08:00');
    // 榴园镇's deadline passes without a report
    p.moveClockTo('2026-03-28T12:00:00+08:00');
    await p.job('yc-notify', { template: 'report-reminder' });
    await p.job('yc-notify', { template: 'report-overdue' });

    // when the figures are collected at the engine's time
    const c: Compliance = await collectCompliance({
      camunda: fromCamundaClient(c8.getOrchestrationClusterApiClient()), store: complianceRecords(store.db, '2025-11-12'),
      processesDir: join(root, 'processes'), now: new Date(p.h.engine.clock.now()),
    });

    // then each affected element …
    const row = (key: string) => c.rows.find((r) => r.key === key)!;
    expect(row('inspection-report/draft-report').figures).toEqual(figures(4, 1, 1, 1, 1));
    // a boundary timer is an element instance only once it fires (Zeebe): the waiting ones are not counted
    expect(row('inspection-report/report-overdue').timer).toEqual({ fired: 2, waiting: 0 });
    expect(row('inspection-report/approve-report').figures).toEqual(figures(2, 1, 0, 1, 0));
    expect(row('collective-feedback/hold-feedback-meeting').figures).toEqual(figures(1, 1, 0, 0, 0));
    expect(row('collective-feedback/notify-feedback').figures).toEqual(figures(1, 1, 0, 0, 0));
    expect(row('collective-feedback/announce-feedback').figures).toEqual(figures(1, 0, 0, 0, 1));
    // … and each clause
    const clause = (citation: string) => c.rows.filter((r) => r.clause === citation && r.kind !== 'timer')
      .reduce((f, r) => figures(f.due + r.figures.due, f.onTime + r.figures.onTime, f.late + r.figures.late, f.open + r.figures.open, f.overdue + r.figures.overdue), figures(0, 0, 0, 0, 0));
    expect(clause('三（三）3')).toEqual(figures(4, 1, 1, 1, 1));
    expect(clause('三（三）4')).toEqual(figures(4, 3, 0, 1, 0));
    expect(clause('三（三）6')).toEqual(figures(1, 0, 0, 0, 1));
    // the late report is 吴林街道's, the overdue one 榴园镇's
    const keptInTime = (unitCode: string) => c.occurrences.filter((o) => o.row === 'inspection-report/draft-report' && o.unitCode === unitCode).map((o) => (o.doneAt ? o.doneAt <= o.dueAt : 'open'));
    expect(keptInTime('370404001')).toEqual([true]);
    expect(keptInTime('370404002')).toEqual([false]);
    expect(c.byUnit.find((u) => u.unitCode === '370404103')).toEqual(expect.objectContaining({ unitName: '榴园镇', overdue: 1 }));
    // the months: in April fall 古邵镇's report and 吴林街道's approval, both still to come
    expect(c.byMonth.find((m) => m.month === '2026-04')).toEqual(expect.objectContaining({ open: 2 }));
  });
});
