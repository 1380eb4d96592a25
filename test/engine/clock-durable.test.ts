import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine, type Engine } from '../../src/engine';
import { readModels, startGateways, type Gateways } from '../../src/gateway';
import { bpmn } from './support/bpmn-builder';

const YEAR = 365 * 86_400_000;

/** The engine and its gateways on free ports over a data folder that outlives them, as `npm run engine` runs it. */
async function open(dataDir: string, clockControlled = true): Promise<{ engine: Engine; gateways: Gateways; close(): Promise<void> }> {
  const engine = await createEngine({ dataDir, durability: 'full', clockControlled, projections: [readModels()] });
  const gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0 });
  return { engine, gateways, close: async () => { await gateways.close(); await engine.close(); } };
}

async function clockOf(gateways: Gateways): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${gateways.managementPort}/actuator/clock`);
  return ((await res.json()) as { epochMilli: number }).epochMilli;
}

describe('controlled clock across restarts', () => {
  let dataDir: string;
  let running: Awaited<ReturnType<typeof open>> | undefined;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-clock-'));
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps an offset moved through /actuator/clock/add, and jobs locked in moved time time out in moved time', async () => {
    // given: the clock moved a year ahead and a job locked for a minute of that time
    running = await open(dataDir);
    const moved = await fetch(`http://127.0.0.1:${running.gateways.managementPort}/actuator/clock/add`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMilli: YEAR }),
    });
    expect(moved.status).toBe(200);
    await running.engine.deploy([{ name: 'work.bpmn', content: Buffer.from(bpmn('work').start().serviceTask('t', { type: 'work' }).end().xml()) }]);
    await running.engine.createProcessInstance({ bpmnProcessId: 'work', variables: {} });
    const [locked] = await running.engine.activateJobs({ type: 'work', worker: 'w', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
    expect(locked.deadline).toBeGreaterThan(Date.now() + YEAR - 60_000);
    await running.close();
    // when
    running = await open(dataDir);
    // then: the same moved time, and a minute later of it the job is free again (not a year later)
    const now = await clockOf(running.gateways);
    expect(now).toBeGreaterThan(Date.now() + YEAR - 60_000);
    expect(now).toBeLessThan(Date.now() + YEAR + 60_000);
    running.engine.clock.add(61_000);
    const deadline = Date.now() + 5_000;
    let again: unknown[] = [];
    while (again.length === 0 && Date.now() < deadline) {
      again = await running.engine.activateJobs({ type: 'work', worker: 'w', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
      if (again.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(again).toHaveLength(1);
  });

  it('keeps a clock pinned through PUT /v2/clock, and forgets it after POST /v2/clock/reset', async () => {
    // given
    const pinned = Date.UTC(2027, 4, 20, 1, 0, 0);
    running = await open(dataDir);
    const rest = () => `http://127.0.0.1:${running?.gateways.restPort}/v2/clock`;
    expect((await fetch(rest(), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ timestamp: pinned }) })).status).toBe(204);
    await running.close();
    // when
    running = await open(dataDir);
    // then
    expect(await clockOf(running.gateways)).toBe(pinned);
    // when: reset, then restarted again
    expect((await fetch(`${rest()}/reset`, { method: 'POST' })).status).toBe(204);
    await running.close();
    running = await open(dataDir);
    // then: the wall clock
    expect(Math.abs((await clockOf(running.gateways)) - Date.now())).toBeLessThan(60_000);
  });

  it('keeps the clock setting through a purge', async () => {
    // given
    const pinned = Date.UTC(2027, 0, 4, 1, 0, 0);
    running = await open(dataDir);
    running.engine.clock.pin(pinned);
    await running.engine.purge();
    await running.close();
    // when
    running = await open(dataDir);
    // then
    expect(running.engine.clock.now()).toBe(pinned);
  });

  it('runs on the wall clock when restarted without clock control', async () => {
    // given
    running = await open(dataDir);
    running.engine.clock.add(YEAR);
    await running.close();
    // when
    running = await open(dataDir, false);
    // then
    expect(Math.abs(running.engine.clock.now() - Date.now())).toBeLessThan(60_000);
  });
});
