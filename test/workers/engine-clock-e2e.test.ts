import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { clockFromConfig, engineClock } from '../../src/camunda/engine-clock';
import { openStore, type Store } from '../../src/db/connect';
import { seedDemoData } from '../../src/db/seed';
import { chinaDate } from '../../src/domain/calendar';
import { startWorkers, type Transport, type WorkerRuntime } from '../../workers';
import { chineseDate } from '../../workers/notify/templates';
import { bpmn } from '../engine/support/bpmn-builder';
import { startEmbeddedEngine, type EmbeddedEngine } from '../support/embedded-engine';
import { harness, type Harness } from '../support/workers';

const run = promisify(execFile);
const YEAR = 365 * 86_400_000;
const DAY = 86_400_000;

/** Opens an inspection, computes its rectification deadline, records the feedback and issues the 反馈意见书. */
const PROCESS = bpmn('clock-follows-engine').start()
  .serviceTask('open', { type: 'yc-record', headers: { action: 'inspection-opened' } })
  .serviceTask('due', { type: 'yc-deadline', headers: { rule: 'calendar-days', amount: '30', result: 'rectificationDue' } })
  .serviceTask('feedback', { type: 'yc-record', headers: { action: 'feedback-given' } })
  .serviceTask('issue', { type: 'yc-document', headers: { docType: 'feedback-opinion' } })
  .end();

/** Where the workers' clock learns the engine's time: its management API, or only the jobs it is handed. */
type Source = 'management API' | 'jobs alone';
const CASES: Array<[Transport, Source]> = [['rest', 'management API'], ['grpc-stream', 'management API'], ['grpc-stream', 'jobs alone']];

describe.each(CASES)("workers read the engine's clock (%s, %s)", (transport, source) => {
  let env: EmbeddedEngine;
  let store: Store;
  let h: Harness;
  let runtime: WorkerRuntime;

  beforeAll(async () => {
    env = await startEmbeddedEngine();
    store = await openStore({ databaseUrl: 'sqlite::memory:' });
    await seedDemoData(store.db, new Date().toISOString());
    h = await harness(store);
    // with the jobs alone, the engine never tells its time when asked: only the jobs' lock deadlines carry it
    const clock = source === 'management API' ? clockFromConfig(env.config(h.dir)) : engineClock(async () => undefined);
    runtime = await startWorkers({ camunda: env.c8, transport, deps: { ...h.deps, clock }, jobTimeoutMs: 10_000, longPollMs: 1_000 });
    await env.engine.deploy([{ name: 'clock.bpmn', content: Buffer.from(PROCESS.xml()) }]);
  });
  afterAll(async () => {
    await runtime.stop();
    await env.close();
    await h.cleanup();
    await store.close();
  });

  it('computes the deadline, the 文号 year, the document date and the register dates in the moved time', async () => {
    // given: the engine's clock pinned a year ahead of this machine's, moved the way an operator does it
    const engineNow = Date.now() + YEAR;
    const moved = await fetch(`http://127.0.0.1:${env.gateways.restPort}/v2/clock`, {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ timestamp: engineNow }),
    });
    expect(moved.status).toBe(204);
    const engineYear = chinaDate(new Date(engineNow)).slice(0, 4);
    expect(engineYear).not.toBe(chinaDate(new Date()).slice(0, 4));
    // when
    const done = await env.engine.createProcessInstanceWithResult({
      bpmnProcessId: 'clock-follows-engine', variables: { unitCode: '370404103' }, requestTimeoutMs: 30_000,
    });
    // then: thirty days from the engine's today (holidays may push it a few days further)
    const due = Date.parse(String(done.variables.rectificationDue));
    expect(due).toBeGreaterThan(engineNow + 29 * DAY);
    expect(due).toBeLessThan(engineNow + 40 * DAY);
    expect(done.variables.feedbackOpinionDocumentNo).toBe(`峄安委〔${engineYear}〕1号`);
    const doc = await store.db.selectFrom('documents').selectAll().where('id', '=', String(done.variables.feedbackOpinionDocumentId)).executeTakeFirstOrThrow();
    expect(doc.year).toBe(Number(engineYear));
    expect(Math.abs(Date.parse(doc.created_at) - engineNow)).toBeLessThan(60_000);
    const { stdout } = await run('unzip', ['-p', join(h.dir, doc.path), 'word/document.xml'], { maxBuffer: 10 * 1024 * 1024 });
    expect(stdout).toContain(chineseDate(new Date(engineNow).toISOString()));
    const inspection = await store.db.selectFrom('inspections').selectAll().where('id', '=', String(done.variables.inspectionId)).executeTakeFirstOrThrow();
    expect(Math.abs(Date.parse(String(inspection.opened_at)) - engineNow)).toBeLessThan(60_000);
    expect(Math.abs(Date.parse(String(inspection.feedback_at)) - engineNow)).toBeLessThan(60_000);
  }, 60_000);
});
