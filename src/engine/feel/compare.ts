/**
 * FEEL comparison with feel-scala's rules (ValComparator, docs/engine-semantics.md, "FEEL"): values of different kinds are not
 * comparable (null plus NOT_COMPARABLE), `x = null` holds only for null, ordering a null gives null, zoned
 * date-times order by instant (then wall clock and zone, like Java's ZonedDateTime) and are equal only for the
 * same instant in the same zone. Called through the rewrite in ./rewrite.ts.
 */
import { type FeelDate, type FeelDateTime, type FeelDuration, type FeelTime } from 'feelin';
import {
  daysTimeMs, describe, instantNs, isOrdered, kindOf, sameZone, timeInstantNs, totalMonths, type FeelKind,
} from './kinds';
import { currentScope } from './scope';

export type CompareOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

function notComparable(a: unknown, b: unknown): null {
  currentScope().warnings.push({ type: 'NOT_COMPARABLE', message: `Can't compare '${describe(a)}' with '${describe(b)}'` });
  return null;
}

const sign = (n: number | bigint): number => (n > 0 ? 1 : n < 0 ? -1 : 0);

/** -1, 0 or 1 for two values of the same ordered kind. */
function order(kind: FeelKind, a: unknown, b: unknown): number {
  switch (kind) {
    case 'number':
      return sign((a as number) - (b as number));
    case 'string':
      return a === b ? 0 : (a as string) < (b as string) ? -1 : 1;
    case 'date':
      return (a as FeelDate).unwrap().since((b as FeelDate).unwrap()).sign;
    case 'local time':
      return (a as FeelTime).unwrap().since((b as FeelTime).unwrap()).sign;
    case 'time':
      return sign(timeInstantNs(a as FeelTime) - timeInstantNs(b as FeelTime));
    case 'local date and time':
      return (a as FeelDateTime).unwrap().since((b as FeelDateTime).unwrap()).sign;
    case 'date and time': {
      const x = a as FeelDateTime;
      const y = b as FeelDateTime;
      const byInstant = sign(instantNs(x) - instantNs(y));
      if (byInstant !== 0) return byInstant;
      const byWall = x.unwrap().since(y.unwrap()).sign;
      if (byWall !== 0) return byWall;
      return sameZone(x.zone as string, y.zone as string) ? 0 : sign((x.zone as string).localeCompare(y.zone as string));
    }
    case 'years and months duration':
      return sign(totalMonths(a as FeelDuration) - totalMonths(b as FeelDuration));
    case 'days and time duration':
      return sign(daysTimeMs(a as FeelDuration) - daysTimeMs(b as FeelDuration));
    default:
      throw new Error(`values of kind '${kind}' have no order`);
  }
}

/** true / false for values of the same kind; null when some pair inside them is not comparable. */
function equal(a: unknown, b: unknown): boolean | null {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return null;
  if (kind === 'boolean') return a === b;
  if (kind === 'time') return order(kind, a, b) === 0 && sameZone((a as FeelTime).zone!, (b as FeelTime).zone!);
  if (isOrdered(kind)) return order(kind, a, b) === 0;
  if (kind === 'list') {
    const x = a as unknown[];
    const y = b as unknown[];
    return x.length === y.length && x.every((item, i) => equal(item, y[i]) === true);
  }
  if (kind === 'context') {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    return keys.every((key) => Object.prototype.hasOwnProperty.call(y, key) && equal(x[key], y[key]) === true);
  }
  return null;
}

/** `a op b` in FEEL: true, false, or null (with a NOT_COMPARABLE warning when the kinds differ). */
export function compare(operator: CompareOperator, a: unknown, b: unknown): boolean | null {
  if (operator === '=' || operator === '!=') {
    const result = equal(a, b);
    if (result === null) return notComparable(a, b);
    return operator === '=' ? result : !result;
  }
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const kind = kindOf(a);
  if (kind !== kindOf(b) || !isOrdered(kind)) return notComparable(a, b);
  const result = order(kind, a, b);
  switch (operator) {
    case '<':
      return result < 0;
    case '<=':
      return result <= 0;
    case '>':
      return result > 0;
    default:
      return result >= 0;
  }
}

const OPERATORS = new Set<string>(['=', '!=', '<', '<=', '>', '>=']);

export function isCompareOperator(text: string): text is CompareOperator {
  return OPERATORS.has(text);
}

/**
 * `x in [a..b]`, `x between a and b`: null with NOT_COMPARABLE unless all three are of one ordered kind
 * (feelin would throw or answer for mixed kinds).
 */
export function inRange(x: unknown, start: unknown, end: unknown, startIncluded: boolean, endIncluded: boolean): boolean | null {
  const kind = kindOf(x);
  if (!isOrdered(kind) || kindOf(start) !== kind || kindOf(end) !== kind) {
    currentScope().warnings.push({
      type: 'NOT_COMPARABLE', message: `Can't compare '${describe(x)}' with '${describe(start)}' and '${describe(end)}'`,
    });
    return null;
  }
  const fromStart = order(kind, x, start);
  const toEnd = order(kind, x, end);
  return (startIncluded ? fromStart >= 0 : fromStart > 0) && (endIncluded ? toEnd <= 0 : toEnd < 0);
}
