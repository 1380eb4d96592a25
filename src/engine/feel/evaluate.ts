/**
 * FEEL evaluation with Zeebe's semantics (A1, A11): unknown names give null plus a warning, failed function
 * calls give null, only assert failures, parse errors and internal errors fail the evaluation.
 */
import { evaluate as feelinEvaluate, unaryTest as feelinUnaryTest, type EvaluationResult, type Warning } from 'feelin';
import { checkResultSize, EvaluationBudget } from './budget';
import { compileExpression, compileUnaryTests, type CompiledFeel } from './compile';
import { resolvePath } from './fast-path';
import { MISSING } from './names';
import { AssertionFailure, withScope, type EvaluationScope } from './scope';
import { toStoredValue } from './values';
import { toZeebeWarnings, type FeelWarning } from './warnings';

export type FeelResult =
  | { ok: true; value: unknown; warnings: FeelWarning[] }
  | { ok: false; message: string; warnings: FeelWarning[] };

/** Whether an attribute value is a FEEL expression (leading `=`) rather than a static value. */
export function isExpression(text: string): boolean {
  return text.trimStart().startsWith('=');
}

/** The FEEL text of an attribute value: what follows the leading `=` (a text without `=` is returned as is). */
export function expressionBody(text: string): string {
  const trimmed = text.trimStart();
  return trimmed.startsWith('=') ? trimmed.slice(1) : text;
}

const MISSING_NAME = new Set(['NO_VARIABLE_FOUND', 'NO_CONTEXT_ENTRY_FOUND', 'NO_PROPERTY_FOUND']);

/** feelin's warnings without the missing-name ones inside quiet ranges (`is defined` arguments). */
function audible(warnings: readonly Warning[], quiet: CompiledFeel['quiet']): readonly Warning[] {
  if (quiet.length === 0) return warnings;
  return warnings.filter((warning) => !(MISSING_NAME.has(warning.type) &&
    quiet.some(([from, to]) => warning.position.from >= from && warning.position.to <= to)));
}

function run(
  compiled: CompiledFeel,
  variables: Record<string, unknown>,
  nowEpochMs: number,
  call: (body: string, context: Record<string, unknown>) => EvaluationResult<unknown>,
): FeelResult {
  if (compiled.parseError) return { ok: false, message: compiled.parseError, warnings: [] };
  if (compiled.path) {
    const resolved = resolvePath(compiled.path, variables);
    if (resolved) return { ok: true, value: resolved.value, warnings: resolved.warnings };
  }
  const scope: EvaluationScope = { nowEpochMs, variables, warnings: [], budget: new EvaluationBudget() };
  const context: Record<string, unknown> = { ...variables, ...compiled.functions };
  for (const { name, spelling } of compiled.names) {
    const known = Object.prototype.hasOwnProperty.call(variables, name) && variables[name] !== undefined;
    context[spelling] = known ? variables[name] : MISSING;
  }
  try {
    const result = withScope(scope, () => call(compiled.body, context));
    const value = result.value === undefined ? null : result.value;
    checkResultSize(value);
    return { ok: true, value, warnings: [...toZeebeWarnings(audible(result.warnings, compiled.quiet), compiled.calls), ...scope.warnings] };
  } catch (error) {
    const warnings = scope.warnings;
    if (error instanceof AssertionFailure) {
      return { ok: false, message: `Assertion failure on evaluate the expression '${compiled.source}': ${error.message}`, warnings };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `failed to evaluate expression '${compiled.source}': ${reason}`, warnings };
  }
}

/** Evaluate to the raw FEEL value (temporal values stay FEEL objects); for timers and decisions. */
export function evaluateFeel(expression: string, variables: Record<string, unknown>, nowEpochMs: number): FeelResult {
  return run(compileExpression(expressionBody(expression)), variables, nowEpochMs, (body, context) =>
    feelinEvaluate(body, context));
}

/** Evaluate and convert the result to what Zeebe would store as a variable value (JSON-compatible). */
export function evaluate(expression: string, variables: Record<string, unknown>, nowEpochMs: number): FeelResult {
  const result = evaluateFeel(expression, variables, nowEpochMs);
  return result.ok ? { ...result, value: toStoredValue(result.value) } : result;
}

/**
 * Evaluate unary tests (a DMN input entry) against `input`, available to them as `?`. `-` matches anything;
 * a null test result counts as no match.
 */
export function evaluateUnaryTests(
  unaryTests: string,
  input: unknown,
  variables: Record<string, unknown>,
  nowEpochMs: number,
): { ok: true; value: boolean; warnings: FeelWarning[] } | { ok: false; message: string; warnings: FeelWarning[] } {
  if (unaryTests.trim() === '-' || unaryTests.trim() === '') return { ok: true, value: true, warnings: [] };
  const result = run(compileUnaryTests(unaryTests), variables, nowEpochMs, (body, context) =>
    feelinUnaryTest(body, { ...context, '?': input }));
  return result.ok ? { ...result, value: result.value === true } : result;
}

/** A parse error message for deployment validation, or null when the expression is valid FEEL. */
export function checkExpressionSyntax(expression: string): string | null {
  return compileExpression(expressionBody(expression)).parseError;
}

export function checkUnaryTestsSyntax(unaryTests: string): string | null {
  // an input entry left empty matches anything, like `-` (dmn-scala reads it so)
  if (unaryTests.trim() === '-' || unaryTests.trim() === '') return null;
  return compileUnaryTests(unaryTests).parseError;
}
