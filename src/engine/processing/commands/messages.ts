import { DEFAULT_TENANT, type CorrelateMessageResult, type Key, type MessageRecordValue, type PublishMessageRequest } from '../../api';
import { compareKeys } from '../../keys';
import { messageIndexKey } from '../../state/engine-state';
import { type MessageStartSubscription, type MessageSubscription } from '../../state/types';
import { type ProcessingContext } from '../context';
import { checkVariables, startInstance } from './create-instance';
import { correlateSubscription } from '../elements/events/definitions/message';

/** Messages (A6): publish with TTL and buffering, correlation once per process, message start events. */

export function publishMessage(ctx: ProcessingContext, req: PublishMessageRequest, correlate = false): CorrelateMessageResult {
  const value = messageValue(ctx, req, correlate);
  const subscriptions = matchingSubscriptions(ctx, value);
  const starts = matchingStarts(ctx, value, subscriptions.map((s) => s.bpmnProcessId));
  if (correlate && subscriptions.length === 0 && starts.length === 0) {
    ctx.reject('MESSAGE_CORRELATION', 'CORRELATE', 'NOT_FOUND',
      `Expected to find subscription for message with name '${value.name}' and correlation key '${value.correlationKey}', but none was found.`);
  }
  const messageKey = ctx.keys.nextKey();
  ctx.event('MESSAGE', 'PUBLISHED', messageKey, value);
  let processInstanceKey = '-1';
  for (const subscription of subscriptions) {
    correlateSubscription(ctx, subscription, messageKey, value.variables);
    if (processInstanceKey === '-1') processInstanceKey = subscription.processInstanceKey;
  }
  for (const start of starts) {
    const created = startByMessage(ctx, start, messageKey, value);
    if (processInstanceKey === '-1') processInstanceKey = created;
  }
  if (value.timeToLive <= 0) ctx.event('MESSAGE', 'EXPIRED', messageKey, value);
  if (correlate) ctx.event('MESSAGE_CORRELATION', 'CORRELATED', messageKey, { ...value, messageKey, processInstanceKey });
  return { messageKey, processInstanceKey, tenantId: value.tenantId };
}

function messageValue(ctx: ProcessingContext, req: PublishMessageRequest, correlate: boolean): MessageRecordValue {
  const valueType = correlate ? 'MESSAGE_CORRELATION' : 'MESSAGE';
  const intent = correlate ? 'CORRELATE' : 'PUBLISH';
  if (!req.name || req.name.trim() === '') ctx.reject(valueType, intent, 'INVALID_ARGUMENT', 'Expected to publish a message with a name, but the name was empty');
  const variables = checkVariables(ctx, req.variables, 'MESSAGE', intent);
  const timeToLive = correlate ? 0 : Math.max(0, req.timeToLive ?? 0);
  const messageId = req.messageId ?? '';
  const tenantId = req.tenantId ?? DEFAULT_TENANT;
  const correlationKey = req.correlationKey ?? '';
  if (messageId !== '') {
    for (const key of ctx.state.messagesByCorrelation.get(messageIndexKey(tenantId, req.name, correlationKey)) ?? []) {
      if (ctx.state.messages.get(key)?.value.messageId === messageId) {
        ctx.reject(valueType, intent, 'ALREADY_EXISTS', `Expected to publish a new message with id '${messageId}', but a message with that id was already published`);
      }
    }
  }
  return { name: req.name, correlationKey, timeToLive, deadline: ctx.now + timeToLive, messageId, variables, tenantId };
}

/** Open subscriptions for a message: at most one per bpmnProcessId, the oldest. */
function matchingSubscriptions(ctx: ProcessingContext, m: MessageRecordValue): MessageSubscription[] {
  const byProcess = new Map<string, MessageSubscription>();
  for (const key of ctx.state.subscriptionsByMessage.get(messageIndexKey(m.tenantId, m.name, m.correlationKey)) ?? []) {
    const s = ctx.state.messageSubscriptions.get(key);
    if (!s) continue;
    const current = byProcess.get(s.bpmnProcessId);
    if (!current || compareKeys(s.key, current.key) < 0) byProcess.set(s.bpmnProcessId, s);
  }
  return [...byProcess.values()];
}

/** Message start events that may start an instance: not already correlated to that process, no active instance for the key. */
function matchingStarts(ctx: ProcessingContext, m: MessageRecordValue, correlatedProcesses: string[], exclude: string[] = []): MessageStartSubscription[] {
  const found: MessageStartSubscription[] = [];
  const seen = new Set([...correlatedProcesses, ...exclude]);
  for (const s of ctx.state.messageStartSubscriptions.values()) {
    if (s.messageName !== m.name || s.tenantId !== m.tenantId || seen.has(s.bpmnProcessId)) continue;
    if (m.correlationKey !== '' && ctx.state.messageStartedInstances.has(`${s.bpmnProcessId}/${m.correlationKey}`)) continue;
    seen.add(s.bpmnProcessId);
    found.push(s);
  }
  return found;
}

function startByMessage(ctx: ProcessingContext, start: MessageStartSubscription, messageKey: Key, m: MessageRecordValue): Key {
  const definition = ctx.state.processes.get(start.processDefinitionKey);
  if (!definition) return '-1';
  const graph = ctx.state.graphOf(definition.key);
  const startNode = graph.nodes.get(start.startEventId);
  // the payload goes to the root, unless the start event has output mappings: then it is the event's local input
  const mapped = startNode !== undefined && startNode.outputs.length > 0;
  const processInstanceKey = startInstance(ctx, definition, mapped ? {} : m.variables, [start.startEventId], undefined, mapped ? m.variables : undefined);
  ctx.event('MESSAGE_START_EVENT_SUBSCRIPTION', 'CORRELATED', ctx.keys.nextKey(), {
    ...start, messageKey, correlationKey: m.correlationKey, processInstanceKey, variables: m.variables,
  });
  return processInstanceKey;
}

/** A new subscription takes the oldest buffered, live message not yet correlated to its process. */
export function correlateBufferedMessage(ctx: ProcessingContext, subscriptionKey: Key): void {
  const subscription = ctx.state.messageSubscriptions.get(subscriptionKey);
  if (!subscription) return;
  const candidates = ctx.state.messagesByCorrelation.get(messageIndexKey(subscription.tenantId, subscription.messageName, subscription.correlationKey)) ?? [];
  for (const key of candidates) {
    const message = ctx.state.messages.get(key);
    if (!message || message.value.deadline <= ctx.now || message.correlatedProcesses.includes(subscription.bpmnProcessId)) continue;
    correlateSubscription(ctx, subscription, message.key, message.value.variables);
    return;
  }
}

/** After an instance started by a message ends, a buffered message with the same key may start the next one. */
export function startBufferedMessages(ctx: ProcessingContext, bpmnProcessId: string): void {
  // most processes have no message start event: skip the scan of the buffered messages for them
  if (![...ctx.state.messageStartSubscriptions.values()].some((s) => s.bpmnProcessId === bpmnProcessId)) return;
  for (const m of [...ctx.state.messages.values()]) {
    if (m.value.deadline <= ctx.now || m.correlatedProcesses.includes(bpmnProcessId)) continue;
    const starts = matchingStarts(ctx, m.value, []).filter((s) => s.bpmnProcessId === bpmnProcessId);
    for (const start of starts) startByMessage(ctx, start, m.key, m.value);
  }
}

/** Scheduler: a buffered message whose time to live ran out expires. */
export function expireMessage(ctx: ProcessingContext, messageKey: Key): void {
  const message = ctx.state.messages.get(messageKey);
  if (!message || message.value.deadline > ctx.now) return;
  ctx.event('MESSAGE', 'EXPIRED', messageKey, message.value);
}
