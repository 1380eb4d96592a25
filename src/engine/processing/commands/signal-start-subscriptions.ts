import { type Key } from '../../api';
import { evaluateTyped, isExpression } from '../../feel';
import { type ProcessingContext } from '../context';

/** Signal start events subscribe for the latest version only: a new version replaces the previous ones (A7, A12). */
export function replaceSignalStartSubscriptions(ctx: ProcessingContext, processDefinitionKey: Key, previousKey: Key | undefined): void {
  if (previousKey) {
    for (const key of [...(ctx.state.signals.byElement.get('-1') ?? [])]) {
      const subscription = ctx.state.signals.subscriptions.get(key);
      if (subscription?.processDefinitionKey === previousKey) ctx.event('SIGNAL_SUBSCRIPTION', 'DELETED', key, subscription);
    }
  }
  const definition = ctx.state.processes.get(processDefinitionKey);
  if (!definition) return;
  const graph = ctx.state.graphOf(processDefinitionKey);
  for (const startId of graph.nodes.get(graph.bpmnProcessId)?.startEvents ?? []) {
    const start = graph.nodes.get(startId);
    if (start?.eventType !== 'SIGNAL' || !start.signalName) continue;
    let signalName = start.signalName;
    if (isExpression(signalName)) {
      const result = evaluateTyped(signalName, 'STRING', {}, ctx.now);
      signalName = result.ok ? result.value : signalName;
    }
    ctx.event('SIGNAL_SUBSCRIPTION', 'CREATED', ctx.keys.nextKey(), {
      signalName, catchEventInstanceKey: '-1', catchEventId: start.id, processDefinitionKey,
      bpmnProcessId: definition.bpmnProcessId, tenantId: definition.tenantId,
    });
  }
}
