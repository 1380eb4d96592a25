import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { clockFromConfig } from '../../src/camunda/engine-clock';
import { accountsWithRole } from '../../src/db/accounts';
import { openStore, type Store } from '../../src/db/connect';
import { documentRegister } from '../../src/db/documents';
import { inbox } from '../../src/db/notifications';
import { seedDemoData } from '../../src/db/seed';
import { searchesOf } from '../../src/camunda/search';
import { startWorkers, type WorkerRuntime } from '../../workers';
import { startEmbeddedEngine, type EmbeddedEngine } from '../support/embedded-engine';
import { eventually } from '../support/eventually';
import { harness, type Harness } from '../support/workers';
import { taskDiagram } from '../web/support/fixtures';

const run = promisify(execFile);
const at = (iso: string) => Date.parse(iso);

/** One user task citing 三（三）1 that falls due at `trainingDue`. */
const TRAINING = taskDiagram({ id: 'training', name: '巡查轮次', taskName: '组织集中培训', dueDate: '=trainingDue', candidateGroups: 'office', formId: null })
  .replace(/(<bpmn:userTask id="report"[^>]*>)/, '$1<bpmn:documentation>三（三）1：在每一轮巡查工作开始前，组织巡查人员集中培训</bpmn:documentation>');
const REPORT = readFileSync(join(__dirname, '..', '..', 'processes', 'compliance-report.bpmn'), 'utf8');

const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');

describe('yc-compliance-report: the quarterly report to the committee', () => {
  let env: EmbeddedEngine;
  let store: Store;
  let h: Harness;
  let runtime: WorkerRuntime;

  beforeAll(async () => {
    env = await startEmbeddedEngine();
    store = await openStore({ databaseUrl: 'sqlite::memory:' });
    await seedDemoData(store.db);
    h = await harness(store);
    const processesDir = mkdtempSync(join(tmpdir(), 'compliance-report-'));
    writeFileSync(join(processesDir, 'training.bpmn'), TRAINING);
    // the workers read the engine's time, as in production: one clock
    runtime = await startWorkers({
      camunda: env.c8, transport: 'grpc-stream', jobTimeoutMs: 10_000, longPollMs: 1_000,
      deps: { ...h.deps, clock: clockFromConfig(env.config(h.dir)), settings: { ...h.deps.settings, processesDir } },
    });
  });
  afterAll(async () => {
    await runtime.stop();
    await env.close();
    await h.cleanup();
    await store.close();
  });

  it('at the quarter\'s end issues a DOCX with the figures and both charts, files it and tells the committee', async () => {
    // given: four trainings in the fourth quarter — on time, late, overdue and one not yet due
    const { engine } = env;
    engine.clock.pin(at('2026-10-01T09:00:00+08:00'));
    await engine.deploy([{ name: 'training.bpmn', content: Buffer.from(TRAINING) }, { name: 'compliance-report.bpmn', content: Buffer.from(REPORT) }]);
    const start = async (unitCode: string, trainingDue: string) =>
      (await engine.createProcessInstance({ bpmnProcessId: 'training', variables: { unitCode, trainingDue } })).processInstanceKey;
    const onTime = await start('370404001', '2026-10-10T09:00:00+08:00');
    const late = await start('370404002', '2026-10-10T09:00:00+08:00');
    await start('370404001', '2026-11-20T09:00:00+08:00');
    await start('370404002', '2027-01-20T09:00:00+08:00');
    const search = searchesOf(env.c8.getOrchestrationClusterApiClient());
    const taskOf = async (instance: string) => (await search.searchUserTasks({ filter: { processInstanceKey: instance } })).items[0]!.userTaskKey;
    engine.clock.pin(at('2026-10-05T09:00:00+08:00'));
    await engine.completeUserTask(await taskOf(onTime), {});
    engine.clock.pin(at('2026-10-15T09:00:00+08:00'));
    await engine.completeUserTask(await taskOf(late), {});
    engine.clock.pin(at('2026-12-31T23:59:00+08:00'));
    expect(await documentRegister(store.db, { docType: 'compliance-report' })).toEqual([]);

    // when: the quarter ends on the engine's clock
    engine.clock.pin(at('2027-01-01T00:00:01+08:00'));

    // then: the report is filed in the documents register with the office's next 文号 of 2027 …
    const committee = (await accountsWithRole(store.db, 'committee')).map((a) => a.id);
    const messages = await eventually(async () => {
      const all = (await Promise.all(committee.map((id) => inbox(store.db, id)))).flat().filter((m) => m.template === 'compliance-report');
      return all.length === committee.length && all.length > 0 ? all : undefined;
    }, 60_000);
    const [doc] = await documentRegister(store.db, { docType: 'compliance-report' });
    expect(doc).toMatchObject({ issuer: '峄安委办', year: 2027, doc_no: '峄安委办〔2027〕1号', title: '关于2026年第四季度安全生产巡查条款落实情况的报告', subject: 'compliance:2026-Q4' });
    // … and reaches the committee's inbox with its 文号
    expect(messages[0]!.subject).toBe('【季度报告】2026年第四季度安全生产巡查条款落实情况');
    expect(messages[0]!.body).toContain('《关于2026年第四季度安全生产巡查条款落实情况的报告》（峄安委办〔2027〕1号）');

    // the DOCX holds both charts as PNG images and the figures of each clause
    const file = join(h.dir, doc!.path);
    const { stdout: listing } = await run('unzip', ['-l', file]);
    const images = [...listing.matchAll(/word\/media\/\S+\.png/g)].map((m) => m[0]);
    expect(images).toHaveLength(2);
    for (const image of images) {
      const { stdout: png } = await run('unzip', ['-p', file, image], { encoding: 'buffer', maxBuffer: 10 * 1024 * 1024 });
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(10_000);
    }
    const xml = (await run('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 10 * 1024 * 1024 })).stdout;
    expect(xml.match(/<pic:pic\b/g)).toHaveLength(2);
    const body = text(xml);
    expect(body).toContain('峄城区安全生产委员会办公室文件');
    expect(body).toContain('区安委会：');
    expect(body).toContain('三（三）1（制定年度巡查工作方案，提前告知被巡查单位；每一轮巡查开始前组织巡查人员集中培训）：应办4项，按期完成1项，逾期完成1项，未到期1项，逾期未办1项。');
    expect(body).toContain('图1 各条款落实情况');
    expect(body).toContain('图2 按月趋势（按期限所在月份）');
    expect(body).toContain('三（三）1 组织集中培训，坛山街道，期限2026年11月20日。');
    // the quarter's own: three trainings fell due in October and November, none is still to come
    expect(body).toMatch(/其中期限在2026年第四季度的应办3项，按期完成1项，逾期完成1项，未到期0项，逾期未办1项。/);
    expect(body).toContain('2027年1月1日');
  }, 120_000);
});
