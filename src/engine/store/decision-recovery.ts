import { type DecisionRequirementsRecordValue } from '../api';
import { loadDecisionGraph } from '../dmn/drg-cache';
import { type RecordStore } from './record-store';

/** Parses every deployed DMN resource once, so that decisions can be evaluated synchronously after a restart. */
export async function loadDecisionGraphs(store: RecordStore): Promise<void> {
  const rows = store.db
    .prepare(`SELECT value FROM engine_records WHERE value_type = 'DECISION_REQUIREMENTS' AND intent = 'CREATED' ORDER BY position`)
    .all() as { value: string }[];
  for (const row of rows) {
    const v = JSON.parse(row.value) as DecisionRequirementsRecordValue;
    await loadDecisionGraph(v.checksum, v.resource);
  }
}
