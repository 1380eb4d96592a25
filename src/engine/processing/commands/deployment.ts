import {
  DEFAULT_TENANT, type DeployedForm, type DeployedProcess, type DeploymentResult, type FormRecordValue,
  type ProcessRecordValue,
} from '../../api';
import { type GraphCache } from '../../model/graph-cache';
import { type ProcessingContext } from '../context';
import { resolveStartTimers } from '../elements/events/definitions/timer';
import { openStartEventSubscriptions } from './start-event-subscriptions';
import { type PreparedDeployment } from './prepare-deployment';
import { deployDecisions } from './deploy-decisions';

/**
 * Deploys prepared resources atomically (A12): any error rejects all; a resource whose name and checksum equal the
 * latest version is a duplicate (no new version, nothing re-created).
 */
export function deploy(ctx: ProcessingContext, prepared: PreparedDeployment, graphs: GraphCache, tenantId = DEFAULT_TENANT): DeploymentResult {
  const errors = [...prepared.errors];
  for (const resource of prepared.resources) {
    if (resource.kind !== 'bpmn') continue;
    const timerErrors = resource.processes.flatMap((graph) => resolveStartTimers(graph, ctx.now).errors);
    if (timerErrors.length > 0) errors.push(`'${resource.name}': ${timerErrors.join('\n')}`);
  }
  if (errors.length > 0) {
    ctx.reject('DEPLOYMENT', 'CREATE', 'INVALID_ARGUMENT', `Expected to deploy new resources, but encountered the following errors:\n${errors.join('\n')}`);
  }
  const deploymentKey = ctx.keys.nextKey();
  const result: DeploymentResult = { deploymentKey, tenantId, processes: [], decisions: [], decisionRequirements: [], forms: [] };
  for (const resource of prepared.resources) {
    if (resource.kind === 'bpmn') {
      for (const graph of resource.processes) {
        graphs.put(resource.checksum, graph);
        result.processes.push(deployProcess(ctx, resource.name, resource.checksum, resource.content, graph.bpmnProcessId, graph.name, graph.versionTag, deploymentKey, tenantId));
      }
    } else if (resource.kind === 'dmn') {
      deployDecisions(ctx, resource, deploymentKey, tenantId, result);
    } else {
      result.forms.push(deployForm(ctx, resource, deploymentKey, tenantId));
    }
  }
  ctx.event('DEPLOYMENT', 'CREATED', deploymentKey, {
    resources: prepared.resources.map((r) => ({ resourceName: r.name, checksum: r.checksum })),
    processesMetadata: result.processes,
    formMetadata: result.forms,
    decisionsMetadata: result.decisions,
    decisionRequirementsMetadata: result.decisionRequirements,
    tenantId,
  });
  return result;
}

function deployProcess(
  ctx: ProcessingContext, resourceName: string, checksum: string, resource: string, bpmnProcessId: string,
  name: string, versionTag: string, deploymentKey: string, tenantId: string,
): DeployedProcess {
  const latest = ctx.state.latestProcess(bpmnProcessId, tenantId);
  if (latest && latest.checksum === checksum && latest.resourceName === resourceName) {
    return { bpmnProcessId, version: latest.version, processDefinitionKey: latest.key, resourceName, tenantId };
  }
  const value: ProcessRecordValue = {
    bpmnProcessId, version: ctx.state.nextVersion('process', bpmnProcessId, tenantId), versionTag, processDefinitionKey: ctx.keys.nextKey(),
    resourceName, checksum, resource, name, duplicate: false, deploymentKey, tenantId,
  };
  ctx.event('PROCESS', 'CREATED', value.processDefinitionKey, value);
  openStartEventSubscriptions(ctx, value.processDefinitionKey, latest?.key);
  return { bpmnProcessId, version: value.version, processDefinitionKey: value.processDefinitionKey, resourceName, tenantId };
}

function deployForm(
  ctx: ProcessingContext, resource: { name: string; checksum: string; content: string; formId: string; versionTag: string },
  deploymentKey: string, tenantId: string,
): DeployedForm {
  const latest = ctx.state.latestForm(resource.formId, tenantId);
  if (latest && latest.checksum === resource.checksum && latest.resourceName === resource.name) {
    return { formId: resource.formId, version: latest.version, formKey: latest.key, resourceName: resource.name, tenantId };
  }
  const value: FormRecordValue = {
    formId: resource.formId, version: ctx.state.nextVersion('form', resource.formId, tenantId), versionTag: resource.versionTag, formKey: ctx.keys.nextKey(),
    resourceName: resource.name, checksum: resource.checksum, resource: resource.content, duplicate: false, deploymentKey, tenantId,
  };
  ctx.event('FORM', 'CREATED', value.formKey, value);
  return { formId: resource.formId, version: value.version, formKey: value.formKey, resourceName: resource.name, tenantId };
}
