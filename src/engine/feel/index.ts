/**
 * FEEL for the engine, through feelin, with Zeebe's semantics (docs/engine-semantics.md: "Variables", "Incidents", "FEEL").
 *
 * - `isExpression(text)` / `expressionBody(text)`: `=`-prefixed attribute values and their FEEL text.
 * - `evaluate(expr, variables, nowEpochMs)` → `{ok:true, value, warnings} | {ok:false, message, warnings}`;
 *   value is JSON-compatible as Zeebe stores it. `evaluateFeel` gives the raw FEEL value (temporal objects).
 *   `expr` may carry the leading `=`. now()/today() use `nowEpochMs` (UTC).
 * - `evaluateTyped(expr, 'STRING'|'NUMBER'|'BOOLEAN'|'ARRAY'|'OBJECT', variables, now)` → `{ok:true, value}` or
 *   `{ok:false, message}` with Zeebe's EXTRACT_VALUE_ERROR text and warnings suffix.
 *   `evaluateNonEmptyString` (job types), `evaluateCorrelationKey` (string or number → string).
 * - `evaluateUnaryTests(tests, input, variables, now)` for DMN input entries.
 * - `checkExpressionSyntax(expr)` / `checkUnaryTestsSyntax(tests)` for deploy-time validation (message or null).
 * - `toStoredValue`, `feelResultType`, `warningsSuffix` for callers that format their own messages.
 * feel-scala rules our layer adds on top of feelin (see rewrite.ts): comparisons, `between`, `in` and ranges of
 * incomparable values give null plus NOT_COMPARABLE; `+ - * /` as feel-scala (durations × ÷ numbers, zoned
 * date-times subtract by instant and move by elapsed time, invalid operands give null plus INVALID_TYPE);
 * `date and time(dt, zone)`; builtin calls are not hidden by variables of the same name; `is defined(x)` reports
 * no missing variable; names in backticks (`` `order-id` ``, `` a.`b-c` ``, `` {`content-type`: 1} ``) as in
 * feel-scala (backticks.ts); list filters `l[c]` by feel-scala's rules (filter.ts: an index, or the items whose
 * condition is true; a value that is not a list gives null); warnings in evaluation order with feel-scala's texts. Names with operators written
 * without backticks (`order-id`) read as operators, as in feel-scala.
 */
export {
  isExpression,
  expressionBody,
  evaluate,
  evaluateFeel,
  evaluateUnaryTests,
  checkExpressionSyntax,
  checkUnaryTestsSyntax,
  type FeelResult,
} from './evaluate';
export {
  evaluateTyped,
  evaluateNonEmptyString,
  evaluateCorrelationKey,
  evaluateWithWarnings,
  wrongTypeMessage,
  type ExpectedType,
  type TypedResult,
} from './typed';
export { toStoredValue, feelResultType, formatDuration, formatDateTime, type FeelResultType } from './values';
export { warningsSuffix, type FeelWarning } from './warnings';
export { feelNow, epochMsOf } from './temporal';
