import { type Key } from '../../api';
import { type ProcessingContext } from '../context';
import { elementOf } from '../elements/shared/element';
import { terminateElement } from '../elements/shared/lifecycle';

/** CancelProcessInstance (A10): terminates the whole tree, innermost first. */
export function cancelProcessInstance(ctx: ProcessingContext, processInstanceKey: Key): void {
  const el = elementOf(ctx, processInstanceKey);
  if (!el || el.inst.type !== 'PROCESS' || el.inst.state === 'TERMINATING') {
    ctx.reject('PROCESS_INSTANCE', 'CANCEL', 'NOT_FOUND', `Expected to cancel a process instance with key '${processInstanceKey}', but no such process was found`);
  }
  if (el.inst.parentProcessInstanceKey !== '-1') {
    const root = ctx.state.rootOf(el.inst.parentProcessInstanceKey)?.key ?? el.inst.parentProcessInstanceKey;
    ctx.reject('PROCESS_INSTANCE', 'CANCEL', 'INVALID_STATE',
      `Expected to cancel a process instance with key '${processInstanceKey}', but it is created by a parent process instance. Cancel the root process instance '${root}' instead.`);
  }
  terminateElement(ctx, el);
}
