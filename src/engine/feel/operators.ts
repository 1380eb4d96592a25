/**
 * The functions the rewrite (./rewrite.ts) routes operators and `date and time(x, y)` through, under names no
 * variable uses. They read the running evaluation from ./scope like the extension functions.
 */
import { FeelDateTime, evaluate as feelinEvaluate } from 'feelin';
import { add, divide, multiply, subtract } from './arithmetic';
import { compare, inRange, isCompareOperator } from './compare';
import { currentScope, define, invocationFailure, type FeelFn } from './scope';
import { capture, filter } from './filter';
import { path, ref } from './names';
import { inZone } from './temporal';
import { toZeebeWarnings } from './warnings';


export const OPERATOR = {
  compare: '__feel_compare',
  unaryCompare: '__feel_unary_compare',
  add: '__feel_add',
  subtract: '__feel_subtract',
  multiply: '__feel_multiply',
  divide: '__feel_divide',
  dateAndTime: '__feel_date_and_time',
  inRange: '__feel_in_range',
  unaryInRange: '__feel_unary_in_range',
  ref: '__feel_ref',
  path: '__feel_path',
  filter: '__feel_filter',
  capture: '__feel_capture',
} as const;

function compareText(operator: unknown, a: unknown, b: unknown): boolean | null {
  if (typeof operator !== 'string' || !isCompareOperator(operator)) throw new Error(`unknown comparison '${String(operator)}'`);
  return compare(operator, a, b);
}

function dateAndTime(first: unknown, second: unknown): unknown {
  if (typeof second !== 'string') {
    // date and time(date, time): feelin's own function
    const result = feelinEvaluate('date and time(a, b)', { a: first, b: second });
    currentScope().warnings.push(...toZeebeWarnings(result.warnings));
    return result.value ?? null;
  }
  if (!(first instanceof FeelDateTime)) {
    return invocationFailure('date and time', `expected a date and time and a timezone, but found '${String(first)}'`);
  }
  try {
    return inZone(first, second);
  } catch {
    return invocationFailure('date and time', `unknown timezone '${second}'`);
  }
}

export const operatorFunctions: Record<string, FeelFn> = {
  [OPERATOR.compare]: define(['operator', 'a', 'b'], compareText),
  // a unary test matches only on true; a null result (not comparable, null input) is no match
  [OPERATOR.unaryCompare]: define(['operator', 'input', 'b'], (operator, input, b) => compareText(operator, input, b) === true),
  // bounds marked by their brackets as written: `[` / `]` include, `(`, `)` and outward brackets exclude
  [OPERATOR.inRange]: define(['x', 'start', 'end', 'open', 'close'], (x, start, end, open, close) =>
    inRange(x, start, end, open === '[', close === ']')),
  [OPERATOR.unaryInRange]: define(['input', 'start', 'end', 'open', 'close'], (x, start, end, open, close) =>
    inRange(x, start, end, open === '[', close === ']') === true),
  [OPERATOR.add]: define(['a', 'b'], add),
  [OPERATOR.subtract]: define(['a', 'b'], subtract),
  [OPERATOR.multiply]: define(['a', 'b'], multiply),
  [OPERATOR.divide]: define(['a', 'b'], divide),
  [OPERATOR.dateAndTime]: define(['date', 'time'], dateAndTime),
  [OPERATOR.ref]: define(['value', 'name'], ref),
  [OPERATOR.path]: define(['target', 'key'], path),
  [OPERATOR.filter]: define(['list', 'mode', 'value', 'each'], filter),
  [OPERATOR.capture]: define(['value'], capture),
};
