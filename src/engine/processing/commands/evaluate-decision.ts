import { type DecisionEvaluationRecordValue, DEFAULT_TENANT, type EvaluateDecisionRequest, type Key } from '../../api';
import { type ProcessingContext } from '../context';
import { evaluateDeployedDecision } from '../elements/shared/decision-evaluation';
import { checkVariables } from './create-instance';

/**
 * EvaluateDecision: the latest version of a decision by id, or a decision by key, evaluated against the given
 * variables. A failed evaluation is answered with the FAILED record (failedDecisionId, failure message), as Zeebe
 * answers it; an unknown decision is rejected with NOT_FOUND.
 */
export function evaluateDecisionCommand(ctx: ProcessingContext, req: EvaluateDecisionRequest): DecisionEvaluationRecordValue & { decisionInstanceKey: Key } {
  const tenantId = req.tenantId ?? DEFAULT_TENANT;
  const hasKey = req.decisionKey !== undefined && req.decisionKey !== '' && req.decisionKey !== '-1';
  const decision = hasKey ? ctx.state.decisions.decisions.get(req.decisionKey ?? '') : ctx.state.decisions.latestDecision(req.decisionId ?? '', tenantId);
  if (!decision) {
    ctx.reject('DECISION_EVALUATION', 'EVALUATE', 'NOT_FOUND', hasKey
      ? `Expected to evaluate decision with key '${req.decisionKey}', but no such decision found`
      : `Expected to evaluate decision '${req.decisionId ?? ''}', but no decision found for id '${req.decisionId ?? ''}'`);
  }
  const variables = checkVariables(ctx, req.variables, 'DECISION_EVALUATION', 'EVALUATE');
  const evaluation = evaluateDeployedDecision(ctx, decision, variables);
  return { ...evaluation.value, decisionInstanceKey: evaluation.key };
}
