import { type Key } from '../../api';
import { type ProcessingContext } from '../context';
import { deleteDecisionRequirements } from './delete-decisions';
import { openStartEventSubscriptions } from './start-event-subscriptions';

/**
 * DeleteResource: removes a process definition (refused while instances of it run) or a form. Deleting the latest
 * process version hands the start events back to the version before it.
 */
export function deleteResource(ctx: ProcessingContext, resourceKey: Key): void {
  if (ctx.state.decisions.requirements.has(resourceKey)) return deleteDecisionRequirements(ctx, resourceKey);
  const process = ctx.state.processes.get(resourceKey);
  const form = ctx.state.forms.get(resourceKey);
  if (!process && !form) {
    ctx.reject('RESOURCE_DELETION', 'DELETE', 'NOT_FOUND', `Expected to delete resource but no resource found with key \`${resourceKey}\``);
  }
  if (process) {
    for (const inst of ctx.state.elementInstances.values()) {
      if (inst.processDefinitionKey === resourceKey) {
        ctx.reject('RESOURCE_DELETION', 'DELETE', 'INVALID_STATE',
          `Expected to delete resource with key \`${resourceKey}\` but there are still running instances`);
      }
    }
    const latest = ctx.state.latestProcess(process.bpmnProcessId, process.tenantId);
    const wasLatest = latest?.key === resourceKey;
    ctx.event('PROCESS', 'DELETED', resourceKey, { ...process, processDefinitionKey: resourceKey, duplicate: false });
    if (wasLatest) {
      const previous = ctx.state.latestProcess(process.bpmnProcessId, process.tenantId);
      openStartEventSubscriptions(ctx, previous?.key ?? '-1', resourceKey);
    }
  } else if (form) {
    ctx.event('FORM', 'DELETED', resourceKey, { ...form, formKey: resourceKey, duplicate: false });
  }
  ctx.event('RESOURCE_DELETION', 'DELETED', resourceKey, { resourceKey, tenantId: process?.tenantId ?? form?.tenantId ?? '' });
}
