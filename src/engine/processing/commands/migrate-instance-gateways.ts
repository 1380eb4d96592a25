import { type ProcessInstanceRecordValue } from '../../api';
import { type ElementInstance } from '../../state/types';
import { type ProcessingContext } from '../context';
import { type MigrationPlan, refuse } from './migrate-instance-checks';

/**
 * Joining parallel and inclusive gateways that have taken incoming sequence flows and wait for more (Zeebe 8.8): the
 * tokens live on the gateway's flow scope and move with it when the gateway is mapped to a gateway of the same type
 * with at least as many incoming flows, each taken flow landing on an incoming flow of the target gateway (the flow
 * the mapping names, or the one with the same id).
 */

interface TakenFlow {
  gatewayId: string;
  flowId: string;
  targetFlowId: string;
  count: number;
}

/** The taken flows of the joining gateways in a scope, with the target flow each one moves to; refused unless the rules hold. */
export function checkJoiningGateways(ctx: ProcessingContext, scope: ElementInstance, plan: MigrationPlan): TakenFlow[] {
  const key = plan.processInstanceKey;
  const taken: TakenFlow[] = [];
  for (const [gatewayId, tokens] of Object.entries(scope.joinTokens ?? {})) {
    const flowIds = Object.keys(tokens).filter((flowId) => tokens[flowId] > 0);
    if (flowIds.length === 0) continue;
    const source = plan.source.nodes.get(gatewayId)!;
    const targetId = plan.mapping.get(gatewayId);
    const target = targetId === undefined ? undefined : plan.target.nodes.get(targetId);
    if (targetId === undefined || !target) {
      refuse(ctx, 'INVALID_ARGUMENT',
        `Expected to migrate process instance '${key}' but gateway '${gatewayId}' has at least one incoming sequence flow taken. `
        + 'Joining gateways with at least one incoming sequence flow taken must be mapped to a gateway of the same type in the target process definition.');
    }
    if (target.type !== source.type) {
      refuse(ctx, 'INVALID_ARGUMENT',
        `Expected to migrate process instance '${key}' but active element with id '${gatewayId}' and type '${source.type}' is mapped to `
        + `an element with id '${targetId}' and different type '${target.type}'. Elements must be mapped to elements of the same type.`);
    }
    if (target.incoming.length < source.incoming.length) {
      refuse(ctx, 'INVALID_ARGUMENT',
        `Expected to migrate process instance '${key}' but target gateway with id '${targetId}' has less incoming sequence flows `
        + `than the source gateway with id '${gatewayId}'. Target gateway must have at least the same number of incoming sequence flows as the source gateway.`);
    }
    for (const flowId of flowIds) {
      const targetFlowId = plan.mapping.get(flowId) ?? flowId;
      if (!target.incoming.includes(targetFlowId)) {
        refuse(ctx, 'INVALID_ARGUMENT',
          `Expected to migrate process instance '${key}' but gateway with id '${gatewayId}' has a taken incoming sequence flow mismatch. `
          + `Taken sequence flow with id '${flowId}' must connect to the mapped target gateway with id '${targetId}' in the target process definition.`);
      }
      taken.push({ gatewayId, flowId, targetFlowId, count: tokens[flowId] });
    }
  }
  return taken;
}

/**
 * Moves the tokens of a migrated scope's joining gateways: SEQUENCE_FLOW_DELETED for each taken source flow, then
 * SEQUENCE_FLOW_TAKEN for its target flow, once per token. `source` is the scope's record value before migration.
 */
export function migrateJoinTokens(
  ctx: ProcessingContext, scope: ElementInstance, plan: MigrationPlan, taken: readonly TakenFlow[], source: ProcessInstanceRecordValue,
): void {
  const target: ProcessInstanceRecordValue = {
    ...source, processDefinitionKey: plan.targetKey, bpmnProcessId: plan.target.bpmnProcessId, version: ctx.state.processes.get(plan.targetKey)?.version ?? source.version,
  };
  const flowRecord = (base: ProcessInstanceRecordValue, flowId: string): ProcessInstanceRecordValue => ({
    ...base, elementId: flowId, flowScopeKey: scope.key, bpmnElementType: 'SEQUENCE_FLOW', bpmnEventType: 'UNSPECIFIED',
  });
  for (const flow of taken) {
    for (let i = 0; i < flow.count; i++) {
      ctx.event('PROCESS_INSTANCE', 'SEQUENCE_FLOW_DELETED', ctx.keys.nextKey(), flowRecord(source, flow.flowId));
      ctx.event('PROCESS_INSTANCE', 'SEQUENCE_FLOW_TAKEN', ctx.keys.nextKey(), flowRecord(target, flow.targetFlowId));
    }
  }
}
