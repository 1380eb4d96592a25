import { type JsonObject, type Key } from '../../api';
import { type ProcessingContext } from '../context';
import { mergeLocal, propagate } from '../elements/shared/variables';
import { checkVariables } from './create-instance';

/** SetVariables (A1): propagate from the given scope, or set locally. */
export function setVariables(ctx: ProcessingContext, req: { elementInstanceKey: Key; variables: JsonObject; local?: boolean }): { key: Key } {
  const inst = ctx.state.instance(req.elementInstanceKey);
  if (!inst) {
    ctx.reject('VARIABLE_DOCUMENT', 'UPDATE', 'NOT_FOUND', `Expected to update variables for element with key '${req.elementInstanceKey}', but no such element was found`);
  }
  const doc = checkVariables(ctx, req.variables, 'VARIABLE_DOCUMENT', 'UPDATE');
  const key = ctx.keys.nextKey();
  if (req.local) mergeLocal(ctx, inst.key, doc);
  else propagate(ctx, inst.key, doc);
  ctx.event('VARIABLE_DOCUMENT', 'UPDATED', key, {
    scopeKey: inst.key, updateSemantics: req.local ? 'LOCAL' : 'PROPAGATE', variables: doc,
    processInstanceKey: inst.processInstanceKey, tenantId: inst.tenantId,
  });
  return { key };
}
