// Drives one diagram of processes/ on the embedded engine the way workers and staff would: deploys it with all
// forms, completes jobs (checking their headers), completes user tasks and tells where the tokens are.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ActivatedJob, type EngineOptions, type EngineRecord, type JsonObject, type Key } from '../../../src/engine/api';
import { EngineHarness } from '../../engine/support/harness';
import { root } from '../load-diagrams';

// Path tests walk whole procedures; on a busy 2-core CI machine they need more than jest's default 5 s.
jest.setTimeout(30_000);

const resource = (dir: string, file: string): [string, string] => [file, readFileSync(join(root, dir, file), 'utf8')];

export class ProcessHarness {
  private constructor(readonly h: EngineHarness) {}

  /** Resolves with the first non-undefined result of `probe`, re-checked after every committed batch. */
  private until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, guardMs = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      let busy = false;
      let done = false;
      const finish = (err: Error | undefined, value?: T): void => {
        if (done) return;
        done = true;
        clearTimeout(guard);
        stop();
        if (err) reject(err);
        else resolve(value as T);
      };
      const check = async (): Promise<void> => {
        if (busy || done) return;
        busy = true;
        try {
          const value = await probe();
          if (value !== undefined) finish(undefined, value);
        } catch (err) {
          finish(err as Error);
        } finally {
          busy = false;
        }
      };
      const guard = setTimeout(() => finish(new Error(`timed out waiting for ${what}; active: ${this.lastActive}`)), guardMs);
      const stop = this.h.engine.onRecords(() => void check());
      void check();
    });
  }

  private lastActive = '';

  private async nextJob(type: string): Promise<ActivatedJob> {
    return this.until(`a job of type ${type}`, async () => (await this.h.activate(type, 1))[0]);
  }

  /** Starts an engine (memory, pinned clock) with the given diagrams of processes/ and every form deployed. */
  static async start(...diagrams: string[]): Promise<ProcessHarness> {
    return ProcessHarness.startWith({}, ...diagrams);
  }

  /** The same with engine options, e.g. the REST read models for tests that search the engine. */
  static async startWith(options: Partial<EngineOptions>, ...diagrams: string[]): Promise<ProcessHarness> {
    const h = await EngineHarness.start(options);
    const forms = readdirSync(join(root, 'forms')).map((f) => resource('forms', f));
    await h.deploy(...diagrams.map((d) => resource('processes', `${d}.bpmn`)), ...forms);
    return new ProcessHarness(h);
  }

  create(processId: string, variables: JsonObject = {}): Promise<Key> {
    return this.h.create(processId, variables);
  }

  /** Completes the one activatable job of the type after checking its headers; returns the job. */
  async job(type: string, headers: Record<string, string>, variables: JsonObject = {}): Promise<ActivatedJob> {
    const job = await this.nextJob(type);
    expect(job.customHeaders).toMatchObject(headers);
    await this.h.engine.completeJob(job.key, variables);
    return job;
  }

  /** Completes a yc-deadline job as the worker does: writes `<result>` (and `<result>Reminder` when asked). */
  async deadline(headers: Record<string, string>, due: string, reminder?: string): Promise<void> {
    const job = await this.nextJob('yc-deadline');
    expect(job.customHeaders).toMatchObject(headers);
    const result = job.customHeaders.result;
    await this.h.engine.completeJob(job.key, { [result]: due, ...(reminder ? { [`${result}Reminder`]: reminder } : {}) });
  }

  /**
   * Completes the yc-deadline job of an element marked `once` that a loop entered again, as the worker does: the
   * deadline the first pass set stays (no variables). Returns that deadline.
   */
  async keptDeadline(headers: Record<string, string>): Promise<string> {
    const job = await this.nextJob('yc-deadline');
    expect(job.customHeaders).toMatchObject({ ...headers, once: 'true' });
    const kept = job.variables[job.customHeaders.result];
    if (typeof kept !== 'string') throw new Error(`no ${job.customHeaders.result} to keep`);
    await this.h.engine.completeJob(job.key, {});
    return kept;
  }

  /** Completes yc-deadline jobs of parallel branches in whatever order they come, by their `result` header. */
  async deadlines(values: Record<string, [string, string?]>): Promise<void> {
    const pending = new Set(Object.keys(values));
    while (pending.size) {
      const job = await this.nextJob('yc-deadline');
      const result = job.customHeaders.result;
      if (!pending.delete(result)) throw new Error(`unexpected deadline ${result}; expected one of ${[...pending].join(', ')}`);
      const [due, reminder] = values[result];
      await this.h.engine.completeJob(job.key, { [result]: due, ...(reminder ? { [`${result}Reminder`]: reminder } : {}) });
    }
  }

  /** Waits until the element has an open user task and returns its CREATED record. */
  awaitTask(elementId: string): Promise<EngineRecord> {
    return this.until(`user task ${elementId}`, () => this.openTasks(elementId)[0]);
  }

  /** Waits until the element has `count` open user tasks (multi-instance, parallel calls) and returns them. */
  awaitTasks(elementId: string, count: number): Promise<EngineRecord[]> {
    return this.until(`${count} user tasks ${elementId}`, () => {
      const open = this.openTasks(elementId);
      return open.length === count ? open : undefined;
    });
  }

  private openTasks(elementId: string): EngineRecord[] {
    const done = new Set(
      this.h.records
        .filter((r) => r.valueType === 'USER_TASK' && ['COMPLETED', 'CANCELED'].includes(r.intent))
        .map((r) => r.key),
    );
    return this.h.records.filter(
      (r) => r.valueType === 'USER_TASK' && r.intent === 'CREATED' && r.value.elementId === elementId && !done.has(r.key),
    );
  }

  /** The open (created, not completed or canceled) user task of an element. */
  openTask(elementId: string): EngineRecord {
    const open = this.openTasks(elementId);
    if (open.length !== 1) throw new Error(`expected one open user task ${elementId}, found ${open.length}`);
    return open[0];
  }

  /** Completes the open user task of the element with the submitted form data; returns its CREATED record. */
  async task(elementId: string, formData: JsonObject): Promise<EngineRecord> {
    const created = await this.awaitTask(elementId);
    await this.h.engine.completeUserTask(created.key, formData);
    return created;
  }

  /** Local variables of the element's open user task (its input mappings), once the task is there. */
  async taskVariables(elementId: string): Promise<JsonObject> {
    const task = await this.awaitTask(elementId);
    return this.h.variables(task.value.elementInstanceKey as Key);
  }

  /** Element ids that hold a token now (activated, not yet completed or terminated), sorted. */
  active(processInstanceKey: Key): string[] {
    const open = new Map<Key, string>();
    for (const r of this.h.records) {
      if (r.valueType !== 'PROCESS_INSTANCE' || r.value.processInstanceKey !== processInstanceKey) continue;
      if (r.value.bpmnElementType === 'PROCESS' || r.value.bpmnElementType === 'SEQUENCE_FLOW') continue;
      if (r.intent === 'ELEMENT_ACTIVATED') open.set(r.key, String(r.value.elementId));
      if (r.intent === 'ELEMENT_COMPLETED' || r.intent === 'ELEMENT_TERMINATED') open.delete(r.key);
    }
    return [...open.values()].sort();
  }

  /** Waits for the instance of `processId` that a call activity of `parent` started, and returns its key. */
  async child(parent: Key, processId: string): Promise<Key> {
    const [first] = await this.children(parent, processId, 1);
    return first!;
  }

  /** Waits until `count` instances of `processId` were called by `parent` and returns their keys in start order. */
  children(parent: Key, processId: string, count: number): Promise<Key[]> {
    return this.until(`${count} ${processId} instances called by ${parent}`, () => {
      const started = this.h.records.filter(
        (r) =>
          r.valueType === 'PROCESS_INSTANCE' &&
          r.intent === 'ELEMENT_ACTIVATED' &&
          r.value.bpmnElementType === 'PROCESS' &&
          r.value.bpmnProcessId === processId &&
          r.value.parentProcessInstanceKey === parent,
      );
      return started.length >= count ? started.map((r) => r.value.processInstanceKey as Key) : undefined;
    });
  }

  /** How many user tasks of the element are open now. */
  openTasksOf(elementId: string): number {
    return this.openTasks(elementId).length;
  }

  /** Whether an element of the instance was completed at least once. */
  passed(processInstanceKey: Key, elementId: string): boolean {
    return this.h.trace(processInstanceKey).includes(`${elementId}:ELEMENT_COMPLETED`);
  }

  completed(processInstanceKey: Key): Promise<EngineRecord> {
    return this.h.awaitCompleted(processInstanceKey);
  }

  /** Waits until exactly the given elements hold tokens. */
  awaitActive(processInstanceKey: Key, elementIds: string[]): Promise<string[]> {
    const want = [...elementIds].sort().join(',');
    return this.until(`tokens at ${want}`, () => {
      this.lastActive = this.active(processInstanceKey).join(',');
      return this.lastActive === want ? this.active(processInstanceKey) : undefined;
    });
  }

  /** Moves the pinned clock to an instant (ISO string); due timers fire.*/
  moveClockTo(iso: string): void {
    const delta = Date.parse(iso) - this.h.engine.clock.now();
    if (delta > 0) this.h.advance(delta);
  }

  close(): Promise<void> {
    return this.h.close();
  }
}
