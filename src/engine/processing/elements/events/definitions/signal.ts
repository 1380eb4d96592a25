import { type Key } from '../../../../api';
import { type FlowNode } from '../../../../model/graph';
import { type SignalSubscription } from '../../../../state/signals';
import { type ProcessingContext } from '../../../context';
import { type Element } from '../../shared/element';

/** Signal subscriptions of waiting catch elements (A7): opened with the element, deleted when it is left. */

export function openSignalSubscription(ctx: ProcessingContext, owner: Element, catchNode: FlowNode, signalName: string): void {
  const value: SignalSubscription = {
    signalName,
    catchEventInstanceKey: owner.inst.key,
    catchEventId: catchNode.id,
    processDefinitionKey: owner.inst.processDefinitionKey,
    bpmnProcessId: owner.inst.bpmnProcessId,
    tenantId: owner.inst.tenantId,
  };
  ctx.event('SIGNAL_SUBSCRIPTION', 'CREATED', ctx.keys.nextKey(), value);
}

export function closeSignalSubscriptions(ctx: ProcessingContext, elementInstanceKey: Key): void {
  for (const key of [...(ctx.state.signals.byElement.get(elementInstanceKey) ?? [])]) {
    const subscription = ctx.state.signals.subscriptions.get(key);
    if (subscription) ctx.event('SIGNAL_SUBSCRIPTION', 'DELETED', key, subscription);
  }
}
