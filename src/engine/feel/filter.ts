/**
 * List filters `l[c]` as feel-scala evaluates them (FeelInterpreter, Filter), where feelin picks index or
 * condition by the kind of `c` alone. ./rewrite.ts turns every filter into `__feel_filter(l, mode, value, each)`:
 * - mode "index" (`l[1]`, `l[-1]`): `value` is the index;
 * - mode "item" (a comparison with `=`, `<`, `<=`, `>`, `>=`, or a function call): `c` per item;
 * - mode "outer" (anything else): `value` is `function() c`, evaluated once without the item first (its warnings
 *   stay, as in feel-scala); a number is an index, otherwise `c` per item.
 * `each` is `function(item) [item][(__feel_capture(c) and true)]`: feelin's own filter of a one-item list puts
 * the item and its entries in scope, and `__feel_capture` hands the raw value of `c` over. Per item, a number for
 * the first item is an index; otherwise the items whose condition is true remain (null, strings and other values
 * select nothing). A value that is not a list gives null and INVALID_TYPE.
 */
import { isFunction } from 'feelin';
import { describe } from './kinds';
import { currentScope } from './scope';

let captured: unknown = null;

/** Hands the raw value of a filter condition to the running `filter`; true keeps feelin's one-item filter. */
export function capture(value: unknown): boolean {
  captured = value ?? null;
  return value === true;
}

function invoke(fn: unknown, args: unknown[]): unknown {
  if (isFunction(fn)) return (fn as { invoke(args: unknown[]): unknown }).invoke(args) ?? null;
  return typeof fn === 'function' ? ((fn as (...a: unknown[]) => unknown)(...args) ?? null) : null;
}

/** The condition's value for one item. */
function conditionFor(each: unknown, item: unknown): unknown {
  captured = null;
  invoke(each, [item]);
  const value = captured;
  captured = null;
  return value;
}

/** feel-scala's index: 1 is the first item, -1 the last; null outside the list. */
function at(list: unknown[], index: number): unknown {
  const i = index > 0 ? index - 1 : list.length + index;
  return i < 0 || i >= list.length ? null : list[Math.trunc(i)];
}

export function filter(list: unknown, mode: unknown, value: unknown, each: unknown): unknown {
  if (!Array.isArray(list)) {
    currentScope().warnings.push({ type: 'INVALID_TYPE', message: `Expected list but found '${describe(list)}'` });
    return null;
  }
  if (mode === 'index') return typeof value === 'number' ? at(list, value) : null;
  if (mode === 'outer') {
    const outer = invoke(value, []);
    if (typeof outer === 'number') return at(list, outer);
  }
  const kept: unknown[] = [];
  for (let i = 0; i < list.length; i++) {
    const condition = conditionFor(each, list[i]);
    if (i === 0 && typeof condition === 'number') return at(list, condition);
    if (condition === true) kept.push(list[i]);
  }
  return kept;
}
