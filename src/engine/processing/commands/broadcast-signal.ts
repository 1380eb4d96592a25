import { DEFAULT_TENANT, type JsonObject, type Key } from '../../api';
import { type ProcessingContext } from '../context';
import { checkVariables, startInstance } from './create-instance';
import { triggerCatch } from '../elements/events/catch-trigger';

/**
 * BroadcastSignal (A7): triggers every open subscription with that name: waiting catch events, boundary events,
 * event-based gateway targets, event sub-process starts, and signal start events (one new instance of the latest
 * version each). Signals are not buffered; without a subscription nothing happens.
 */
export function broadcastSignal(ctx: ProcessingContext, req: { signalName: string; variables?: JsonObject; tenantId?: string }): { key: Key; tenantId: string } {
  const tenantId = req.tenantId ?? DEFAULT_TENANT;
  if (!req.signalName || req.signalName.trim() === '') {
    ctx.reject('SIGNAL', 'BROADCAST', 'INVALID_ARGUMENT', 'Expected to broadcast a signal with a name, but the name was empty');
  }
  const variables = checkVariables(ctx, req.variables, 'SIGNAL', 'BROADCAST');
  const key = ctx.keys.nextKey();
  ctx.event('SIGNAL', 'BROADCASTED', key, { signalName: req.signalName, variables, tenantId });
  triggerSignalSubscriptions(ctx, req.signalName, variables, tenantId);
  return { key, tenantId };
}

export function triggerSignalSubscriptions(ctx: ProcessingContext, signalName: string, variables: JsonObject, tenantId: string): void {
  const matching = [...ctx.state.signals.subscriptions].filter(([, s]) => s.signalName === signalName && s.tenantId === tenantId);
  for (const [key, subscription] of matching) {
    // an earlier trigger of this broadcast may have closed it (e.g. the other branch of an event-based gateway)
    if (!ctx.state.signals.subscriptions.has(key)) continue;
    if (subscription.catchEventInstanceKey !== '-1') {
      triggerCatch(ctx, subscription.catchEventInstanceKey, subscription.catchEventId, variables);
      continue;
    }
    const definition = ctx.state.processes.get(subscription.processDefinitionKey);
    if (definition) startInstance(ctx, definition, variables, [subscription.catchEventId]);
  }
}
