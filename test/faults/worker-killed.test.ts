// A worker process killed in the middle of a job: the job times out, the engine hands it to the next worker
// process, and its side effects (inbox rows, e-mails) exist once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../src/db/connect';
import { seedDemoData } from '../../src/db/seed';
import { type EngineRecord } from '../../src/engine';
import { startEmbeddedEngine, type EmbeddedEngine } from '../support/embedded-engine';
import { eventually } from '../support/worker-engine';
import { spawnTs, type Child } from './support/children';
import { notifyProcess, NOTIFY_PROCESS_ID } from './support/notify-process';
import { startControlledSmtp, type ControlledSmtp } from './support/smtp';

const childFile = path.join(__dirname, 'support/worker-child.ts');

describe('a worker process killed mid-job', () => {
  let env: EmbeddedEngine;
  let smtp: ControlledSmtp;
  let store: Store;
  let dir: string;
  let childEnv: Record<string, string>;
  const records: EngineRecord[] = [];
  const children: Child[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'yc-faults-worker-'));
    env = await startEmbeddedEngine();
    env.engine.onRecords((batch) => records.push(...batch));
    smtp = await startControlledSmtp();
    const databaseUrl = `sqlite:${path.join(dir, 'domain.db')}`;
    store = await openStore({ databaseUrl });
    await seedDemoData(store.db);
    childEnv = {
      ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${env.gateways.grpcPort}`, ZEEBE_REST_ADDRESS: `http://127.0.0.1:${env.gateways.restPort}`,
      CAMUNDA_MANAGEMENT_ADDRESS: `http://127.0.0.1:${env.gateways.managementPort}`, CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_LOG_LEVEL: 'none', ZEEBE_CLIENT_LOG_LEVEL: 'NONE', LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl, DATA_DIR: dir, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port),
    };
    await env.engine.deploy([{ name: 'fault-notify.bpmn', content: Buffer.from(notifyProcess()) }]);
  }, 60_000);

  afterAll(async () => {
    for (const c of children) await c.kill();
    await smtp.stop();
    await store.close();
    await env.close();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('redelivers the job after its timeout and sends each notification once', async () => {
    // given a worker process that is in the middle of sending the first mail (the SMTP server holds the message)
    smtp.mode = 'hold';
    const first = spawnTs(childFile, childEnv);
    children.push(first);
    await first.waitFor(/workers ready/);
    const held = new Promise((resolve) => smtp.events.once('held', resolve));
    const { processInstanceKey } = await env.engine.createProcessInstance({ bpmnProcessId: NOTIFY_PROCESS_ID });
    await held;

    // when that process is killed, a new one starts, and the job's 60 s lock runs out on the engine clock
    await first.kill();
    smtp.mode = 'accept';
    const second = spawnTs(childFile, childEnv);
    children.push(second);
    await second.waitFor(/workers ready/);
    env.engine.clock.add(61_000);

    // then the job timed out, was delivered again and completed; the instance ended
    const ended = (r: EngineRecord) => r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_COMPLETED'
      && r.value.bpmnElementType === 'PROCESS' && r.key === processInstanceKey;
    await eventually(() => records.some(ended), 30_000);
    const jobIntents = records.filter((r) => r.valueType === 'JOB' && r.value.processInstanceKey === processInstanceKey).map((r) => r.intent);
    expect(jobIntents).toEqual(expect.arrayContaining(['CREATED', 'TIMED_OUT', 'COMPLETED']));
    expect(jobIntents.filter((i) => i === 'COMPLETED')).toHaveLength(1);
    // and every recipient got exactly one mail and one inbox message
    const rows = await store.db.selectFrom('notifications').select(['email', 'emailed_at']).where('template', '=', 'coverage-warning').execute();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.emailed_at !== null)).toBe(true);
    const recipients = smtp.accepted.flatMap((m) => m.to).sort();
    expect(recipients).toEqual(rows.map((r) => r.email).sort());
    expect(new Set(smtp.accepted.map((m) => m.messageId)).size).toBe(3);
  }, 60_000);
});
