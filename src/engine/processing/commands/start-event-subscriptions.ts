import { type Key } from '../../api';
import { evaluateTyped, isExpression } from '../../feel';
import { type ProcessingContext } from '../context';

/**
 * A new process version replaces the start-event subscriptions of the previous one (A6, A12): message start
 * subscriptions are closed for the old version and opened for the new one.
 */
export function openStartEventSubscriptions(ctx: ProcessingContext, processDefinitionKey: Key, previousKey: Key | undefined): void {
  if (previousKey) {
    for (const subscription of [...ctx.state.messageStartSubscriptions.values()]) {
      if (subscription.processDefinitionKey !== previousKey) continue;
      ctx.event('MESSAGE_START_EVENT_SUBSCRIPTION', 'DELETED', '-1', { ...subscription, messageKey: '-1', correlationKey: '', processInstanceKey: '-1' });
    }
  }
  const definition = ctx.state.processes.get(processDefinitionKey);
  if (!definition) return;
  const graph = ctx.state.graphOf(processDefinitionKey);
  const root = graph.nodes.get(graph.bpmnProcessId);
  for (const startId of root?.startEvents ?? []) {
    const start = graph.nodes.get(startId);
    if (!start?.message) continue;
    let messageName = start.message.name;
    if (isExpression(messageName)) {
      const result = evaluateTyped(messageName, 'STRING', {}, ctx.now);
      messageName = result.ok ? result.value : messageName;
    }
    ctx.event('MESSAGE_START_EVENT_SUBSCRIPTION', 'CREATED', ctx.keys.nextKey(), {
      processDefinitionKey, bpmnProcessId: definition.bpmnProcessId, startEventId: start.id, messageName,
      tenantId: definition.tenantId, messageKey: '-1', correlationKey: '', processInstanceKey: '-1',
    });
  }
}
