import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockFromConfig } from '../../src/camunda/engine-clock';
import { seedTasks } from './support/seed';
import { type Harness, LOGINS, NOW, signIn, startHarness, startWebEnv, type WebEnv } from './support/harness';

const YEAR = 365 * 86_400_000;
/** How long the web app trusts a reading of the engine's clock in these tests. */
const REFRESH_MS = 100;

describe("the web app reads the engine's clock", () => {
  let env: WebEnv;
  let h: Harness;
  let officeTask: string;

  beforeAll(async () => {
    env = await startWebEnv();
  });
  afterAll(() => env.close());
  beforeEach(async () => {
    await env.purge();
    const config = { ...env.embedded.config(mkdtempSync(join(tmpdir(), 'web-clock-'))), CAMUNDA_MANAGEMENT_ADDRESS: `http://127.0.0.1:${env.embedded.gateways.managementPort}` };
    h = await startHarness(env, {}, clockFromConfig(config, { refreshMs: REFRESH_MS }));
    officeTask = (await seedTasks(h.engine, h.camunda, h.departmentCode)).tasks.office;
  });
  afterEach(() => h.close());

  const moveEngineClock = async (timestamp: number) => {
    const res = await fetch(`http://127.0.0.1:${env.embedded.gateways.restPort}/v2/clock`, {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ timestamp }),
    });
    expect(res.status).toBe(204);
    // the web app sees a moved clock once its reading is older than the refresh interval
    await new Promise((resolve) => setTimeout(resolve, REFRESH_MS + 20));
  };

  it('shows a task due tomorrow as 临期, and as 逾期 once the engine clock is moved a year ahead', async () => {
    // given: the office's task is due 2026-11-29, the engine's clock says 2026-11-28
    const { agent } = await signIn(h.app, LOGINS.office);
    const before = await agent.get('/tasks?view=all&due=overdue').expect(200);
    const soon = await agent.get('/tasks?view=all&due=soon').expect(200);
    // when
    await moveEngineClock(NOW.getTime() + YEAR);
    const after = await agent.get('/tasks?view=all&due=overdue').expect(200);
    // then
    expect(before.text).not.toContain(`/tasks/${officeTask}`);
    expect(soon.text).toContain(`/tasks/${officeTask}`);
    expect(after.text).toContain(`/tasks/${officeTask}`);
    expect(after.text).toContain('逾期');
  });

  it("offers the engine's year when the office starts the annual inspection", async () => {
    // given
    await moveEngineClock(Date.UTC(2028, 2, 1, 2, 0, 0));
    const { agent } = await signIn(h.app, LOGINS.office);
    // when
    const page = await agent.get('/events/annual-plan').expect(200);
    // then
    expect(page.text).toMatch(/name="subject"[^>]*value="2028"|value="2028"[^>]*name="subject"/);
  });
});
