/**
 * FEEL `+`, `-`, `*` and `/` where feelin differs from feel-scala (docs/engine-semantics.md, "FEEL"): zoned date-times subtract
 * by instant and move by elapsed time, a date moved by a days-time duration stays a date, durations multiply and
 * divide by numbers (and by each other), and invalid operands give null with feel-scala's INVALID_TYPE texts.
 * Other valid operand pairs are left to feelin. Called through ./rewrite.ts.
 */
import { FeelDate, FeelDateTime, FeelDuration, duration as feelinDuration, evaluate as feelinEvaluate } from 'feelin';
import { daysTimeMs, describe, instantNs, kindOf, totalMonths, type FeelKind } from './kinds';
import { currentScope } from './scope';
import { formatDaysTime } from './values';
import { toZeebeWarnings } from './warnings';

function invalid(message: string): null {
  currentScope().warnings.push({ type: 'INVALID_TYPE', message });
  return null;
}

/** A normalised days-time duration ("P1DT12H") of a millisecond amount. */
function daysTime(ms: number): FeelDuration {
  const text = `${ms < 0 ? '-' : ''}${formatDaysTime(Math.abs(ms))}`;
  return feelinDuration(text) as FeelDuration;
}

/** A normalised years-months duration ("P1Y6M") of a month amount. */
function yearsMonths(months: number): FeelDuration {
  const abs = Math.abs(months);
  const text = `${months < 0 ? '-' : ''}P${Math.floor(abs / 12)}Y${abs % 12}M`;
  return feelinDuration(text) as FeelDuration;
}

/**
 * A zoned date-time moved by an exact amount: feel-scala adds a days-time duration as elapsed time (P1D is 24
 * hours, also across a daylight-saving change), where feelin adds calendar days.
 */
function shiftZoned(value: FeelDateTime, ms: number): FeelDateTime {
  const zone = value.zone as string;
  try {
    const moved = value.unwrap().toZonedDateTime(zone).add({ nanoseconds: Math.round(ms * 1e6) });
    return new FeelDateTime(moved.toPlainDateTime(), zone);
  } catch {
    // an offset zone Temporal rejects (sub-minute): fixed, so the wall clock moves by the same amount
    return new FeelDateTime(value.unwrap().add({ nanoseconds: Math.round(ms * 1e6) }), zone);
  }
}

/** The start of the day of `date` moved by a days-time duration, back to its date (feel-scala). */
function shiftDate(date: FeelDate, ms: number): FeelDate {
  return new FeelDate(date.unwrap().toPlainDateTime().add({ nanoseconds: Math.round(ms * 1e6) }).toPlainDate());
}

/** The operand pairs feel-scala adds (either order of a duration and a temporal); who computes the result. */
const ADDABLE: Record<string, 'here' | 'feelin'> = {
  'number|number': 'here',
  'string|string': 'here',
  'date and time|days and time duration': 'here',
  'date|days and time duration': 'here',
  'local time|days and time duration': 'feelin',
  'time|days and time duration': 'feelin',
  'local date and time|years and months duration': 'feelin',
  'local date and time|days and time duration': 'feelin',
  'date and time|years and months duration': 'feelin',
  'date|years and months duration': 'feelin',
  'years and months duration|years and months duration': 'feelin',
  'days and time duration|days and time duration': 'feelin',
};

export function add(a: unknown, b: unknown): unknown {
  const [x, y] = a instanceof FeelDuration && !(b instanceof FeelDuration) && b !== null && b !== undefined ? [b, a] : [a, b];
  const how = ADDABLE[pair(kindOf(x), kindOf(y))];
  if (how === undefined) return invalid(`Can't add '${describe(b)}' to '${describe(a)}'`);
  if (how === 'feelin') return feelin('a + b', x, y);
  if (typeof x === 'number') return x + (y as number);
  if (typeof x === 'string') return x + (y as string);
  const ms = daysTimeMs(y as FeelDuration);
  return x instanceof FeelDate ? shiftDate(x, ms) : shiftZoned(x as FeelDateTime, ms);
}

/** The operand pairs feel-scala subtracts; the value says who computes the result. */
const SUBTRACTABLE: Record<string, 'here' | 'feelin'> = {
  'number|number': 'here',
  'date and time|date and time': 'here',
  'date|days and time duration': 'here',
  'local time|local time': 'feelin',
  'local time|days and time duration': 'feelin',
  'time|time': 'feelin',
  'time|days and time duration': 'feelin',
  'local date and time|local date and time': 'feelin',
  'local date and time|years and months duration': 'feelin',
  'local date and time|days and time duration': 'feelin',
  'date and time|years and months duration': 'feelin',
  'date and time|days and time duration': 'here',
  'date|date': 'feelin',
  'date|years and months duration': 'feelin',
  'years and months duration|years and months duration': 'feelin',
  'days and time duration|days and time duration': 'feelin',
};

const pair = (a: FeelKind, b: FeelKind): string => `${a}|${b}`;

/** feelin's own `a + b` or `a - b`, its warnings added to the running evaluation. */
function feelin(expression: 'a + b' | 'a - b', a: unknown, b: unknown): unknown {
  const result = feelinEvaluate(expression, { a, b });
  currentScope().warnings.push(...toZeebeWarnings(result.warnings));
  return result.value ?? null;
}

export function subtract(a: unknown, b: unknown): unknown {
  const how = SUBTRACTABLE[pair(kindOf(a), kindOf(b))];
  if (how === undefined) return invalid(`Can't subtract '${describe(b)}' from '${describe(a)}'`);
  if (how === 'feelin') return feelin('a - b', a, b);
  if (typeof a === 'number') return a - (b as number);
  if (b instanceof FeelDuration) {
    const ms = -daysTimeMs(b);
    return a instanceof FeelDate ? shiftDate(a, ms) : shiftZoned(a as FeelDateTime, ms);
  }
  const nanos = instantNs(a as FeelDateTime) - instantNs(b as FeelDateTime);
  return daysTime(Number(nanos) / 1e6);
}

/** feel-scala multiplies a duration by the whole part of the number (Java's intValue). */
export function multiply(a: unknown, b: unknown): unknown {
  const kinds = pair(kindOf(a), kindOf(b));
  if (kinds === 'number|number') return (a as number) * (b as number);
  const [value, factor] = typeof a === 'number' ? [b, a] : [a, b];
  if (typeof factor === 'number' && value instanceof FeelDuration) {
    const times = Math.trunc(factor);
    return value.yearsMonths ? yearsMonths(totalMonths(value) * times) : daysTime(daysTimeMs(value) * times);
  }
  return invalid(`Can't multiply '${describe(a)}' by '${describe(b)}'`);
}

export function divide(a: unknown, b: unknown): unknown {
  const kinds = pair(kindOf(a), kindOf(b));
  const fail = (): null => invalid(`Can't divide '${describe(a)}' by '${describe(b)}'`);
  if (b === 0 || (b instanceof FeelDuration && (b.yearsMonths ? totalMonths(b) : daysTimeMs(b)) === 0)) return fail();
  switch (kinds) {
    case 'number|number':
      return (a as number) / (b as number);
    case 'years and months duration|number':
      return yearsMonths(Math.trunc(totalMonths(a as FeelDuration) / (b as number)));
    case 'days and time duration|number':
      return daysTime(Math.trunc(daysTimeMs(a as FeelDuration) / (b as number)));
    case 'years and months duration|years and months duration':
      return totalMonths(a as FeelDuration) / totalMonths(b as FeelDuration);
    case 'days and time duration|days and time duration':
      return daysTimeMs(a as FeelDuration) / daysTimeMs(b as FeelDuration);
    default:
      return fail();
  }
}
