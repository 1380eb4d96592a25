/**
 * The evaluation in progress. feelin evaluates synchronously, so the extension functions (created once)
 * read the injected clock, the root variables and the warning sink from here instead of closures.
 */
import type { FeelWarning } from './warnings';

export interface EvaluationScope {
  nowEpochMs: number;
  variables: Record<string, unknown>;
  warnings: FeelWarning[];
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
