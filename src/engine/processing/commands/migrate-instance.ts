import { type Key, type MigrateInstanceRequest, type ProcessInstanceRecordValue } from '../../api';
import { innerActivity } from '../../model/multi-instance-body';
import { type ElementInstance } from '../../state/types';
import { type ProcessingContext } from '../context';
import { elementOf, instanceRecordValue } from '../elements/shared/element';
import { checkMigrationPlan, checkMigratedElement, type MigrationPlan } from './migrate-instance-checks';
import { checkJoiningGateways, migrateJoinTokens } from './migrate-instance-gateways';
import { migrateSubscriptions, openNewSubscriptions, subscriptionFates } from './migrate-instance-subscriptions';

/**
 * MigrateProcessInstance, as Zeebe 8.8 does it: every active element instance is mapped to an element of the same
 * type in the same flow scope of the target process; the instance keeps its keys, variables, jobs, user tasks and
 * incidents, which from then on belong to the target definition; event subscriptions and the tokens of joining
 * gateways move as the mapping says. All instances are checked before anything is written
 * (migrate-instance-checks.ts); the MIGRATED event comes last.
 */
export function migrateProcessInstance(ctx: ProcessingContext, processInstanceKey: Key, req: MigrateInstanceRequest): void {
  const root = ctx.state.instance(processInstanceKey);
  if (!root || root.type !== 'PROCESS' || root.flowScopeKey !== '-1') {
    ctx.reject('PROCESS_INSTANCE_MIGRATION', 'MIGRATE', 'NOT_FOUND',
      `Expected to migrate process instance but no process instance found with key '${processInstanceKey}'`);
  }
  const target = ctx.state.processes.get(req.targetProcessDefinitionKey);
  if (!target) {
    ctx.reject('PROCESS_INSTANCE_MIGRATION', 'MIGRATE', 'NOT_FOUND',
      `Expected to migrate process instance to process definition but no process definition found with key '${req.targetProcessDefinitionKey}'`);
  }
  const plan: MigrationPlan = {
    processInstanceKey,
    source: ctx.state.graphOf(root.processDefinitionKey),
    target: ctx.state.graphOf(target.key),
    targetKey: target.key,
    // the process itself is mapped implicitly
    mapping: new Map([[root.elementId, target.bpmnProcessId], ...req.mappingInstructions.map((m) => [m.sourceElementId, m.targetElementId] as const)]),
  };
  checkMigrationPlan(ctx, root, req, plan);
  const instances = activeInstances(ctx, root);
  for (const inst of instances) checkMigratedElement(ctx, inst, plan);

  for (const inst of instances) {
    const targetElementId = plan.mapping.get(inst.elementId) as string;
    const targetNode = innerActivity(plan.target, plan.target.nodes.get(targetElementId)!, inst.type);
    // read before ELEMENT_MIGRATED changes the instance
    const fates = subscriptionFates(ctx, inst, plan);
    const taken = checkJoiningGateways(ctx, inst, plan);
    const sourceValue = instanceRecordValue(inst, 'UNSPECIFIED');
    const value: ProcessInstanceRecordValue = {
      ...sourceValue,
      bpmnProcessId: target.bpmnProcessId,
      version: target.version,
      processDefinitionKey: target.key,
      elementId: targetElementId,
      bpmnEventType: targetNode.eventType,
    };
    ctx.event('PROCESS_INSTANCE', 'ELEMENT_MIGRATED', inst.key, value);
    migrateAttached(ctx, inst, { processDefinitionKey: target.key, bpmnProcessId: target.bpmnProcessId, elementId: targetElementId }, target.version);
    migrateSubscriptions(ctx, plan, fates);
    migrateJoinTokens(ctx, inst, plan, taken, sourceValue);
    openNewSubscriptions(ctx, elementOf(ctx, inst.key)!, plan);
  }
  ctx.event('PROCESS_INSTANCE_MIGRATION', 'MIGRATED', processInstanceKey, {
    processInstanceKey,
    targetProcessDefinitionKey: target.key,
    mappingInstructions: req.mappingInstructions,
    tenantId: root.tenantId,
  });
}

/** The process instance and every element instance inside it, scopes before their children. */
function activeInstances(ctx: ProcessingContext, root: ElementInstance): ElementInstance[] {
  const result: ElementInstance[] = [];
  const visit = (inst: ElementInstance): void => {
    result.push(inst);
    for (const child of inst.children) {
      const childInst = ctx.state.instance(child);
      if (childInst) visit(childInst);
    }
  };
  visit(root);
  return result;
}

/** The job, user task and incidents of a migrated element instance move with it (JOB / USER_TASK / INCIDENT MIGRATED). */
function migrateAttached(
  ctx: ProcessingContext,
  inst: ElementInstance,
  definition: { processDefinitionKey: Key; bpmnProcessId: string; elementId: string },
  version: number,
): void {
  const job = inst.jobKey ? ctx.state.jobs.get(inst.jobKey) : undefined;
  if (job) ctx.event('JOB', 'MIGRATED', job.key, { ...job.value, ...definition, processDefinitionVersion: version });
  const task = inst.userTaskKey ? ctx.state.userTasks.get(inst.userTaskKey) : undefined;
  if (task) ctx.event('USER_TASK', 'MIGRATED', task.key, { ...task.value, ...definition, processDefinitionVersion: version });
  for (const incident of ctx.state.incidents.values()) {
    if (incident.value.elementInstanceKey === inst.key) ctx.event('INCIDENT', 'MIGRATED', incident.key, { ...incident.value, ...definition });
  }
}
