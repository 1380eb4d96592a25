import { type Key, type ModifyInstanceRequest } from '../../api';
import { type ProcessingContext } from '../context';
import { elementOf } from '../elements/shared/element';
import { terminateElement } from '../elements/shared/lifecycle';
import { activateInstruction } from './modify-instance-activation';
import { checkModification } from './modify-instance-checks';

/**
 * ModifyProcessInstance (administrators), as Zeebe 8.8 does it: all instructions are checked first
 * (modify-instance-checks.ts), then the activate instructions run in order (modify-instance-activation.ts), then
 * the terminate instructions; a flow scope left without anything active (and not needed by an activation) is
 * terminated too, up to the process instance. The MODIFIED event comes last and names, per activate instruction,
 * the flow scope instances it used or created.
 */
export function modifyProcessInstance(ctx: ProcessingContext, processInstanceKey: Key, req: ModifyInstanceRequest): void {
  const root = elementOf(ctx, processInstanceKey);
  if (!root || root.inst.type !== 'PROCESS' || root.inst.state !== 'ACTIVATED') {
    ctx.reject('PROCESS_INSTANCE_MODIFICATION', 'MODIFY', 'NOT_FOUND',
      `Expected to modify process instance but no process instance found with key '${processInstanceKey}'`);
  }
  checkModification(ctx, root, req);
  const required = new Set<Key>();
  const pending = new Set<Key>();
  const activateInstructions = (req.activateInstructions ?? []).map((instruction) => {
    const scopeKeys = activateInstruction(ctx, root, instruction, pending);
    for (const key of scopeKeys) required.add(key);
    return { ...instruction, ancestorScopeKeys: [...new Set(scopeKeys)] };
  });
  for (const { elementInstanceKey } of req.terminateInstructions ?? []) {
    // an earlier instruction may have terminated it already (with its flow scope)
    const el = elementOf(ctx, elementInstanceKey);
    if (!el || el.inst.state === 'TERMINATING') continue;
    terminateElement(ctx, el);
    terminateEmptyScopes(ctx, el.inst.flowScopeKey, required);
  }
  ctx.event('PROCESS_INSTANCE_MODIFICATION', 'MODIFIED', processInstanceKey, {
    processInstanceKey, activateInstructions, terminateInstructions: req.terminateInstructions ?? [],
  });
}

/** Scopes left without active children (and not needed by an activation) are terminated, up to the process instance. */
function terminateEmptyScopes(ctx: ProcessingContext, scopeKey: Key, required: Set<Key>): void {
  for (let key = scopeKey; key !== '-1';) {
    const scope = elementOf(ctx, key);
    if (!scope || scope.inst.state !== 'ACTIVATED' || required.has(key)) return;
    if (scope.inst.children.length > 0 || Object.keys(scope.inst.joinTokens ?? {}).length > 0) return;
    if (scope.inst.type === 'PROCESS' && scope.inst.parentProcessInstanceKey !== '-1') {
      // the parent would not know what to do with a child instance that ended this way
      ctx.reject('PROCESS_INSTANCE_MODIFICATION', 'MODIFY', 'INVALID_ARGUMENT',
        `Expected to modify instance of process '${scope.inst.bpmnProcessId}' but the given instructions would terminate the instance. `
        + 'The instance was created by a call activity in the parent process. To terminate this instance please modify the parent process instead.');
    }
    const next = scope.inst.flowScopeKey;
    terminateElement(ctx, scope);
    key = next;
  }
}
