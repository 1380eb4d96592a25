import { type CalledDecisionDefinition } from '../../../model/extended-details';
import { type DecisionDefinition } from '../../../state/decisions';
import { type ProcessingContext } from '../../context';
import { type Element, lifecycle } from '../shared/element';
import { evaluateDeployedDecision } from '../shared/decision-evaluation';
import { raiseIncident, stringAttributeOrIncident } from '../shared/incidents';
import { completeElement } from '../shared/lifecycle';
import { type ElementProcessor } from '../shared/processor';
import { applyInputMappings, applyPayload } from '../shared/variables';
import { jobWorkerTaskProcessor } from './job-worker-task';

/**
 * Business-rule task. With `zeebe:calledDecision` the engine evaluates the DMN decision itself (after the input
 * mappings), writes the DECISION_EVALUATION record and stores the output in the result variable like a job's
 * variables; CALLED_DECISION_ERROR when the decision is not deployed, DECISION_EVALUATION_ERROR when it fails.
 * With a task definition it is a job worker.
 */
export const businessRuleTaskProcessor: ElementProcessor = {
  onActivate(ctx: ProcessingContext, el: Element): void {
    const called = el.node.calledDecision;
    if (!called) return jobWorkerTaskProcessor.onActivate(ctx, el);
    if (!applyInputMappings(ctx, el)) return;
    const decision = resolveDecision(ctx, el, called);
    if (!decision) return;
    const evaluation = evaluateDeployedDecision(ctx, decision, ctx.state.visibleVariables(el.inst.key), {
      bpmnProcessId: el.inst.bpmnProcessId, processDefinitionKey: el.inst.processDefinitionKey,
      processInstanceKey: el.inst.processInstanceKey, elementId: el.inst.elementId, elementInstanceKey: el.inst.key,
    });
    if (!evaluation.ok) {
      raiseIncident(ctx, el, 'DECISION_EVALUATION_ERROR', evaluation.message);
      return;
    }
    lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
    applyPayload(ctx, el, { [called.resultVariable]: evaluation.output });
    completeElement(ctx, el);
  },
  onComplete: (ctx, el) => jobWorkerTaskProcessor.onComplete(ctx, el),
  onTerminate: (ctx, el) => jobWorkerTaskProcessor.onTerminate?.(ctx, el),
};

function resolveDecision(ctx: ProcessingContext, el: Element, called: CalledDecisionDefinition): DecisionDefinition | undefined {
  const decisionId = stringAttributeOrIncident(ctx, el, called.decisionId);
  if (decisionId === undefined) return undefined;
  const versions = ctx.state.decisions.versionsOf(decisionId, el.inst.tenantId);
  const deploymentKey = ctx.state.processes.get(el.inst.processDefinitionKey)?.deploymentKey ?? '-1';
  const decision = called.bindingType === 'deployment'
    ? versions.find((d) => d.deploymentKey === deploymentKey)
    : called.bindingType === 'versionTag' ? versions.find((d) => d.versionTag === called.versionTag) : versions[0];
  if (!decision) raiseIncident(ctx, el, 'CALLED_DECISION_ERROR', decisionNotFound(decisionId, called, deploymentKey));
  return decision;
}

/** Zeebe's CALLED_DECISION_ERROR text for each binding type (BusinessRuleTaskTest). */
function decisionNotFound(decisionId: string, called: CalledDecisionDefinition, deploymentKey: string): string {
  if (called.bindingType === 'versionTag') {
    return `Expected to evaluate decision with id '${decisionId}' and version tag '${called.versionTag ?? ''}', but no such decision found. ` +
      'To resolve this incident, deploy a decision with the given id and version tag.';
  }
  if (called.bindingType === 'deployment') {
    return `Expected to evaluate decision '${decisionId}' with binding type 'deployment', but no such decision found in the deployment ` +
      `with key ${deploymentKey} which contained the current process. To resolve this incident, migrate the process instance to a ` +
      'process definition that is deployed together with the intended decision to evaluate.';
  }
  return `Expected to evaluate decision '${decisionId}', but no decision found for id '${decisionId}'`;
}
