import type { Database } from 'better-sqlite3';
import type {
  EngineRecord,
  IncidentRecordValue,
  ProcessInstanceRecordValue,
  Projection,
  UserTaskRecordValue,
  VariableRecordValue,
} from '../api';
import { applyDefinitionRecord } from './definitions';
import { applyIncidentRecord } from './incidents';
import { applyProcessInstanceRecord } from './instances';
import { applyJobRecord } from './jobs';
import { applyMigratedRecord } from './migrations';
import { createReadModelTables } from './schema';
import { applyUserTaskRecord } from './user-tasks';
import { applyVariableRecord } from './variables';

export { READ_MODEL_TABLES } from './schema';

/** The name of the read models' projection: an engine created with it answers `Engine.readModel()`. */
export const READ_MODELS_PROJECTION = 'rest-read-models';

const as = <V>(record: EngineRecord): EngineRecord<V> => record as EngineRecord<unknown> as EngineRecord<V>;

/**
 * The read models behind REST `/v2` searches, kept in the engine's database and updated in its write transaction.
 * Pass it to createEngine({ projections: [readModels()] }) so that the engine's read model (`read-model/`) and
 * with it the REST searches have their tables.
 */
export function readModels(): Projection {
  return {
    name: READ_MODELS_PROJECTION,
    setup(db: Database): void {
      createReadModelTables(db);
    },
    apply(records: readonly EngineRecord[], db: Database): void {
      for (const record of records) {
        if (record.intent === 'ELEMENT_MIGRATED' || record.intent === 'MIGRATED') {
          applyMigratedRecord(record, db);
          continue;
        }
        switch (record.valueType) {
          case 'PROCESS_INSTANCE':
            applyProcessInstanceRecord(as<ProcessInstanceRecordValue>(record), db);
            break;
          case 'VARIABLE':
            applyVariableRecord(as<VariableRecordValue>(record), db);
            break;
          case 'INCIDENT':
            applyIncidentRecord(as<IncidentRecordValue>(record), db);
            break;
          case 'USER_TASK':
            applyUserTaskRecord(as<UserTaskRecordValue>(record), db);
            break;
          case 'JOB':
          case 'JOB_BATCH':
            applyJobRecord(record, db);
            break;
          case 'PROCESS':
          case 'FORM':
          case 'DECISION':
          case 'DECISION_REQUIREMENTS':
            applyDefinitionRecord(record, db);
            break;
          default:
            break;
        }
      }
    },
  };
}
