import {
  type EngineRecord, type JsonObject, type Key, type ProcessInstanceRecordValue, Rejection, type RejectionType, type ValueType,
} from '../api';
import { type KeyGenerator } from '../keys';
import { type EngineState } from '../state/engine-state';
import { applyRecord } from '../state/appliers';

/**
 * Everything one command sees while it is processed: read-only state, the key generator, the command time, and
 * the writer. Written events are applied to the state at once (as Zeebe does), so later steps of the same
 * command see them. Follow-up work runs in FIFO order until the command has reached a resting state.
 */
export class ProcessingContext {
  readonly records: EngineRecord[] = [];
  readonly afterCommit: (() => void)[] = [];
  private readonly work: (() => void)[] = [];
  private readonly startElements = new Map<Key, string[]>();
  /** Trigger variables of the start element of a new instance (a message start event with output mappings). */
  private readonly startPayloads = new Map<Key, JsonObject>();
  /** Life-cycle record values written by this command, per element instance key (see `recordValue`). */
  readonly lifecycleValues = new Map<Key, { node: object; value: ProcessInstanceRecordValue }>();
  /** Root variables of completed instances someone waits for (create-with-result). */
  readonly results = new Map<Key, JsonObject>();

  constructor(
    readonly state: EngineState,
    readonly keys: KeyGenerator,
    readonly now: number,
    private nextPosition: number,
    private readonly wantsResult: (processInstanceKey: Key) => boolean = () => false,
  ) {}

  /** Keeps the root variables of a completing instance when a caller waits for its result. */
  captureResult(processInstanceKey: Key): void {
    if (this.wantsResult(processInstanceKey)) this.results.set(processInstanceKey, this.state.visibleVariables(processInstanceKey));
  }

  get position(): number {
    return this.nextPosition;
  }

  /** Writes an EVENT record and applies it. */
  event<V extends object>(valueType: ValueType, intent: string, key: Key, value: V): EngineRecord {
    const record: EngineRecord = {
      position: this.nextPosition++,
      key,
      timestamp: this.now,
      recordType: 'EVENT',
      valueType,
      intent,
      value: value as unknown as EngineRecord['value'],
    };
    applyRecord(this.state, record);
    this.records.push(record);
    return record;
  }

  /** Refuses the command; after it wrote events, the command loop rolls the batch back (rare: it rebuilds the state). */
  reject(valueType: ValueType, intent: string, rejectionType: RejectionType, reason: string): never {
    throw new CommandRejected(valueType, new Rejection(rejectionType, intent, reason));
  }

  /** Queues follow-up work of the current command. */
  schedule(step: () => void): void {
    this.work.push(step);
  }

  /**
   * Runs queued follow-up work until none is left. A process that loops without a wait state would never come to
   * rest: after MAX_STEPS the command fails (and is rolled back) instead of hanging the engine.
   */
  drain(): void {
    let steps = 0;
    for (let step = this.work.shift(); step; step = this.work.shift()) {
      if (++steps > MAX_STEPS) {
        throw new Error(`Expected the command to reach a wait state, but it ran more than ${MAX_STEPS} steps (a loop without wait states?)`);
      }
      step();
    }
  }

  /** Where a new process instance starts instead of its none start event (start instructions, event starts). */
  startAt(processInstanceKey: Key, elementIds: string[], payload?: JsonObject): void {
    this.startElements.set(processInstanceKey, elementIds);
    if (payload) this.startPayloads.set(processInstanceKey, payload);
  }

  takeStartElements(processInstanceKey: Key): string[] | undefined {
    const ids = this.startElements.get(processInstanceKey);
    this.startElements.delete(processInstanceKey);
    return ids;
  }

  takeStartPayload(processInstanceKey: Key): JsonObject | undefined {
    const payload = this.startPayloads.get(processInstanceKey);
    this.startPayloads.delete(processInstanceKey);
    return payload;
  }

  onCommitted(effect: () => void): void {
    this.afterCommit.push(effect);
  }
}

const MAX_STEPS = 25_000;

export class CommandRejected extends Error {
  constructor(
    readonly valueType: ValueType,
    readonly rejection: Rejection,
  ) {
    super(rejection.message);
  }
}
