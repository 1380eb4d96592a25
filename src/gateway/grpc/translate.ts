import type { ActivatedJob, DecisionEvaluationRecordValue, DeploymentResult } from '../../engine/api';

/** Engine job → gateway_protocol.ActivatedJob (variables and custom headers as JSON text). */
export function toGrpcJob(job: ActivatedJob): Record<string, unknown> {
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: JSON.stringify(job.customHeaders ?? {}),
    worker: job.worker,
    retries: job.retries,
    deadline: String(job.deadline),
    variables: JSON.stringify(job.variables ?? {}),
    tenantId: job.tenantId,
  };
}

/**
 * Deployment result → DeployResourceResponse (one oneof entry per deployed artefact), in Zeebe's order: processes,
 * decisions, decision requirements, forms.
 */
export function toGrpcDeployment(result: DeploymentResult): Record<string, unknown> {
  const deployments: Record<string, unknown>[] = [
    ...result.processes.map((p) => ({ process: { ...p } })),
    ...result.decisions.map((d) => ({
      decision: {
        dmnDecisionId: d.decisionId,
        dmnDecisionName: d.decisionName,
        version: d.version,
        decisionKey: d.decisionKey,
        dmnDecisionRequirementsId: d.decisionRequirementsId,
        decisionRequirementsKey: d.decisionRequirementsKey,
        tenantId: d.tenantId,
      },
    })),
    ...result.decisionRequirements.map((d) => ({
      decisionRequirements: {
        dmnDecisionRequirementsId: d.decisionRequirementsId,
        dmnDecisionRequirementsName: d.decisionRequirementsName,
        version: d.version,
        decisionRequirementsKey: d.decisionRequirementsKey,
        resourceName: d.resourceName,
        tenantId: d.tenantId,
      },
    })),
    ...result.forms.map((f) => ({ form: { ...f } })),
  ];
  return { key: result.deploymentKey, deployments, tenantId: result.tenantId };
}

export function toGrpcDecisionEvaluation(r: DecisionEvaluationRecordValue & { decisionInstanceKey: string }): Record<string, unknown> {
  return {
    decisionKey: r.decisionKey,
    decisionId: r.decisionId,
    decisionName: r.decisionName,
    decisionVersion: r.decisionVersion,
    decisionRequirementsId: r.decisionRequirementsId,
    decisionRequirementsKey: r.decisionRequirementsKey,
    decisionOutput: r.decisionOutput,
    evaluatedDecisions: r.evaluatedDecisions.map((d) => ({
      decisionKey: d.decisionKey,
      decisionId: d.decisionId,
      decisionName: d.decisionName,
      decisionVersion: d.decisionVersion,
      decisionType: d.decisionType,
      decisionOutput: d.decisionOutput,
      matchedRules: d.matchedRules,
      evaluatedInputs: d.evaluatedInputs,
      tenantId: d.tenantId,
    })),
    failedDecisionId: r.failedDecisionId,
    failureMessage: r.evaluationFailureMessage,
    tenantId: r.tenantId,
    decisionInstanceKey: r.decisionInstanceKey,
  };
}
