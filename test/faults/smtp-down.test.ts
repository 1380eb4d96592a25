// The SMTP server down: yc-notify fails its job with one retry fewer and a back-off, the inbox keeps the message,
// and the mail goes out once the server is back; only when every retry is used up does an incident appear.
import { openStore, type Store } from '../../src/db/connect';
import { seedDemoData } from '../../src/db/seed';
import { type EngineRecord } from '../../src/engine';
import { startEmbeddedEngine, type EmbeddedEngine } from '../support/embedded-engine';
import { eventually } from '../support/worker-engine';
import { instanceEnded, jobHistory, startInProcessWorkers } from './support/in-process-workers';
import { notifyProcess, NOTIFY_PROCESS_ID } from './support/notify-process';
import { startControlledSmtp, type ControlledSmtp } from './support/smtp';

describe('notifications while the SMTP server is down', () => {
  let env: EmbeddedEngine;
  let store: Store;
  let smtpPort: number;
  let workers: Awaited<ReturnType<typeof startInProcessWorkers>>;
  let smtp: ControlledSmtp | undefined;
  const records: EngineRecord[] = [];

  beforeAll(async () => {
    env = await startEmbeddedEngine();
    env.engine.onRecords((batch) => records.push(...batch));
    // a free port with nothing listening on it: connections are refused
    const probe = await startControlledSmtp();
    smtpPort = probe.port;
    await probe.stop();
    store = await openStore({ databaseUrl: 'sqlite::memory:' });
    await seedDemoData(store.db);
    workers = await startInProcessWorkers(env, store, smtpPort);
    await env.engine.deploy([{ name: 'fault-notify.bpmn', content: Buffer.from(notifyProcess()) }]);
  }, 60_000);

  afterEach(async () => {
    await smtp?.stop();
    smtp = undefined;
  });

  afterAll(async () => {
    await workers.stop();
    await store.close();
    await env.close();
  }, 30_000);

  it('fails with back-off while the server is down and delivers each mail once when it returns', async () => {
    // given the SMTP server is down when the notification job runs
    const { processInstanceKey } = await env.engine.createProcessInstance({ bpmnProcessId: NOTIFY_PROCESS_ID });
    await eventually(() => jobHistory(records, processInstanceKey).some((j) => j.intent === 'FAILED'), 20_000);
    const failed = jobHistory(records, processInstanceKey).find((j) => j.intent === 'FAILED');
    expect(failed).toMatchObject({ retries: 2, retryBackoff: 10_000 });
    expect(failed?.errorMessage).toMatch(/^yc-notify: /);
    const inbox = await store.db.selectFrom('notifications').select(['id', 'emailed_at']).where('template', '=', 'coverage-warning').execute();
    expect(inbox.length).toBeGreaterThan(0);
    expect(inbox.every((r) => r.emailed_at === null)).toBe(true);

    // when the server comes back on the same port and the back-off runs out
    smtp = await startControlledSmtp(smtpPort);
    env.engine.clock.add(10_001);

    // then the job is delivered again, the mails go out once and the instance ends without an incident
    await eventually(() => records.some(instanceEnded(processInstanceKey)), 20_000);
    const history = jobHistory(records, processInstanceKey);
    expect(history.map((j) => j.intent)).toEqual(expect.arrayContaining(['FAILED', 'RECURRED_AFTER_BACKOFF', 'COMPLETED']));
    expect(history.some((j) => j.kind === 'INCIDENT')).toBe(false);
    const rows = await store.db.selectFrom('notifications').select(['email', 'emailed_at']).where('template', '=', 'coverage-warning').execute();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.emailed_at !== null)).toBe(true);
    expect(smtp.accepted.flatMap((m) => m.to).sort()).toEqual(rows.map((r) => r.email).sort());
  }, 60_000);

  it('raises an incident only after the third failed attempt, with the SMTP error as its message', async () => {
    // given the SMTP server stays down (the previous test left no server running)
    await store.db.deleteFrom('notifications').execute();
    const { processInstanceKey } = await env.engine.createProcessInstance({ bpmnProcessId: NOTIFY_PROCESS_ID });
    const failures = () => jobHistory(records, processInstanceKey).filter((j) => j.intent === 'FAILED');

    // when every back-off (10 s, then 20 s: workers/runtime/run.ts backOffMs) runs out on the engine clock
    await eventually(() => failures().length === 1, 20_000);
    expect(jobHistory(records, processInstanceKey).some((j) => j.kind === 'INCIDENT')).toBe(false);
    env.engine.clock.add(10_001);
    await eventually(() => failures().length === 2, 20_000);
    expect(failures()[1]).toMatchObject({ retries: 1, retryBackoff: 20_000 });
    expect(jobHistory(records, processInstanceKey).some((j) => j.kind === 'INCIDENT')).toBe(false);
    env.engine.clock.add(20_001);

    // then the third failure has no retries left and opens an incident naming the fault
    await eventually(() => jobHistory(records, processInstanceKey).some((j) => j.kind === 'INCIDENT' && j.intent === 'CREATED'), 20_000);
    expect(failures()).toHaveLength(3);
    expect(failures()[2]).toMatchObject({ retries: 0 });
    const incident = jobHistory(records, processInstanceKey).find((j) => j.kind === 'INCIDENT');
    expect(incident?.errorMessage).toMatch(/^yc-notify: .*(ECONNREFUSED|connect)/i);
  }, 60_000);
});
