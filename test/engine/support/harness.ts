import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type ActivatedJob, type DeploymentResult, type EngineOptions, type EngineRecord, type JsonObject, type Key,
} from '../../../src/engine/api';
import { EmbeddedEngine } from '../../../src/engine/engine';
import { type ProcessBuilder } from './bpmn-builder';

/** A fixed instant for tests: 2026-03-02T08:00:00Z (a Monday). */
export const T0 = Date.UTC(2026, 2, 2, 8, 0, 0);

type RecordMatch = Partial<Pick<EngineRecord, 'valueType' | 'intent' | 'key' | 'recordType'>> & { value?: JsonObject };

function matches(record: EngineRecord, match: RecordMatch): boolean {
  for (const [k, v] of Object.entries(match)) {
    if (k === 'value') {
      for (const [vk, vv] of Object.entries(v as JsonObject)) if (record.value[vk] !== vv) return false;
    } else if ((record as unknown as JsonObject)[k] !== v) return false;
  }
  return true;
}

/**
 * Fluent helpers around a real engine (in-memory database, pinned clock) for engine tests: deploy, create,
 * work on jobs, publish, move the clock and await records, without sleeps.
 */
export class EngineHarness {
  readonly records: EngineRecord[] = [];
  private readonly waiting = new Set<() => void>();

  private constructor(
    readonly engine: EmbeddedEngine,
    readonly dataDir: string | undefined,
  ) {
    engine.onRecords((batch) => {
      this.records.push(...batch);
      for (const wake of [...this.waiting]) wake();
    });
  }

  static async start(options: Partial<EngineOptions> = {}): Promise<EngineHarness> {
    const durable = options.durability !== undefined && options.durability !== 'memory';
    const dataDir = options.dataDir ?? (durable ? fs.mkdtempSync(path.join(os.tmpdir(), 'engine-test-')) : undefined);
    const engine = await EmbeddedEngine.start({ dataDir: dataDir ?? '', durability: 'memory', clockControlled: true, ...options, ...(dataDir ? { dataDir } : {}) }, T0);
    return new EngineHarness(engine, dataDir);
  }

  /** Closes the engine and opens a new one on the same data folder (durable engines only). */
  async restart(): Promise<EngineHarness> {
    if (!this.dataDir) throw new Error('Only a durable engine can be restarted');
    const now = this.engine.clock.now();
    await this.engine.close();
    const engine = await EmbeddedEngine.start({ dataDir: this.dataDir, durability: 'full', clockControlled: true }, now);
    return new EngineHarness(engine, this.dataDir);
  }

  async deploy(...resources: (ProcessBuilder | [string, string])[]): Promise<DeploymentResult> {
    return this.engine.deploy(resources.map((r) =>
      Array.isArray(r) ? { name: r[0], content: Buffer.from(r[1]) } : { name: `${r.id}.bpmn`, content: Buffer.from(r.xml()) }));
  }

  async create(bpmnProcessId: string, variables: JsonObject = {}): Promise<Key> {
    const created = await this.engine.createProcessInstance({ bpmnProcessId, variables });
    return created.processInstanceKey;
  }

  /** Activates up to `max` jobs of a type without long polling. */
  async activate(type: string, max = 10, options: { timeout?: number; fetchVariable?: string[] } = {}): Promise<ActivatedJob[]> {
    return this.engine.activateJobs({ type, worker: 'test-worker', timeout: options.timeout ?? 60_000, maxJobsToActivate: max, requestTimeout: -1, fetchVariable: options.fetchVariable });
  }

  /** Activates exactly one job of the type; fails when there is none. */
  async activateOne(type: string, options: { timeout?: number } = {}): Promise<ActivatedJob> {
    const [job] = await this.activate(type, 1, options);
    if (!job) throw new Error(`Expected an activatable job of type '${type}', but there was none`);
    return job;
  }

  async completeJobOf(type: string, variables: JsonObject = {}): Promise<ActivatedJob> {
    const job = await this.activateOne(type);
    await this.engine.completeJob(job.key, variables);
    return job;
  }

  /** Moves the pinned clock forward; due timers and deadlines fire. */
  advance(ms: number): void {
    this.engine.clock.add(ms);
  }

  /** Resolves with the first record (already written or coming) that matches; rejects after a real-time guard. */
  async awaitRecord(match: RecordMatch, guardMs = 5000): Promise<EngineRecord> {
    const all = await this.awaitCount(match, 1, guardMs);
    return all[0];
  }

  /** Resolves once `count` matching records were written. */
  awaitCount(match: RecordMatch, count: number, guardMs = 5000): Promise<EngineRecord[]> {
    const found = this.records.filter((r) => matches(r, match));
    if (found.length >= count) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const hits = this.records.filter((r) => matches(r, match));
        if (hits.length < count) return;
        cleanup();
        resolve(hits);
      };
      const guard = setTimeout(() => {
        cleanup();
        reject(new Error(`Fewer than ${count} records matched ${JSON.stringify(match)} within ${guardMs} ms`));
      }, guardMs);
      const cleanup = (): void => {
        clearTimeout(guard);
        this.waiting.delete(check);
      };
      this.waiting.add(check);
    });
  }

  awaitCompleted(processInstanceKey: Key): Promise<EngineRecord> {
    return this.awaitRecord({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED', key: processInstanceKey });
  }

  /** Records about one process instance, as `elementId:INTENT` strings, for order assertions. */
  trace(processInstanceKey: Key, valueType = 'PROCESS_INSTANCE'): string[] {
    return this.records
      .filter((r) => r.valueType === valueType && r.value.processInstanceKey === processInstanceKey)
      .map((r) => `${String(r.value.elementId)}:${r.intent}`);
  }

  find(match: RecordMatch): EngineRecord[] {
    return this.records.filter((r) => matches(r, match));
  }

  /** Root variables of a running instance. */
  variables(scopeKey: Key): JsonObject {
    const state = this.engine.stateSnapshot().variables as Record<string, Record<string, string>>;
    return Object.fromEntries(Object.entries(state[scopeKey] ?? {}).map(([k, v]) => [k, JSON.parse(v) as unknown]));
  }

  incidents(processInstanceKey: Key): EngineRecord[] {
    const resolved = new Set(this.find({ valueType: 'INCIDENT', intent: 'RESOLVED' }).map((r) => r.key));
    return this.find({ valueType: 'INCIDENT', intent: 'CREATED' }).filter((r) => r.value.processInstanceKey === processInstanceKey && !resolved.has(r.key));
  }

  async close(): Promise<void> {
    await this.engine.close();
    if (this.dataDir) fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Closes the engine but keeps its data folder (for restarts). */
  async stop(): Promise<void> {
    await this.engine.close();
  }
}
