/**
 * The evaluation in progress. feelin evaluates synchronously, so the extension functions (created once)
 * read the injected clock, the root variables and the warning sink from here instead of closures.
 */
import { FeelFunction } from 'feelin';
import type { EvaluationBudget } from './budget';
import type { FeelWarning } from './warnings';

export interface EvaluationScope {
  nowEpochMs: number;
  variables: Record<string, unknown>;
  warnings: FeelWarning[];
  budget: EvaluationBudget;
}

let current: EvaluationScope | null = null;

export function currentScope(): EvaluationScope {
  if (!current) throw new Error('FEEL extension function called outside of an evaluation');
  return current;
}

/** Run `body` with `scope` as the current evaluation; restores the previous one (nested evaluations). */
export function withScope<T>(scope: EvaluationScope, body: () => T): T {
  const previous = current;
  current = scope;
  try {
    return body();
  } finally {
    current = previous;
  }
}

/** Record a FUNCTION_INVOCATION_FAILURE and yield null, as feel-scala does for a failed call. */
export function invocationFailure(name: string, reason: string): null {
  currentScope().warnings.push({ type: 'FUNCTION_INVOCATION_FAILURE', message: `Failed to invoke function '${name}': ${reason}` });
  return null;
}

/** Thrown by `assert(...)`: the only function failure that fails the whole evaluation. */
export class AssertionFailure extends Error {}

/** A function feelin calls by name: `$args` are its parameter names. */
export type FeelFn = ((...args: unknown[]) => unknown) & { $args?: string[] };

/**
 * feelin's signal for a failed invocation, which it records as a warning where the call happens and turns into
 * null. Its class is not exported; a call with too many arguments yields one.
 */
const InvocationFailure = (new FeelFunction(() => null, []).invoke([null]) as object).constructor as new (
  warning: string, template: string, values: Record<string, unknown>,
) => object;

/**
 * A function for the evaluation context. When a call records exactly one warning and yields null (a failed
 * comparison, operation or invocation), the warning goes to feelin as its failure signal, so that it stands among
 * feelin's own warnings in the order of evaluation, as feel-scala reports them; other warnings stay in the scope
 * and follow feelin's.
 */
export function define(parameters: string[], body: (...args: unknown[]) => unknown): FeelFn {
  const fn: FeelFn = (...args: unknown[]) => {
    const scope = current;
    const before = scope ? scope.warnings.length : 0;
    const result = body(...args);
    if (scope && scope.warnings.length === before + 1 && (result === null || result === undefined)) {
      const [warning] = scope.warnings.splice(before, 1);
      // no placeholders in the template: feelin keeps the text as it is
      return new InvocationFailure(warning.type, warning.message, {});
    }
    return result;
  };
  fn.$args = parameters;
  return fn;
}
