// The log is compacted below each periodic snapshot: it keeps the deployed resources and the records after the
// snapshot, and a restart, the REST searches and deployments work on as before.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type EngineOptions } from '../../src/engine/api';
import { EmbeddedEngine } from '../../src/engine/engine';
import { readModels, startGateways } from '../../src/gateway';
import { bpmn } from './support/bpmn-builder';

const count = (engine: EmbeddedEngine, where = '1 = 1') =>
  (engine.database().prepare(`SELECT COUNT(*) AS n FROM engine_records WHERE ${where}`).get() as { n: number }).n;
const compactedThrough = (engine: EmbeddedEngine) =>
  Number((engine.database().prepare(`SELECT value FROM engine_meta WHERE name = 'compacted_through'`).get() as { value?: string } | undefined)?.value ?? 0);
const deploy = (engine: EmbeddedEngine, ...processes: ReturnType<typeof bpmn>[]) =>
  engine.deploy(processes.map((p) => ({ name: `${p.id}.bpmn`, content: Buffer.from(p.xml()) })));

describe('log compaction', () => {
  let dataDir: string;
  const options = (): EngineOptions => ({ dataDir, durability: 'full', clockControlled: true, projections: [readModels()], snapshotEveryRecords: 400 });
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-compaction-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('drops the records below a periodic snapshot, keeps the deployments, and works on after a restart', async () => {
    // given a waiting instance and finished ones until a periodic snapshot was taken
    let engine = await EmbeddedEngine.start(options());
    await deploy(engine, bpmn('work').start().serviceTask('task', { type: 'compaction-work' }).end(), bpmn('quick').start().end());
    const waiting = (await engine.createProcessInstance({ bpmnProcessId: 'work', variables: { 单位: '峄城区应急管理局' } })).processInstanceKey;
    let finished = 0;
    while (compactedThrough(engine) === 0 && finished < 500) {
      await engine.createProcessInstance({ bpmnProcessId: 'quick', variables: {} });
      finished += 1;
    }

    // then the log holds fewer records than were written, and still the two deployed processes
    expect(compactedThrough(engine)).toBeGreaterThan(0);
    expect(count(engine)).toBeLessThan(compactedThrough(engine) / 2);
    expect(count(engine, `position <= ${compactedThrough(engine)}`)).toBe(count(engine, `position <= ${compactedThrough(engine)} AND value_type = 'PROCESS'`));
    expect(count(engine, `value_type = 'PROCESS' AND intent = 'CREATED'`)).toBe(2);
    const state = engine.stateSnapshot();
    const written = compactedThrough(engine);

    // when the engine restarts with its gateways
    await engine.close();
    engine = await EmbeddedEngine.start(options());
    const gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0 });
    try {
      const rest = async (pathName: string, body: unknown) => {
        const res = await fetch(`http://127.0.0.1:${gateways.restPort}/v2${pathName}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        expect(res.status).toBe(200);
        return (await res.json()) as { items: Array<Record<string, unknown>>; page: { totalItems: number } };
      };

      // then the state is the one before, and the REST searches find the instances and the waiting instance's variable
      expect(engine.stateSnapshot()).toEqual(state);
      expect((await rest('/process-instances/search', { filter: { processDefinitionId: 'quick', state: 'COMPLETED' } })).page.totalItems).toBe(finished);
      expect((await rest('/process-instances/search', { filter: { processInstanceKey: waiting } })).items).toEqual([expect.objectContaining({ state: 'ACTIVE' })]);
      expect((await rest('/variables/search', { filter: { processInstanceKey: waiting } })).items).toEqual([expect.objectContaining({ name: '单位', value: '"峄城区应急管理局"' })]);

      // and the waiting instance's job completes it, its records written after the compacted positions
      const [job] = await engine.activateJobs({ type: 'compaction-work', worker: 'w', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
      await engine.completeJob(job.key, {});
      expect((await rest('/process-instances/search', { filter: { processInstanceKey: waiting } })).items).toEqual([expect.objectContaining({ state: 'COMPLETED' })]);
      expect(count(engine, `position <= ${written} AND value_type = 'JOB'`)).toBe(0);

      // and deployments see the versions below the compaction: the same diagram is a duplicate, a changed one version 2
      const same = await deploy(engine, bpmn('work').start().serviceTask('task', { type: 'compaction-work' }).end());
      const changed = await deploy(engine, bpmn('work').start().serviceTask('task', { type: 'compaction-work-2' }).end());
      expect(same.processes[0]).toMatchObject({ version: 1 });
      expect(changed.processes[0]).toMatchObject({ version: 2 });
      expect((await engine.createProcessInstance({ bpmnProcessId: 'work', variables: {} })).processDefinitionKey).toBe(changed.processes[0].processDefinitionKey);
    } finally {
      await gateways.close();
      await engine.close();
    }
  }, 120_000);

  it('refuses to replay a compacted log from its start', async () => {
    // given a compacted log
    const engine = await EmbeddedEngine.start(options());
    await deploy(engine, bpmn('quick').start().end());
    while (compactedThrough(engine) === 0) await engine.createProcessInstance({ bpmnProcessId: 'quick', variables: {} });

    // when a full replay is asked for, then it is refused naming the compaction
    expect(() => engine.replaySnapshot()).toThrow(/compacted through position \d+ and cannot be replayed/);
    await engine.close();
  }, 120_000);
});
