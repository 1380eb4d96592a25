import { type ElementInstance, type Variable } from '../camunda/port';

/** A variable as the instance page lists it: `scope` names the element of a local variable, none for the process. */
export interface ListedVariable {
  name: string;
  value: string;
  scope?: string;
}

const byName = (a: ListedVariable, b: ListedVariable) => a.name.localeCompare(b.name, 'zh') || (a.scope ?? '').localeCompare(b.scope ?? '', 'zh');

/**
 * The instance's variables, each once: the engine keeps one variable per scope, so a name set on the process and
 * again as a task's or sub-process's local variable (input mappings, multi-instance items) came back several times.
 * Process variables come first; local ones are listed apart with the element they belong to.
 */
export function instanceVariables(variables: Variable[], elements: ElementInstance[], processInstanceKey: string): { process: ListedVariable[]; local: ListedVariable[] } {
  const elementName = new Map(elements.map((e) => [e.elementInstanceKey, e.elementName || e.elementId]));
  const seen = new Set<string>();
  const process: ListedVariable[] = [];
  const local: ListedVariable[] = [];
  for (const v of variables) {
    const scopeKey = v.scopeKey ?? processInstanceKey;
    const id = `${scopeKey}\u0000${v.name}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (scopeKey === processInstanceKey) process.push({ name: v.name, value: v.value });
    else local.push({ name: v.name, value: v.value, scope: elementName.get(scopeKey) ?? `环节实例 ${scopeKey}` });
  }
  return { process: process.sort(byName), local: local.sort(byName) };
}

/** Values longer than this are folded to a preview on the instance page. */
export const PREVIEW_CHARS = 120;

/** The value as shown: a long one gets a preview and its full text, pretty-printed when it is a JSON object or array. */
export function displayValue(value: string): { preview?: string; full: string } {
  if ([...value].length <= PREVIEW_CHARS) return { full: value };
  let full = value;
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object') full = JSON.stringify(parsed, null, 2);
  } catch {
    // not JSON (a truncated value): shown as it is
  }
  return { preview: `${[...value].slice(0, PREVIEW_CHARS).join('')}…`, full };
}
