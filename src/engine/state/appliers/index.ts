import { type EngineRecord, type ValueType } from '../../api';
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

const APPLIERS: Partial<Record<ValueType, Applier>> = {
  PROCESS: applyProcess,
  FORM: applyForm,
  PROCESS_INSTANCE: applyProcessInstance,
  VARIABLE: applyVariable,
  JOB: applyJob,
  JOB_BATCH: applyJobBatch,
  INCIDENT: applyIncident,
  TIMER: applyTimer,
  MESSAGE: applyMessage,
  MESSAGE_SUBSCRIPTION: applyMessageSubscription,
  MESSAGE_START_EVENT_SUBSCRIPTION: applyMessageStartSubscription,
  USER_TASK: applyUserTask,
  DECISION: applyDecision,
  DECISION_REQUIREMENTS: applyDecisionRequirements,
  SIGNAL_SUBSCRIPTION: applySignalSubscription,
  MULTI_INSTANCE: applyMultiInstance,
  PROCESS_EVENT: applyProcessEvent,
};

/** Applies one EVENT record to the state: the only way state changes, live and on replay. */
export function applyRecord(state: EngineState, record: EngineRecord): void {
  const applier = record.intent === 'ELEMENT_MIGRATED' || record.intent === 'MIGRATED' ? applyMigrated : APPLIERS[record.valueType];
  if (applier) state.journal.whileApplying(() => applier(state, record));
}
