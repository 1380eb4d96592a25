/**
 * Typed evaluations with Zeebe's EXTRACT_VALUE_ERROR texts (A3):
 * `Expected result of the expression '<expr>' to be '<TYPE>', but was '<ACTUAL>'.` plus the warnings suffix.
 */
import { evaluateFeel, expressionBody } from './evaluate';
import { feelResultType, toStoredValue, type FeelResultType } from './values';
import { warningsSuffix, type FeelWarning } from './warnings';

export type ExpectedType = 'STRING' | 'NUMBER' | 'BOOLEAN' | 'ARRAY' | 'OBJECT';

export type TypedResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Evaluate the raw FEEL value; on failure the message already carries the warnings suffix. */
export function evaluateWithWarnings(
  expression: string,
  variables: Record<string, unknown>,
  nowEpochMs: number,
): { ok: true; value: unknown; warnings: FeelWarning[] } | { ok: false; message: string } {
  const result = evaluateFeel(expression, variables, nowEpochMs);
  if (!result.ok) return { ok: false, message: result.message + warningsSuffix(result.warnings) };
  return result;
}

/** The message for a result of the wrong type; `expected` is a type name or Zeebe's "one of '[…]'" text. */
export function wrongTypeMessage(
  expression: string,
  expected: string,
  actual: FeelResultType,
  warnings: readonly FeelWarning[],
): string {
  const label = expected.startsWith('one of') ? expected : `'${expected}'`;
  return `Expected result of the expression '${expressionBody(expression)}' to be ${label}, but was '${actual}'.` +
    warningsSuffix(warnings);
}

/** Evaluate and require a result of `expected` type; the value is returned in its stored (JSON) form. */
export function evaluateTyped(
  expression: string,
  expected: 'STRING',
  variables: Record<string, unknown>,
  nowEpochMs: number,
): TypedResult<string>;
export function evaluateTyped(
  expression: string,
  expected: 'NUMBER',
  variables: Record<string, unknown>,
  nowEpochMs: number,
): TypedResult<number>;
export function evaluateTyped(
  expression: string,
  expected: 'BOOLEAN',
  variables: Record<string, unknown>,
  nowEpochMs: number,
): TypedResult<boolean>;
export function evaluateTyped(
  expression: string,
  expected: 'ARRAY',
  variables: Record<string, unknown>,
  nowEpochMs: number,
): TypedResult<unknown[]>;
export function evaluateTyped(
  expression: string,
  expected: ExpectedType,
  variables: Record<string, unknown>,
  nowEpochMs: number,
): TypedResult<unknown>;
export function evaluateTyped(
  expression: string,
  expected: ExpectedType,
  variables: Record<string, unknown>,
  nowEpochMs: number,
): TypedResult<unknown> {
  const result = evaluateWithWarnings(expression, variables, nowEpochMs);
  if (!result.ok) return result;
  const actual = feelResultType(result.value);
  if (actual !== expected) return { ok: false, message: wrongTypeMessage(expression, expected, actual, result.warnings) };
  return { ok: true, value: toStoredValue(result.value) };
}

/** A job type (or other name) that must be a non-empty string. */
export function evaluateNonEmptyString(
  expression: string,
  variables: Record<string, unknown>,
  nowEpochMs: number,
): TypedResult<string> {
  const result = evaluateTyped(expression, 'STRING', variables, nowEpochMs);
  if (result.ok && result.value === '') {
    return {
      ok: false,
      message: `Expected result of the expression '${expressionBody(expression)}' to be a not-empty string, but was an empty string.`,
    };
  }
  return result;
}

/** A message correlation key: a string, or a number turned into its text. */
export function evaluateCorrelationKey(
  expression: string,
  variables: Record<string, unknown>,
  nowEpochMs: number,
): TypedResult<string> {
  const result = evaluateWithWarnings(expression, variables, nowEpochMs);
  if (!result.ok) return result;
  if (typeof result.value === 'string') return { ok: true, value: result.value };
  if (typeof result.value === 'number' && Number.isFinite(result.value)) return { ok: true, value: String(result.value) };
  return {
    ok: false,
    message: `Failed to extract the correlation key for '${expressionBody(expression)}': The value must be either a string or a number, but was '${feelResultType(result.value)}'.` +
      warningsSuffix(result.warnings),
  };
}
