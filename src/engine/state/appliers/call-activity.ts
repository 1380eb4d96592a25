import { type ProcessInstanceRecordValue } from '../../api';
import { type EngineState } from '../engine-state';

/** A called process instance is linked from its call activity, so that terminating the call activity finds it. */
export function linkCalledProcess(state: EngineState, key: string, v: ProcessInstanceRecordValue): void {
  if (v.bpmnElementType !== 'PROCESS' || v.parentElementInstanceKey === '-1') return;
  const callActivity = state.elementInstances.get(v.parentElementInstanceKey);
  if (callActivity) callActivity.calledProcessInstanceKey = key;
}
