/**
 * Test fixtures for the job workers: real dependencies (a store from ./stores, a temporary archive folder, an
 * SMTP server on a free port), a pinned clock, and jobs shaped as every transport hands them over.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { type Store } from '../../src/db/connect';
import { createContentStore } from '../../src/db/content-store';
import { rootLogger } from '../../src/logging';
import { createMailer, type Mailer } from '../../workers/runtime/mailer';
import { runJob } from '../../workers/runtime/run';
import { type JobInfo, type JobOutcome, type WorkerDefinition, type WorkerDeps } from '../../workers/runtime/types';

let jobCounter = 1000;

/** A job as delivered by the engine; the same object can be delivered twice to test redelivery. */
export function job(type: string, variables: Record<string, unknown>, customHeaders: Record<string, string> = {}): JobInfo {
  const n = ++jobCounter;
  return {
    key: `2251799813${n}`, type, processInstanceKey: '2251799813000001', bpmnProcessId: 'test-process', elementId: 'task',
    elementInstanceKey: `2251799814${n}`, retries: 3, variables, customHeaders,
  };
}

export interface Harness {
  deps: WorkerDeps;
  dir: string;
  /** Runs a job through its worker exactly as the runtime does. */
  run<I, H>(def: WorkerDefinition<I, H>, j: JobInfo): ReturnType<typeof runJob>;
  cleanup(): Promise<void>;
}

export async function harness(store: Store, options: { now?: string; mailer?: Mailer; sms?: WorkerDeps['sms'] } = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'yc-workers-'));
  const now = new Date(options.now ?? '2026-09-16T02:00:00.000Z');
  const deps: WorkerDeps = {
    db: store.db, archive: createContentStore(dir), clock: () => now, logger: rootLogger(),
    mailer: options.mailer ?? createMailer({ port: 25, secure: false, from: 'x' }), sms: options.sms,
    settings: { firstCycleStart: '2025-01-01', publicUrl: 'http://127.0.0.1:3000' },
  };
  return {
    deps, dir,
    run: (def, j) => runJob(def, j, deps),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  messageId: string;
}

/** An SMTP server on a free port that keeps every message it receives. */
export async function startSmtp(): Promise<{ port: number; mails: ReceivedMail[]; stop(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address), subject: parsed.subject ?? '', text: parsed.text ?? '',
          messageId: parsed.messageId ?? '',
        });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, mails, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The variables of a completed job; throws with the outcome when the job did not complete. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function completed<T = Record<string, any>>(outcome: JobOutcome): T {
  if (outcome.outcome !== 'complete') throw new Error(`job did not complete: ${JSON.stringify(outcome)}`);
  return outcome.variables as T;
}
