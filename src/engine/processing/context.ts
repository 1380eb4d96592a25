import {
  type EngineRecord, type EventIntent, type JsonObject, type Key, type ProcessInstanceRecordValue, Rejection, type RejectionType, type ValueType,
} from '../api';
import { type KeyGenerator } from '../keys';
import { type Behaviours } from './behaviours';
import { type EngineState, type ReadonlyEngineState } from '../state/engine-state';
import { applyRecord, latestRecordVersion } from '../state/appliers';

/** A step of a command's follow-up work; it gets the context of whichever command runs it. */
export type WorkStep = (ctx: ProcessingContext) => void;

/**
 * Follow-up work a command left when its step budget was spent, run as a command of its own. `activations`
 * counts the activations since the client's command, across the continuations (see `countActivation`).
 */
export interface Continuation {
  work: WorkStep[];
  startElements: Map<Key, string[]>;
  startPayloads: Map<Key, JsonObject>;
  activations: Map<string, number>;
}

/** Steps a command runs before the rest of its work continues as a follow-up command (Zeebe's batch processing). */
export const STEP_BUDGET = 250;

/**
 * Activations of one element in one scope instance since a client's command (across its follow-up commands) after
 * which the element raises an incident instead: only a loop without wait states activates an element that often
 * without a client's command in between (the items of a multi-instance body are not counted). Resolving the
 * incident lets it run that many rounds again.
 */
export const LOOP_LIMIT = 1_000;

/**
 * Everything one command sees while it is processed: read-only state, the key generator, the command time, and
 * the writer. Written events are applied to the state at once (as Zeebe does), so later steps of the same
 * command see them. Follow-up work runs in FIFO order until the command has reached a resting state or has spent
 * its step budget; the rest then continues as a follow-up command (`continuation`), so that no command holds the
 * engine for long and other commands run in between.
 */
export class ProcessingContext {
  readonly records: EngineRecord[] = [];
  readonly afterCommit: (() => void)[] = [];
  private work: WorkStep[] = [];
  private startElements = new Map<Key, string[]>();
  /** Trigger variables of the start element of a new instance (a message start event with output mappings). */
  private startPayloads = new Map<Key, JsonObject>();
  private activations = new Map<string, number>();
  private steps = 0;
  /** Life-cycle record values written by this command, per element instance key (see `recordValue`). */
  readonly lifecycleValues = new Map<Key, { node: object; value: ProcessInstanceRecordValue }>();
  /** Root variables of completed instances someone waits for (create-with-result). */
  readonly results = new Map<Key, JsonObject>();
  /** Inner instances of a multi-instance whose completion condition held, from their completing to their completion (one step). */
  readonly completionConditionsMet = new Set<Key>();

  constructor(
    private readonly writable: EngineState,
    readonly keys: KeyGenerator,
    readonly now: number,
    private nextPosition: number,
    readonly behaviours: Behaviours,
    private readonly wantsResult: (processInstanceKey: Key) => boolean = () => false,
  ) {}

  /** The state, read-only: a processor changes it only by writing events. */
  get state(): ReadonlyEngineState {
    return this.writable;
  }

  /** Keeps the root variables of a completing instance when a caller waits for its result. */
  captureResult(processInstanceKey: Key): void {
    if (this.wantsResult(processInstanceKey)) this.results.set(processInstanceKey, this.state.visibleVariables(processInstanceKey));
  }

  get position(): number {
    return this.nextPosition;
  }

  /** Writes an EVENT record and applies it; the intent is one of the value type's event intents. */
  event<T extends ValueType>(valueType: T, intent: EventIntent<T>, key: Key, value: object): EngineRecord {
    const record: EngineRecord = {
      position: this.nextPosition++,
      key,
      timestamp: this.now,
      recordType: 'EVENT',
      valueType,
      intent,
      recordVersion: latestRecordVersion(valueType, intent),
      value: value as unknown as EngineRecord['value'],
    };
    applyRecord(this.writable, record);
    this.records.push(record);
    return record;
  }

  /** Refuses the command; after it wrote events, the command loop undoes the batch (the state journal) and processes the others again. */
  reject(valueType: ValueType, intent: string, rejectionType: RejectionType, reason: string): never {
    throw new CommandRejected(valueType, new Rejection(rejectionType, intent, reason));
  }

  /** Queues follow-up work of the current command. */
  schedule(step: WorkStep): void {
    this.work.push(step);
  }

  /** Runs queued follow-up work until none is left or the command's step budget is spent. */
  drain(): void {
    while (this.work.length > 0 && this.steps < STEP_BUDGET) {
      this.steps += 1;
      const step = this.work.shift() as WorkStep;
      step(this);
    }
  }

  /** The work left when the budget was spent, to be run by a follow-up command; undefined when the command came to rest. */
  continuation(): Continuation | undefined {
    if (this.work.length === 0) return undefined;
    return { work: this.work, startElements: this.startElements, startPayloads: this.startPayloads, activations: this.activations };
  }

  /** Takes over the work an earlier command left (the follow-up command's own run; the loop drains it). */
  resume(continuation: Continuation): void {
    this.work = continuation.work;
    this.startElements = continuation.startElements;
    this.startPayloads = continuation.startPayloads;
    this.activations = continuation.activations;
  }

  /** Follow-up steps run so far. */
  get stepsTaken(): number {
    return this.steps;
  }

  /** Counts an activation of an element in a scope; false once it is beyond LOOP_LIMIT (see there). */
  countActivation(flowScopeKey: Key, elementId: string): boolean {
    const id = `${flowScopeKey}/${elementId}`;
    const count = (this.activations.get(id) ?? 0) + 1;
    this.activations.set(id, count);
    return count <= LOOP_LIMIT;
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

export class CommandRejected extends Error {
  constructor(
    readonly valueType: ValueType,
    readonly rejection: Rejection,
  ) {
    super(rejection.message);
  }
}
