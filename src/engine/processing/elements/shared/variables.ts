import { type JsonObject, type Key, type VariableRecordValue } from '../../../api';
import { evaluate } from '../../../feel';
import { type Mapping } from '../../../model/graph';
import { type ProcessingContext } from '../../context';
import { type Element } from './element';
import { raiseIncident } from './incidents';

/** Variable writes and Zeebe's two merge algorithms (docs/engine-semantics.md, "Variables"). */

export function setVariable(ctx: ProcessingContext, scopeKey: Key, name: string, value: unknown): void {
  const scope = ctx.state.instance(scopeKey);
  if (!scope) throw new Error(`Expected a variable scope '${scopeKey}', but none exists`);
  const json = JSON.stringify(value === undefined ? null : value);
  const current = ctx.state.localVariable(scopeKey, name);
  if (current === json) return;
  const record: VariableRecordValue = {
    name, value: json, scopeKey, processInstanceKey: scope.processInstanceKey,
    processDefinitionKey: scope.processDefinitionKey, bpmnProcessId: scope.bpmnProcessId, tenantId: scope.tenantId,
  };
  ctx.event('VARIABLE', current === undefined ? 'CREATED' : 'UPDATED', ctx.keys.nextKey(), record);
}

export function mergeLocal(ctx: ProcessingContext, scopeKey: Key, doc: JsonObject): void {
  for (const [name, value] of Object.entries(doc)) setVariable(ctx, scopeKey, name, value);
}

/** Each key updates the nearest scope that holds it, or is created at the root. */
export function propagate(ctx: ProcessingContext, startScopeKey: Key, doc: JsonObject): void {
  const root = ctx.state.instance(startScopeKey)?.processInstanceKey ?? startScopeKey;
  for (const [name, value] of Object.entries(doc)) {
    setVariable(ctx, ctx.state.scopeHolding(startScopeKey, name) ?? root, name, value);
  }
}

/** A payload (job completion, message, user task) for an element: propagated, or kept local for output mappings. */
export function applyPayload(ctx: ProcessingContext, el: Element, doc: JsonObject | undefined): void {
  if (!doc || Object.keys(doc).length === 0) return;
  if (el.node.outputs.length > 0) mergeLocal(ctx, el.inst.key, doc);
  else propagate(ctx, el.inst.key, doc);
}

/** Evaluates the input mappings into element locals; all or nothing. Returns false after raising an incident. */
export function applyInputMappings(ctx: ProcessingContext, el: Element): boolean {
  // applied once: before the start listeners, which may read them and set variables of the same name
  if (el.node.inputs.length === 0 || (el.inst.startListenersDone ?? 0) > 0) return true;
  const result = evaluateMappings(ctx, el, el.node.inputs, false);
  if (!result) return false;
  mergeLocal(ctx, el.inst.key, result);
  return true;
}

/** Evaluates the output mappings and propagates their result from the flow scope. */
export function applyOutputMappings(ctx: ProcessingContext, el: Element): boolean {
  if (el.node.outputs.length === 0) return true;
  const result = evaluateMappings(ctx, el, el.node.outputs, true);
  if (!result) return false;
  // a multi-instance inner instance propagates from itself, so that its output-element locals are updated (A1)
  const innerOfLoop = ctx.state.instance(el.inst.flowScopeKey)?.type === 'MULTI_INSTANCE_BODY';
  const target = el.inst.flowScopeKey === '-1' || innerOfLoop ? el.inst.key : el.inst.flowScopeKey;
  propagate(ctx, target, result);
  return true;
}

function evaluateMappings(ctx: ProcessingContext, el: Element, mappings: Mapping[], mergeExisting: boolean): JsonObject | undefined {
  const visible = ctx.state.visibleVariables(el.inst.key);
  const result: JsonObject = {};
  const nestedRoots = new Set<string>();
  for (const mapping of mappings) {
    const evaluated = evaluate(mapping.source, { ...visible, ...result }, ctx.now);
    if (!evaluated.ok) {
      raiseIncident(ctx, el, 'IO_MAPPING_ERROR', evaluated.message);
      return undefined;
    }
    const path = mapping.target.split('.');
    const [rootName] = path;
    if (path.length === 1) {
      result[rootName] = evaluated.value;
      nestedRoots.delete(rootName);
      continue;
    }
    if (!nestedRoots.has(rootName)) {
      const existing = mergeExisting ? (rootName in result ? result[rootName] : visible[rootName]) : undefined;
      result[rootName] = existing === undefined || existing === null ? {} : isObject(existing) ? structuredClone(existing) : null;
      nestedRoots.add(rootName);
    }
    if (result[rootName] !== null) setPath(result[rootName] as JsonObject, path.slice(1), evaluated.value);
  }
  return result;
}

function setPath(target: JsonObject, path: string[], value: unknown): void {
  let current = target;
  for (const part of path.slice(0, -1)) {
    if (!isObject(current[part])) current[part] = {};
    current = current[part] as JsonObject;
  }
  current[path[path.length - 1]] = value;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
