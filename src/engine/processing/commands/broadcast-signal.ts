import { DEFAULT_TENANT, type JsonObject, type Key } from '../../api';
import { type ProcessingContext } from '../context';
import { checkVariables } from './create-instance';
import { triggerSignalSubscriptions } from '../elements/events/definitions/signal';

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
