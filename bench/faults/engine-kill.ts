// `npm run bench -- --faults`: B5's procedure against the engine as its own process (`src/main/engine.ts`,
// durability full), killed with SIGKILL half-way and started again on the same data and ports. Afterwards: every
// instance whose creation was acknowledged exists and completes, every acknowledged task completion holds, and the
// side effects are not doubled (one 巡查通知书 number per inspection; inbox messages are unique by idempotency key in
// the schema itself).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { openStore } from '../../src/db/connect';
import { createContentStore } from '../../src/db/content-store';
import { openInspection } from '../../src/db/registers/inspections';
import { seedDemoData } from '../../src/db/seed';
import { rootLogger } from '../../src/logging';
import { startWorkers } from '../../workers';
import { createMailer } from '../../workers/runtime/mailer';
import { projectResources } from '../support/system';
import { nowMs, round } from '../support/stats';
import type { Scenario } from '../types';

const root = path.resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MEETING = { entryMeetingAt: '2026-03-09T09:00:00+08:00', onsiteStart: '2026-03-09', unitHeadName: '王某', complaintPhone: '0632-7712345',
  complaintEmail: 'xuncha@example.cn', complaintAddress: '峄城区坛山路1号', taskBriefing: '通报本次巡查的任务、内容和方式。' };

const freePort = () => new Promise<number>((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const a = s.address(); s.close(() => resolve(typeof a === 'object' && a ? a.port : 0)); });
});

async function startEngine(env: Record<string, string>, restUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/main/engine.ts')], {
    cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', LOG_LEVEL: 'warn', ...env }, stdio: 'ignore',
  });
  const deadline = nowMs() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`engine exited with ${child.exitCode}`);
    if (nowMs() > deadline) throw new Error('engine did not answer within 60 s');
    try { if ((await fetch(`${restUrl}/v2/topology`)).ok) return child; } catch { /* not yet listening */ }
    await sleep(100);
  }
}

export const engineKill: Scenario = {
  name: 'F1',
  title: 'faults: engine process killed with SIGKILL during B5, restarted on the same data',
  async run({ seconds }) {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-bench-kill-'));
    const [grpc, rest, mgmt] = [await freePort(), await freePort(), await freePort()];
    const restUrl = `http://127.0.0.1:${rest}`;
    const engineEnv = { ENGINE_HOST: '127.0.0.1', ENGINE_GRPC_PORT: String(grpc), ENGINE_REST_PORT: String(rest), ENGINE_MANAGEMENT_PORT: String(mgmt),
      ENGINE_DATA_DIR: path.join(dir, 'engine'), ENGINE_DURABILITY: 'full' };
    let engine = await startEngine(engineEnv, restUrl);
    const post = async (p: string, body: unknown) => {
      try {
        return await fetch(`${restUrl}/v2${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(5_000) });
      } catch { return undefined; } // engine down: not acknowledged
    };
    const form = new FormData();
    for (const r of projectResources()) form.append('resources', new Blob([new Uint8Array(r.content)]), r.name);
    if (!(await fetch(`${restUrl}/v2/deployments`, { method: 'POST', body: form })).ok) throw new Error('deployment failed');

    const store = await openStore({ databaseUrl: `sqlite:${path.join(dir, 'domain.db')}` });
    await seedDemoData(store.db);
    const c8 = new Camunda8({ ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${grpc}`, ZEEBE_REST_ADDRESS: restUrl, CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'none', ZEEBE_CLIENT_LOG_LEVEL: 'NONE' } as never);
    const runtime = await startWorkers({ camunda: c8, transport: 'grpc-stream', jobTimeoutMs: 10_000,
      deps: { db: store.db, archive: createContentStore(path.join(dir, 'archive')), clock: () => new Date(), logger: rootLogger(),
        mailer: createMailer({ port: 25, secure: false, from: 'x' }), settings: { firstCycleStart: '2025-01-01', publicUrl: 'http://127.0.0.1:3000' } } });

    const acknowledged = new Set<string>();
    const completedTasks = new Set<string>();
    let refusedCreates = 0;
    let running = true;
    const staff = (async () => {
      while (running) {
        const res = await post('/user-tasks/search', { filter: { state: 'CREATED', elementId: 'hold-entry-meeting' }, page: { limit: 200 } });
        const items = res?.ok ? ((await res.json()) as { items: { userTaskKey: string }[] }).items : [];
        for (const t of items) if ((await post(`/user-tasks/${t.userTaskKey}/completion`, { variables: MEETING }))?.status === 204) completedTasks.add(t.userTaskKey);
        await sleep(items.length ? 0 : 100);
      }
    })();
    const total = Math.round(10 * seconds);
    const t0 = nowMs();
    let killedAt = 0;
    let downMs = 0;
    try {
      for (let i = 0; i < total; i += 1) {
        const wait = t0 + i * 100 - nowMs();
        if (wait > 1) await sleep(wait);
        if (i === Math.floor(total / 2)) {
          killedAt = i;
          engine.kill('SIGKILL');
          await new Promise((r) => engine.once('exit', r));
          const down = nowMs();
          engine = await startEngine(engineEnv, restUrl);
          downMs = nowMs() - down;
        }
        const unitCode = i % 2 ? '370404001' : '370404002';
        const inspectionId = await openInspection(store.db, { name: 'bench', at: new Date().toISOString() }, { unitCode });
        const res = await post('/process-instances', { processDefinitionId: 'inspection-entry', variables: { inspectionId, unitCode, unitName: '单位',
          inspectionNo: `XC-F1-${i}`, teamName: '第一巡查组', entryDue: '2026-12-31T18:00:00+08:00' } });
        if (res?.ok) acknowledged.add(String(((await res.json()) as { processInstanceKey: string }).processInstanceKey));
        else refusedCreates += 1;
      }
      // bounded wait until every acknowledged instance has completed
      const states = async () => {
        const res = await post('/process-instances/search', { filter: { processDefinitionId: 'inspection-entry' }, page: { limit: 10_000 } });
        const items = ((await res?.json()) as { items: { processInstanceKey: string; state: string }[] } | undefined)?.items ?? [];
        return new Map(items.map((p) => [String(p.processInstanceKey), p.state]));
      };
      const deadline = nowMs() + 120_000;
      let known = await states();
      while ([...acknowledged].some((k) => known.get(k) !== 'COMPLETED') && nowMs() < deadline) {
        await sleep(500);
        known = await states();
      }
      running = false;
      await staff;
      const docs = await store.db.selectFrom('documents').select(['subject']).where('doc_type', '=', 'inspection-notice').execute();
      const perSubject = new Map<string, number>();
      for (const d of docs) perSubject.set(d.subject, (perSubject.get(d.subject) ?? 0) + 1);
      return {
        instancesAttempted: total,
        killedBeforeInstance: killedAt,
        engineDownMs: round(downMs, 0),
        creationsAcknowledged: acknowledged.size,
        creationsRefusedOrUnanswered: refusedCreates,
        acknowledgedLost: [...acknowledged].filter((k) => !known.has(k)).length,
        acknowledgedNotCompleted: [...acknowledged].filter((k) => known.get(k) !== 'COMPLETED').length,
        taskCompletionsAcknowledged: completedTasks.size,
        inspectionNoticesIssued: docs.length,
        inspectionsWithMoreThanOneNotice: [...perSubject.values()].filter((n) => n > 1).length,
        workerOutcomes: { ...runtime.stats },
      };
    } finally {
      running = false;
      await runtime.stop();
      await c8.closeAllClients();
      engine.kill('SIGTERM');
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
