/**
 * Plain variable paths (`orderId`, `report.enterprise.name`) are most mapping sources. feelin spends ~100 µs
 * re-parsing each one, so they are resolved here directly, with the same result and warnings; anything but
 * contexts and null along the way (lists, strings…) is left to feelin (returns null).
 */
import { missingEntry, type FeelWarning } from './warnings';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

const has = (object: Record<string, unknown>, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(object, key) && object[key] !== undefined;

export function resolvePath(
  path: readonly string[],
  variables: Record<string, unknown>,
): { value: unknown; warnings: FeelWarning[] } | null {
  const warnings: FeelWarning[] = [];
  let value: unknown = null;
  const [root, ...keys] = path;
  if (has(variables, root)) value = variables[root];
  else warnings.push({ type: 'NO_VARIABLE_FOUND', message: `No variable found with name '${root}'` });
  for (const key of keys) {
    if (value === null) {
      warnings.push({ type: 'NO_CONTEXT_ENTRY_FOUND', message: `No context entry found with key '${key}'. The context is null` });
    } else if (isPlainObject(value)) {
      if (has(value, key)) {
        value = value[key];
      } else {
        warnings.push(missingEntry(key, Object.keys(value)));
        value = null;
      }
    } else {
      return null;
    }
  }
  // feelin turns JS dates into FEEL values; leave anything but JSON-like values to it
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !isPlainObject(value)) return null;
  return { value, warnings };
}
