/**
 * DMN decisions for business-rule tasks (`zeebe:calledDecision`).
 *
 * - `parseDmn(xml): Promise<{ok:true, drg} | {ok:false, errors: string[]}>` — dmn-moddle parse plus validation;
 *   each error names its element (`Decision 'd', rule 'r1': …`). Zeebe rejects the whole deployment on any error.
 * - `evaluateDecision(drg, decisionId, variables, nowEpochMs)` →
 *   `{ok:true, decisionId, output (JSON-compatible), decisionOutput (JSON text), evaluatedDecisions}` or
 *   `{ok:false, failedDecisionId, message, evaluatedDecisions}`; evaluatedDecisions follow api.ts
 *   EvaluatedDecision minus decisionKey, decisionVersion and tenantId (deployment facts the engine adds).
 *   The failed decision is included with decisionOutput "null" and what was evaluated before the failure.
 * Hit policies UNIQUE, FIRST, ANY, PRIORITY, COLLECT (+ SUM, MIN, MAX, COUNT), RULE ORDER, OUTPUT ORDER.
 */
export { parseDmn, type DmnParseResult } from './parse';
export { evaluateDecision, type DecisionEvaluation, type DecisionResult } from './evaluate';
export type {
  Decision, DecisionInput, DecisionOutput, DecisionRequirementsGraph, DecisionRule, DecisionTable, HitPolicy,
  Aggregation, LiteralExpression,
} from './model';
