import { type DecisionEvaluationRecordValue, type EvaluatedDecision, type JsonObject, type Key } from '../../../api';
import { evaluateDecision } from '../../../dmn';
import { decisionGraph } from '../../../dmn/drg-cache';
import { type DecisionDefinition } from '../../../state/decisions';
import { type ProcessingContext } from '../../context';

export interface DecisionOrigin {
  bpmnProcessId: string;
  processDefinitionKey: Key;
  processInstanceKey: Key;
  elementId: string;
  elementInstanceKey: Key;
}

const NO_ORIGIN: DecisionOrigin = { bpmnProcessId: '', processDefinitionKey: '-1', processInstanceKey: '-1', elementId: '', elementInstanceKey: '-1' };

export type DeployedEvaluation =
  | { ok: true; key: Key; value: DecisionEvaluationRecordValue; output: unknown }
  | { ok: false; key: Key; value: DecisionEvaluationRecordValue; message: string };

/**
 * Evaluates a deployed decision with its required decisions and writes the DECISION_EVALUATION record
 * (EVALUATED, or FAILED with the failed decision and the failure message).
 */
export function evaluateDeployedDecision(
  ctx: ProcessingContext, decision: DecisionDefinition, variables: JsonObject, origin: DecisionOrigin = NO_ORIGIN,
): DeployedEvaluation {
  const requirements = ctx.state.decisions.requirements.get(decision.decisionRequirementsKey);
  if (!requirements) throw new Error(`Decision '${decision.decisionId}' has no decision requirements '${decision.decisionRequirementsKey}'`);
  const result = evaluateDecision(decisionGraph(requirements.checksum), decision.decisionId, variables, ctx.now);
  const evaluatedDecisions: EvaluatedDecision[] = result.evaluatedDecisions.map((d) => {
    const deployed = d.decisionId === decision.decisionId ? decision : siblingDecision(ctx, decision, d.decisionId);
    return { ...d, decisionKey: deployed?.key ?? '-1', decisionVersion: deployed?.version ?? -1, tenantId: decision.tenantId };
  });
  const value: DecisionEvaluationRecordValue = {
    decisionId: decision.decisionId,
    decisionName: decision.decisionName,
    decisionKey: decision.key,
    decisionVersion: decision.version,
    decisionRequirementsId: decision.decisionRequirementsId,
    decisionRequirementsKey: decision.decisionRequirementsKey,
    decisionOutput: result.ok ? result.decisionOutput : 'null',
    evaluatedDecisions,
    failedDecisionId: result.ok ? '' : result.failedDecisionId,
    evaluationFailureMessage: result.ok ? '' : result.message,
    ...origin,
    tenantId: decision.tenantId,
  };
  const key = ctx.keys.nextKey();
  ctx.event('DECISION_EVALUATION', result.ok ? 'EVALUATED' : 'FAILED', key, value);
  return result.ok ? { ok: true, key, value, output: result.output } : { ok: false, key, value, message: result.message };
}

/** A required decision deployed with the same decision requirements graph. */
function siblingDecision(ctx: ProcessingContext, decision: DecisionDefinition, decisionId: string): DecisionDefinition | undefined {
  return ctx.state.decisions.versionsOf(decisionId, decision.tenantId).find((d) => d.decisionRequirementsKey === decision.decisionRequirementsKey);
}
