// PostgreSQL restarted while the workers have work: their jobs fail with back-off (no incident while retries
// remain), and once the database is back every job completes and nothing is lost or written twice.
import { openStore, type Store } from '../../src/db/connect';
import { seedDemoData } from '../../src/db/seed';
import { type EngineRecord } from '../../src/engine';
import { startEmbeddedEngine, type EmbeddedEngine } from '../support/embedded-engine';
import { postgresAvailable, startPostgres, type PostgresCluster } from '../support/postgres';
import { eventually } from '../support/worker-engine';
import { instanceEnded, jobHistory, startInProcessWorkers } from './support/in-process-workers';
import { notifyProcess, NOTIFY_PROCESS_ID } from './support/notify-process';
import { startPostgresAgain, stopPostgres } from './support/pg-control';
import { startControlledSmtp, type ControlledSmtp } from './support/smtp';

const describePg = postgresAvailable() ? describe : describe.skip;
const INSTANCES = 5;

describePg('PostgreSQL restarted during work', () => {
  let pg: PostgresCluster;
  let env: EmbeddedEngine;
  let store: Store;
  let smtp: ControlledSmtp;
  let workers: Awaited<ReturnType<typeof startInProcessWorkers>>;
  const records: EngineRecord[] = [];

  beforeAll(async () => {
    pg = await startPostgres();
    store = await openStore({ databaseUrl: await pg.createDatabase('faults_restart') });
    await seedDemoData(store.db);
    env = await startEmbeddedEngine();
    env.engine.onRecords((batch) => records.push(...batch));
    smtp = await startControlledSmtp();
    workers = await startInProcessWorkers(env, store, smtp.port);
    await env.engine.deploy([{ name: 'fault-notify.bpmn', content: Buffer.from(notifyProcess()) }]);
  }, 90_000);

  afterAll(async () => {
    await workers?.stop();
    await smtp?.stop();
    await env?.close();
    await store?.close().catch(() => undefined);
    await pg?.stop();
  }, 60_000);

  it('retries while the database is down and completes every job once when it is back', async () => {
    // given the database goes down while instances are started
    await stopPostgres(pg);
    const keys: string[] = [];
    for (let i = 0; i < INSTANCES; i += 1) keys.push((await env.engine.createProcessInstance({ bpmnProcessId: NOTIFY_PROCESS_ID })).processInstanceKey);

    // when every job has failed once (one retry fewer, a back-off, no incident) and the database is started again
    await eventually(() => keys.every((k) => jobHistory(records, k).some((j) => j.intent === 'FAILED')), 30_000);
    for (const k of keys) {
      const history = jobHistory(records, k);
      expect(history.find((j) => j.intent === 'FAILED')).toMatchObject({ retries: 2, retryBackoff: 10_000 });
      expect(history.some((j) => j.kind === 'INCIDENT')).toBe(false);
    }
    await startPostgresAgain(pg);
    env.engine.clock.add(10_001);

    // then every instance completes without an incident, with one inbox message and one mail per recipient
    await eventually(() => keys.every((k) => records.some(instanceEnded(k))), 30_000);
    expect(keys.flatMap((k) => jobHistory(records, k)).some((j) => j.kind === 'INCIDENT')).toBe(false);
    const rows = await store.db.selectFrom('notifications').select(['email', 'emailed_at']).where('template', '=', 'coverage-warning').execute();
    expect(rows).toHaveLength(INSTANCES * 3);
    expect(rows.every((r) => r.emailed_at !== null)).toBe(true);
    expect(smtp.accepted).toHaveLength(INSTANCES * 3);
    expect(new Set(smtp.accepted.map((m) => m.messageId)).size).toBe(INSTANCES * 3);
  }, 90_000);
});
