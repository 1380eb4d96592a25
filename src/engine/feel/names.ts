/**
 * Run-time side of names in backticks (`` `order-id` ``, `` a.`b-c` ``), see ./backticks.ts. A backtick name the
 * root variables lack is bound to MISSING in feelin's context, so that feelin still parses it as a name and
 * scopes it (filter items, context entries, parameters shadow it); `ref` turns MISSING into null plus feel-scala's
 * NO_VARIABLE_FOUND. `path` reads a context entry by a name feelin could not parse after a dot.
 */
import { describe } from './kinds';
import { currentScope } from './scope';
import { missingEntry } from './warnings';

class MissingName {}

/** The value of a backtick name that no variable has. */
export const MISSING: unknown = new MissingName();

export function ref(value: unknown, name: unknown): unknown {
  if (value !== MISSING) return value ?? null;
  currentScope().warnings.push({ type: 'NO_VARIABLE_FOUND', message: `No variable found with name '${String(name)}'` });
  return null;
}

const isContext = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;

/** `target.key` as feel-scala reads it: a context entry, the entries of a list's items, else null and a warning. */
export function path(target: unknown, key: unknown): unknown {
  const name = String(key);
  const warnings = currentScope().warnings;
  if (Array.isArray(target)) return target.map((item) => path(item, name));
  if (target === null || target === undefined || target === MISSING) {
    warnings.push({ type: 'NO_CONTEXT_ENTRY_FOUND', message: `No context entry found with key '${name}'. The context is null` });
    return null;
  }
  if (isContext(target)) {
    if (Object.prototype.hasOwnProperty.call(target, name) && target[name] !== undefined) return target[name];
    warnings.push(missingEntry(name, Object.keys(target)));
    return null;
  }
  warnings.push({ type: 'NO_PROPERTY_FOUND', message: `No property found with name '${name}' of value '${describe(target)}'` });
  return null;
}
