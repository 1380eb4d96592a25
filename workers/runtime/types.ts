import { type z } from 'zod';
import { type Db } from '../../src/db/connect';
import { type ContentStore } from '../../src/db/content-store';
import { type SystemClock } from '../../src/camunda/engine-clock';
import { type Logger } from '../../src/logging';
import { type Searches } from '../../src/camunda/search';
import { type Mailer } from './mailer';
import { type MessagePublisher } from './messages';
import { type SmsSender } from './sms';

/** A job as every transport hands it over (gRPC stream, gRPC poll, REST poll), keys as decimal strings. */
export interface JobInfo {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  elementInstanceKey: string;
  retries: number;
  variables: Record<string, unknown>;
  customHeaders: Record<string, string>;
  /** When the engine hands the job to someone else (engine time, epoch ms), if the transport tells it. */
  deadline?: number;
}

/** What the transport must do with the job. */
export type JobOutcome =
  | { outcome: 'complete'; variables: Record<string, unknown> }
  | { outcome: 'error'; errorCode: string; errorMessage: string; variables?: Record<string, unknown> }
  | { outcome: 'fail'; errorMessage: string; retries: number; retryBackOffMs: number };

/** "Now" for every handler; the engine clock also learns the engine's time from each job it is handed. */
export type Clock = (() => Date) & Partial<Pick<SystemClock, 'sync' | 'observe'>>;

/** Everything a handler may touch; injected, so tests use real SQLite/PostgreSQL, SMTP and folders. */
export interface WorkerDeps {
  db: Db;
  mailer: Mailer;
  sms?: SmsSender;
  /** Archive for generated documents and evidence files (content-addressed, under DATA_DIR). */
  archive: ContentStore;
  /** The engine's time (src/camunda/engine-clock); tests pin it with a plain function. */
  clock: Clock;
  logger: Logger;
  settings: WorkerSettings;
  /** Messages to the engine (cases started per problem, closures); the worker runtime supplies it from its client. */
  messages?: MessagePublisher;
  /** The engine's searches (the quarterly compliance figures); the worker runtime supplies them from its client. */
  search?: Searches;
}

export interface WorkerSettings {
  /** First day of the first 2-year coverage cycle. */
  firstCycleStart: string;
  /** Link base for e-mails. */
  publicUrl?: string;
  /** The diagrams whose clause citations make the clause table (default: processes/ of the working directory). */
  processesDir?: string;
  /** The assessment cut-off (ASSESSMENT_CUTOFF, src/domain/assessment-cutoff); 31 December when not given. */
  assessmentCutoff?: string;
}

export interface HandlerContext<I, H> {
  job: JobInfo;
  input: I;
  headers: H;
  deps: WorkerDeps;
  /** Idempotency key of this job's effects: stable under redelivery. */
  effectKey: string;
  /** The audit actor for this job, e.g. worker:yc-handover at the current time. */
  actor: { name: string; at: string };
}

/** One worker per job type: its type, what it reads, and the handler returning the variables it writes. */
export interface WorkerDefinition<I = unknown, H = unknown> {
  type: string;
  description: string;
  input: z.ZodType<I>;
  headers: z.ZodType<H>;
  handle(ctx: HandlerContext<I, H>): Promise<Record<string, unknown>>;
}

/** A business outcome the diagram catches with an error boundary event (codes listed in JOB-TYPES.md). */
export class BpmnError extends Error {
  constructor(readonly code: string, message: string, readonly variables?: Record<string, unknown>) {
    super(message);
    this.name = 'BpmnError';
  }
}

/** Input that can never succeed, however often it is retried (missing record, bad header): no retries left. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export const defineWorker = <I, H>(def: WorkerDefinition<I, H>): WorkerDefinition<I, H> => def;
