/**
 * Camunda's FEEL extension functions that feelin lacks (docs/engine-semantics.md, "FEEL"), plus overrides of `now()` and
 * `today()` (injected clock) and of builtins whose Camunda signatures are wider (`string join` with prefix and
 * suffix, `get value(context, keys)`). `date and time(value, zone)` lives in ./operators.ts: feelin binds that
 * name at parse time, so ./rewrite.ts redirects the call. Calls reach these functions under aliases (./rewrite.ts).
 * Functions read the running evaluation from ./scope; a failed call records FUNCTION_INVOCATION_FAILURE and yields
 * null, `assert` aborts.
 */
import { randomUUID } from 'node:crypto';
import { FeelDate, FeelDateTime, FeelDuration, evaluate as feelinEvaluate, parseDate } from 'feelin';
import { AssertionFailure, currentScope, define, invocationFailure, type FeelFn } from './scope';
import { feelNow, feelToday } from './temporal';
import { formatDuration, toStoredValue } from './values';


/** feelin's own implementation of a builtin, to delegate the signatures we do not widen. */
function builtin(name: string): FeelFn {
  const value = feelinEvaluate(name, {}).value;
  if (typeof value !== 'function') throw new Error(`feelin has no builtin '${name}'`);
  return value as FeelFn;
}

const isNil = (v: unknown): v is null | undefined => v === null || v === undefined;
const isString = (v: unknown): v is string => typeof v === 'string';

const originalStringJoin = builtin('string join');
const originalGetValue = builtin('get value');

function hasPath(root: Record<string, unknown>, path: readonly unknown[]): boolean {
  let node: unknown = root;
  for (const segment of path) {
    if (!isString(segment)) return false;
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, segment)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}

function sameValueKey(value: unknown): string {
  return JSON.stringify(toStoredValue(value));
}

export const extensionFunctions: Record<string, FeelFn> = {
  now: define([], () => feelNow(currentScope().nowEpochMs)),
  today: define([], () => feelToday(currentScope().nowEpochMs)),

  // `is defined(a.b)` is rewritten to pass the path's names (["a", "b"]) and the value of `a`, see rewrite.ts;
  // a null root may be a missing one, which only the root variables tell
  'is defined': define(['value', 'path', 'root'], (value, path, root) => {
    if (!isNil(value)) return true;
    if (!Array.isArray(path)) return false;
    return isNil(root) ? hasPath(currentScope().variables, path) : hasPath({ [String(path[0])]: root }, path);
  }),
  'get or else': define(['value', 'default'], (value, fallback) => (isNil(value) ? (fallback ?? null) : value)),
  assert: define(['value', 'condition', 'cause'], (value, condition, cause) => {
    if (condition !== true) throw new AssertionFailure(isString(cause) ? cause : 'The condition is not fulfilled');
    return value;
  }),

  'get value': define(['m', 'key'], (context, key) => {
    if (!Array.isArray(key)) return originalGetValue(context, key);
    let node: unknown = context;
    for (const segment of key) {
      if (node === null || typeof node !== 'object' || !isString(segment)) return null;
      node = (node as Record<string, unknown>)[segment];
    }
    return node ?? null;
  }),

  'string join': define(['list', 'delimiter', 'prefix', 'suffix'], (list, delimiter, prefix, suffix) => {
    if (isNil(prefix) && isNil(suffix)) return originalStringJoin(list, delimiter);
    if (!Array.isArray(list) || list.some((item) => !isNil(item) && !isString(item))) {
      return invocationFailure('string join', 'expected a list of strings');
    }
    const joined = list.filter(isString).join(isString(delimiter) ? delimiter : '');
    return `${isString(prefix) ? prefix : ''}${joined}${isString(suffix) ? suffix : ''}`;
  }),

  'last day of month': define(['date'], (value) => {
    if (!(value instanceof FeelDate || value instanceof FeelDateTime)) {
      return invocationFailure('last day of month', 'expected a date or a date and time');
    }
    const date = value instanceof FeelDate ? value.unwrap() : value.unwrap().toPlainDate();
    return parseDate(date.with({ day: date.daysInMonth }).toString());
  }),

  'is empty': define(['list'], (list) => (Array.isArray(list) ? list.length === 0 : invocationFailure('is empty', 'expected a list'))),
  'is blank': define(['string'], (s) => (isString(s) ? s.trim() === '' : invocationFailure('is blank', 'expected a string'))),
  trim: define(['string'], (s) => (isString(s) ? s.trim() : invocationFailure('trim', 'expected a string'))),
  uuid: define([], () => randomUUID()),
  'to base64': define(['value'], (s) =>
    isString(s) ? Buffer.from(s, 'utf8').toString('base64') : invocationFailure('to base64', 'expected a string')),
  'random number': define([], () => Math.random()),

  'duplicate values': define(['list'], (list) => {
    if (!Array.isArray(list)) return invocationFailure('duplicate values', 'expected a list');
    const seen = new Set<string>();
    const reported = new Set<string>();
    const duplicates: unknown[] = [];
    for (const item of list) {
      const key = sameValueKey(item);
      if (seen.has(key) && !reported.has(key)) {
        reported.add(key);
        duplicates.push(item);
      }
      seen.add(key);
    }
    return duplicates;
  }),
  partition: define(['list', 'size'], (list, size) => {
    if (!Array.isArray(list)) return invocationFailure('partition', 'expected a list');
    if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) {
      return invocationFailure('partition', 'size must be a positive whole number');
    }
    const parts: unknown[][] = [];
    for (let i = 0; i < list.length; i += size) parts.push(list.slice(i, i + size));
    return parts;
  }),
  extract: define(['string', 'pattern'], (s, pattern) => {
    if (!isString(s) || !isString(pattern)) return invocationFailure('extract', 'expected a string and a pattern');
    try {
      return Array.from(s.matchAll(new RegExp(pattern, 'gu')), (m) => m[0]);
    } catch {
      return invocationFailure('extract', `invalid pattern '${pattern}'`);
    }
  }),

  // Zeebe's timer helper: cycle(3, duration("PT1H")) = "R3/PT1H", cycle(duration("P7D")) = "R/P7D"
  cycle: define(['repetitions', 'interval'], (first, second) => {
    const interval = second === undefined || second === null ? first : second;
    const repetitions = interval === first ? null : first;
    if (!(interval instanceof FeelDuration)) return invocationFailure('cycle', 'expected a duration');
    if (repetitions !== null && (typeof repetitions !== 'number' || !Number.isInteger(repetitions) || repetitions < 0)) {
      return invocationFailure('cycle', 'repetitions must be a whole number');
    }
    return `R${repetitions ?? ''}/${formatDuration(interval)}`;
  }),

  'to json': define(['value'], (value) => JSON.stringify(toStoredValue(value))),
  'from json': define(['value'], (text) => {
    if (!isString(text)) return invocationFailure('from json', 'expected a string');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return invocationFailure('from json', `invalid JSON '${text}'`);
    }
  }),
  fromAi: define(['value', 'description', 'type'], (value) => value ?? null),
};

/** The extension names, needed by the parser to recognise names with spaces. */
export const extensionNames: readonly string[] = Object.keys(extensionFunctions);
