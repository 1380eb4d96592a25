import { type EngineRecord, type EventIntent, type ValueType } from '../../api';
import { type EngineState } from '../engine-state';
import { applyDecision, applyDecisionRequirements } from './decisions';
import { applyForm, applyProcess } from './definitions';
import { applyIncident } from './incident';
import { applyJob, applyJobBatch } from './job';
import { applyMessage, applyMessageStartSubscription, applyMessageSubscription } from './message';
import { applyMigrated } from './migration';
import { applyMultiInstance } from './multi-instance';
import { applyProcessEvent } from './process-event';
import { applyProcessInstance } from './process-instance';
import { applySignalSubscription } from './signal';
import { applyTimer } from './timer';
import { applyUserTask } from './user-task';
import { applyVariable } from './variable';

type Applier = (state: EngineState, record: EngineRecord) => void;

/**
 * Appliers by value type, intent and record version: the type makes every event intent of every value type name
 * one. An event whose shape changes gets the next version with an applier of its own, beside the older ones that
 * still read the events already in the log.
 */
type Appliers = { readonly [V in ValueType]: { readonly [I in EventIntent<V>]: Readonly<Record<number, Applier>> } };

const v1 = (applier: Applier): Record<number, Applier> => ({ 1: applier });

/** For events that change no state (the outcome of a command, kept for the read models and the history). */
const NO_STATE = v1(() => undefined);

const APPLIERS: Appliers = {
  DEPLOYMENT: { CREATED: NO_STATE },
  PROCESS: { CREATED: v1(applyProcess), DELETED: v1(applyProcess) },
  DECISION: { CREATED: v1(applyDecision), DELETED: v1(applyDecision) },
  DECISION_REQUIREMENTS: { CREATED: v1(applyDecisionRequirements), DELETED: v1(applyDecisionRequirements) },
  FORM: { CREATED: v1(applyForm), DELETED: v1(applyForm) },
  PROCESS_INSTANCE: {
    ELEMENT_ACTIVATING: v1(applyProcessInstance), ELEMENT_ACTIVATED: v1(applyProcessInstance),
    ELEMENT_COMPLETING: v1(applyProcessInstance), ELEMENT_COMPLETED: v1(applyProcessInstance),
    ELEMENT_TERMINATING: v1(applyProcessInstance), ELEMENT_TERMINATED: v1(applyProcessInstance),
    SEQUENCE_FLOW_TAKEN: v1(applyProcessInstance), SEQUENCE_FLOW_DELETED: v1(applyProcessInstance), ELEMENT_MIGRATED: v1(applyMigrated),
  },
  PROCESS_INSTANCE_CREATION: { CREATED: NO_STATE },
  PROCESS_INSTANCE_MODIFICATION: { MODIFIED: NO_STATE },
  PROCESS_INSTANCE_MIGRATION: { MIGRATED: NO_STATE },
  JOB: {
    CREATED: v1(applyJob), COMPLETED: v1(applyJob), FAILED: v1(applyJob), TIMED_OUT: v1(applyJob), RETRIES_UPDATED: v1(applyJob),
    TIMEOUT_UPDATED: v1(applyJob), CANCELED: v1(applyJob), ERROR_THROWN: v1(applyJob), RECURRED_AFTER_BACKOFF: v1(applyJob),
    YIELDED: v1(applyJob), MIGRATED: v1(applyMigrated),
  },
  JOB_BATCH: { ACTIVATED: v1(applyJobBatch) },
  VARIABLE: { CREATED: v1(applyVariable), UPDATED: v1(applyVariable) },
  VARIABLE_DOCUMENT: { UPDATED: NO_STATE },
  INCIDENT: { CREATED: v1(applyIncident), RESOLVED: v1(applyIncident), MIGRATED: v1(applyMigrated) },
  MESSAGE: { PUBLISHED: v1(applyMessage), EXPIRED: v1(applyMessage) },
  MESSAGE_SUBSCRIPTION: {
    CREATED: v1(applyMessageSubscription), CORRELATED: v1(applyMessageSubscription), DELETED: v1(applyMessageSubscription),
    MIGRATED: v1(applyMigrated),
  },
  MESSAGE_START_EVENT_SUBSCRIPTION: {
    CREATED: v1(applyMessageStartSubscription), CORRELATED: v1(applyMessageStartSubscription), DELETED: v1(applyMessageStartSubscription),
  },
  PROCESS_MESSAGE_SUBSCRIPTION: {},
  MESSAGE_CORRELATION: { CORRELATED: NO_STATE },
  TIMER: { CREATED: v1(applyTimer), TRIGGERED: v1(applyTimer), CANCELED: v1(applyTimer), MIGRATED: v1(applyMigrated) },
  SIGNAL: { BROADCASTED: NO_STATE },
  SIGNAL_SUBSCRIPTION: { CREATED: v1(applySignalSubscription), DELETED: v1(applySignalSubscription), MIGRATED: v1(applyMigrated) },
  ESCALATION: { ESCALATED: NO_STATE, NOT_ESCALATED: NO_STATE },
  DECISION_EVALUATION: { EVALUATED: NO_STATE, FAILED: NO_STATE },
  USER_TASK: {
    CREATING: v1(applyUserTask), CREATED: v1(applyUserTask), ASSIGNING: v1(applyUserTask), ASSIGNED: v1(applyUserTask),
    UPDATING: v1(applyUserTask), UPDATED: v1(applyUserTask), COMPLETING: v1(applyUserTask), COMPLETED: v1(applyUserTask),
    CANCELING: v1(applyUserTask), CANCELED: v1(applyUserTask), MIGRATED: v1(applyMigrated),
  },
  RESOURCE_DELETION: { DELETED: NO_STATE },
  MULTI_INSTANCE: { INPUT_COLLECTION_EVALUATED: v1(applyMultiInstance) },
  PROCESS_EVENT: { TRIGGERING: v1(applyProcessEvent), TRIGGERED: v1(applyProcessEvent) },
};

const byIntentOf = (valueType: ValueType) =>
  APPLIERS[valueType] as Readonly<Record<string, Readonly<Record<number, Applier>>>> | undefined;

/** The latest record version per value type and intent, computed once: new events are written with it. */
const LATEST: Readonly<Record<string, Readonly<Record<string, number>>>> = Object.fromEntries(
  Object.entries(APPLIERS).map(([valueType, byIntent]) => [
    valueType,
    Object.fromEntries(Object.entries(byIntent as Record<string, Record<number, Applier>>).map(([intent, versions]) => [intent, Math.max(...Object.keys(versions).map(Number))])),
  ]),
);

/** The version a new event of this value type and intent is written with: that of its latest applier. */
export function latestRecordVersion(valueType: ValueType, intent: string): number {
  const version = LATEST[valueType]?.[intent];
  if (version === undefined) throw new Error(`Expected an applier for the event ${valueType} ${intent}, but there is none`);
  return version;
}

/** The applier of a record's value type, intent and record version (undefined when there is none), for tests. */
export function applierOf(record: Pick<EngineRecord, 'valueType' | 'intent' | 'recordVersion'>): Applier | undefined {
  return byIntentOf(record.valueType)?.[record.intent]?.[record.recordVersion];
}

/**
 * Applies one event to the state: the only way state changes, live and on replay. An event without an applier
 * (an intent this code does not know, a version it cannot read) is refused rather than skipped, so that a state
 * never silently misses a change.
 */
export function applyRecord(state: EngineState, record: EngineRecord): void {
  const applier = applierOf(record);
  if (!applier) {
    throw new Error(
      `Expected an applier for the event ${record.valueType} ${record.intent} of record version ${record.recordVersion} at position ${record.position}, but there is none`,
    );
  }
  state.journal.whileApplying(() => applier(state, record));
}
