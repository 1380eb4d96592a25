import { type Key } from '../../api';
import { closeMessageStartSubscriptions, openMessageStartSubscriptions } from '../elements/events/definitions/message';
import { replaceSignalStartSubscriptions } from '../elements/events/definitions/signal';
import { closeStartTimers, openStartTimers } from '../elements/events/definitions/timer';
import { type ProcessingContext } from '../context';

/**
 * A new process version replaces the start-event subscriptions of the previous one (A5, A6, A7, A12): message start
 * subscriptions and start timers of the old version are closed, signal start subscriptions replaced, and the new
 * version's opened.
 */
export function openStartEventSubscriptions(ctx: ProcessingContext, processDefinitionKey: Key, previousKey: Key | undefined): void {
  if (previousKey) {
    closeMessageStartSubscriptions(ctx, previousKey);
    closeStartTimers(ctx, previousKey);
  }
  replaceSignalStartSubscriptions(ctx, processDefinitionKey, previousKey);
  const definition = ctx.state.processes.get(processDefinitionKey);
  if (!definition) return;
  const graph = ctx.state.graphOf(processDefinitionKey);
  openMessageStartSubscriptions(ctx, definition, graph);
  openStartTimers(ctx, processDefinitionKey, graph, definition.tenantId);
}
