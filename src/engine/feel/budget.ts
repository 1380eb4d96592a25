/**
 * The work one FEEL evaluation may do. feelin interprets without limits, so ./rewrite.ts routes the places where
 * work can grow without bound through the functions below, which charge the running evaluation's budget and fail
 * it (an incident in a process, a refusal elsewhere) once it is spent, before a range is enumerated:
 * - every iteration of `for`, `some`, `every` and of a list filter costs a step (charged for the whole range or
 *   list up front, so `for x in 1..100000000` fails at once instead of building the list);
 * - every function call costs a step, every run of a function body written in the expression BODY_STEPS more
 *   (feelin runs those far slower than its builtins);
 * - the lists and strings that function calls and `+` return count as allocation (charged as they return);
 * - the result may hold only so many values (a list that refers to itself twice per level is small in memory but
 *   huge once stored).
 */
import { isRange } from 'feelin';
import { currentScope, define, type FeelFn } from './scope';

/** Iterations and calls per evaluation: far beyond any expression of a process, far below a frozen engine. */
export const MAX_STEPS = 100_000;
/** Steps per run of a function body written in the expression. */
const BODY_STEPS = 4;
/** List items and string characters returned by calls and `+` per evaluation. */
export const MAX_ALLOCATION = 10_000_000;
/** Values (list items, context entries) in an evaluation's result. */
export const MAX_RESULT_VALUES = 1_000_000;

export class BudgetExceeded extends Error {}

export class EvaluationBudget {
  private steps = 0;
  private allocated = 0;
  /** Starts of the ranges being built (`a..b`): the start is charged with its end. */
  readonly rangeStarts: unknown[] = [];

  step(count = 1): void {
    this.steps += count;
    if (this.steps > MAX_STEPS) {
      throw new BudgetExceeded(`the expression exceeded the budget of ${MAX_STEPS} iterations and function calls`);
    }
  }

  allocate(size: number): void {
    this.allocated += size;
    if (this.allocated > MAX_ALLOCATION) {
      throw new BudgetExceeded(`the expression exceeded the budget of ${MAX_ALLOCATION} list items and characters`);
    }
  }
}

/** How many values iterating over `value` yields (a range by its bounds, without enumerating it). */
function iterationCount(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (!isRange(value)) return 0;
  return rangeLength(value.start, value.end);
}

/** feelin steps a number range by one from its start until it meets the end: it never does when they are not a whole number apart. */
function rangeLength(start: unknown, end: unknown): number {
  if (typeof start !== 'number' || typeof end !== 'number') return 0;
  const distance = Math.abs(end - start);
  if (!Number.isInteger(distance)) {
    throw new BudgetExceeded(`the range ${start}..${end} never ends: its bounds are not a whole number apart`);
  }
  return distance + 1;
}

function sizeOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return typeof value === 'string' ? value.length : 0;
}

const budget = (): EvaluationBudget => currentScope().budget;

export const BUDGET = {
  iterate: '__feel_iterate',
  rangeFrom: '__feel_range_from',
  rangeTo: '__feel_range_to',
  call: '__feel_call',
  sized: '__feel_sized',
  body: '__feel_body',
} as const;

export const budgetFunctions: Record<string, FeelFn> = {
  // `x in l`: the whole list (or range value) up front
  [BUDGET.iterate]: define(['value'], (value) => {
    budget().step(iterationCount(value));
    return value;
  }),
  // `x in a..b` is written `__feel_range_from(a)..__feel_range_to(b)`: the start waits for its end
  [BUDGET.rangeFrom]: define(['value'], (start) => {
    budget().rangeStarts.push(start);
    return start;
  }),
  [BUDGET.rangeTo]: define(['value'], (end) => {
    const b = budget();
    b.step(rangeLength(b.rangeStarts.pop(), end));
    return end;
  }),
  [BUDGET.call]: define(['value'], (result) => {
    const b = budget();
    b.step();
    b.allocate(sizeOf(result));
    return result;
  }),
  [BUDGET.sized]: define(['value'], (result) => {
    budget().allocate(sizeOf(result));
    return result;
  }),
  [BUDGET.body]: define(['value'], (result) => {
    budget().step(BODY_STEPS);
    return result;
  }),
};

/** Fails when `value` holds more values than a result may (counting shared parts each time they are reached). */
export function checkResultSize(value: unknown): void {
  const pending: unknown[] = [value];
  let count = 0;
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item !== 'object' || item === null) continue;
    const children = Array.isArray(item) ? item : Object.getPrototypeOf(item) === Object.prototype ? Object.values(item) : [];
    count += children.length;
    if (count > MAX_RESULT_VALUES) throw new BudgetExceeded(`the result holds more than ${MAX_RESULT_VALUES} values`);
    for (const child of children) pending.push(child);
  }
}
