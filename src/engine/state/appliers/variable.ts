import { type EngineRecord, type VariableRecordValue } from '../../api';
import { type EngineState } from '../engine-state';

export function applyVariable(state: EngineState, record: EngineRecord): void {
  const v = record.value as unknown as VariableRecordValue;
  let scope = state.variables.get(v.scopeKey);
  if (!scope) {
    scope = new Map();
    state.variables.set(v.scopeKey, scope);
  }
  scope.set(v.name, v.value);
}
