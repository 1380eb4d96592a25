import { type Key } from '../../api';
import { evaluateTyped, isExpression } from '../../feel';
import { type ProcessGraph } from '../../model/graph';
import { resolveTimer, type TimerSchedule } from '../../timer';
import { type ProcessingContext } from '../context';
import { createTimer } from '../elements/events/definitions/timer';
import { replaceSignalStartSubscriptions } from './signal-start-subscriptions';

/** Resolves the timer start events of a graph at deployment (no variables); errors reject the deployment. */
export function resolveStartTimers(graph: ProcessGraph, now: number): { schedules: Map<string, TimerSchedule>; errors: string[] } {
  const schedules = new Map<string, TimerSchedule>();
  const errors: string[] = [];
  for (const startId of graph.nodes.get(graph.bpmnProcessId)?.startEvents ?? []) {
    const start = graph.nodes.get(startId);
    if (!start?.timer) continue;
    const result = resolveTimer(start.timer.kind, start.timer.expression, {}, now);
    if (result.ok) schedules.set(start.id, result.schedule);
    else errors.push(`- Element: ${start.id}\n    - ERROR: Invalid timer ${start.timer.kind} expression (${result.message})`);
  }
  return { schedules, errors };
}

/**
 * A new process version replaces the start-event subscriptions of the previous one (A5, A6, A12): message start
 * subscriptions and start timers of the old version are closed, the new version's are opened.
 */
export function openStartEventSubscriptions(ctx: ProcessingContext, processDefinitionKey: Key, previousKey: Key | undefined): void {
  if (previousKey) closeStartEventSubscriptions(ctx, previousKey);
  replaceSignalStartSubscriptions(ctx, processDefinitionKey, previousKey);
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
  const { schedules } = resolveStartTimers(graph, ctx.now);
  for (const [startId, schedule] of schedules) {
    createTimer(ctx, { elementInstanceKey: '-1', processInstanceKey: '-1', processDefinitionKey, tenantId: definition.tenantId }, startId, schedule);
  }
}

function closeStartEventSubscriptions(ctx: ProcessingContext, processDefinitionKey: Key): void {
  for (const subscription of [...ctx.state.messageStartSubscriptions.values()]) {
    if (subscription.processDefinitionKey !== processDefinitionKey) continue;
    ctx.event('MESSAGE_START_EVENT_SUBSCRIPTION', 'DELETED', '-1', { ...subscription, messageKey: '-1', correlationKey: '', processInstanceKey: '-1' });
  }
  for (const timerKey of ctx.state.timersByElement.get('-1') ?? []) {
    const timer = ctx.state.timers.get(timerKey);
    if (timer?.value.processDefinitionKey === processDefinitionKey) ctx.event('TIMER', 'CANCELED', timerKey, timer.value);
  }
}
