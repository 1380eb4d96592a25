// The job workers in this process against the embedded engine, with a real mailer and a domain store the test chooses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Store } from '../../../src/db/connect';
import { createContentStore } from '../../../src/db/content-store';
import { type EngineRecord } from '../../../src/engine';
import { rootLogger } from '../../../src/logging';
import { startWorkers, type WorkerRuntime } from '../../../workers';
import { createMailer } from '../../../workers/runtime/mailer';
import { type EmbeddedEngine } from '../../support/embedded-engine';

export async function startInProcessWorkers(env: EmbeddedEngine, store: Store, smtpPort: number): Promise<{ runtime: WorkerRuntime; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yc-faults-archive-'));
  const mailer = createMailer({ host: '127.0.0.1', port: smtpPort, secure: false, from: '峄城区安委办 <ajb@yicheng.local>' });
  const runtime = await startWorkers({
    camunda: env.c8, transport: 'grpc-stream', jobTimeoutMs: 30_000,
    deps: {
      db: store.db, archive: createContentStore(dir), clock: () => new Date(), logger: rootLogger(), mailer,
      settings: { firstCycleStart: '2025-01-01', publicUrl: 'http://127.0.0.1:3000' },
    },
  });
  return {
    runtime,
    async stop() {
      await runtime.stop();
      mailer.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The JOB and INCIDENT records of one process instance, in log order. */
export function jobHistory(records: EngineRecord[], processInstanceKey: string) {
  return records.filter((r) => (r.valueType === 'JOB' || r.valueType === 'INCIDENT') && r.value.processInstanceKey === processInstanceKey)
    .map((r) => ({ kind: r.valueType, intent: r.intent, retries: r.value.retries as number | undefined,
      retryBackoff: r.value.retryBackoff as number | undefined, errorMessage: (r.value.errorMessage as string | undefined) ?? '' }));
}

export const instanceEnded = (processInstanceKey: string) => (r: EngineRecord) => r.valueType === 'PROCESS_INSTANCE'
  && r.intent === 'ELEMENT_COMPLETED' && r.value.bpmnElementType === 'PROCESS' && r.key === processInstanceKey;
