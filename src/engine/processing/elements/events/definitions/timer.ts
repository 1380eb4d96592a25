import { type Key, type TimerRecordValue } from '../../../../api';
import { type ProcessGraph } from '../../../../model/graph';
import { nextTrigger, resolveTimer, type TimerSchedule } from '../../../../timer';
import { type ProcessingContext } from '../../../context';
import { startInstance } from '../../../commands/create-instance';
import { elementOf } from '../../shared/element';
import { triggerCatch } from '../catch-trigger';
import { type CatchDefinition } from '../event-definition';

/** Timer records carry the cycle so that a repeating timer can be re-armed after it fired. */
export type TimerValue = TimerRecordValue & { cycle: string | null; kind: TimerSchedule['kind'] };

type TimerOwner = { elementInstanceKey: Key; processInstanceKey: Key; processDefinitionKey: Key; tenantId: string };

/**
 * Timer events (A5). A waiting element evaluates its timers' durations, dates or cycles when it is entered; the
 * timer belongs to that element instance (for timer start events to no instance) and is canceled when it is left.
 */
export const timerCatch: CatchDefinition = {
  catches: (node) => node.timer !== undefined,
  prepare(ctx, el, catchNode) {
    const definition = catchNode.timer!;
    const result = resolveTimer(definition.kind, definition.expression, ctx.state.visibleVariables(el.inst.key), ctx.now);
    if (!result.ok) return result;
    const owner: TimerOwner = {
      elementInstanceKey: el.inst.key, processInstanceKey: el.inst.processInstanceKey,
      processDefinitionKey: el.inst.processDefinitionKey, tenantId: el.inst.tenantId,
    };
    return { ok: true, open: () => { if (result.schedule) createTimer(ctx, owner, catchNode.id, result.schedule); } };
  },
  close(ctx, elementInstanceKey, only) {
    for (const timerKey of ctx.state.timersByElement.get(elementInstanceKey) ?? []) {
      const timer = ctx.state.timers.get(timerKey);
      if (timer && (!only || only.has(timer.value.targetElementId))) ctx.event('TIMER', 'CANCELED', timerKey, timer.value);
    }
  },
};

export function createTimer(ctx: ProcessingContext, owner: TimerOwner, targetElementId: string, schedule: TimerSchedule): void {
  const value: TimerValue = {
    elementInstanceKey: owner.elementInstanceKey,
    processInstanceKey: owner.processInstanceKey,
    processDefinitionKey: owner.processDefinitionKey,
    dueDate: schedule.dueDate,
    targetElementId,
    repetitions: schedule.repetitions,
    tenantId: owner.tenantId,
    cycle: schedule.cycle,
    kind: schedule.kind,
  };
  ctx.event('TIMER', 'CREATED', ctx.keys.nextKey(), value);
}

/**
 * A timer fell due: a timer start event creates an instance; otherwise the waiting catch element is triggered.
 * Cycles re-arm after each fire (start events, non-interrupting boundary events and event sub-process starts)
 * until exhausted.
 */
export function triggerTimer(ctx: ProcessingContext, timerKey: Key): void {
  const timer = ctx.state.timers.get(timerKey);
  if (!timer || timer.value.dueDate > ctx.now) return;
  const value = timer.value as TimerValue;
  const { elementInstanceKey, processDefinitionKey, targetElementId } = value;
  ctx.event('TIMER', 'TRIGGERED', timerKey, value);
  const next = value.cycle ? nextTrigger({ kind: value.kind, dueDate: value.dueDate, repetitions: value.repetitions, cycle: value.cycle }, value.dueDate) : null;
  if (elementInstanceKey === '-1') {
    const definition = ctx.state.processes.get(processDefinitionKey);
    if (!definition) return;
    startInstance(ctx, definition, {}, [targetElementId]);
    if (next) createTimer(ctx, value, targetElementId, next);
    return;
  }
  const owner = elementOf(ctx, elementInstanceKey);
  const catchNode = owner?.graph.nodes.get(targetElementId);
  triggerCatch(ctx, elementInstanceKey, targetElementId, undefined);
  const stillWaiting = ctx.state.instance(elementInstanceKey)?.state === 'ACTIVATED';
  const nonInterrupting = (catchNode?.type === 'BOUNDARY_EVENT' || catchNode?.type === 'START_EVENT') && !catchNode.interrupting;
  if (next && stillWaiting && nonInterrupting) createTimer(ctx, value, targetElementId, next);
}

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

/** The timers of a process version's timer start events: they belong to no element instance. */
export function openStartTimers(ctx: ProcessingContext, processDefinitionKey: Key, graph: ProcessGraph, tenantId: string): void {
  const { schedules } = resolveStartTimers(graph, ctx.now);
  for (const [startId, schedule] of schedules) {
    createTimer(ctx, { elementInstanceKey: '-1', processInstanceKey: '-1', processDefinitionKey, tenantId }, startId, schedule);
  }
}

export function closeStartTimers(ctx: ProcessingContext, processDefinitionKey: Key): void {
  for (const timerKey of ctx.state.timersByElement.get('-1') ?? []) {
    const timer = ctx.state.timers.get(timerKey);
    if (timer?.value.processDefinitionKey === processDefinitionKey) ctx.event('TIMER', 'CANCELED', timerKey, timer.value);
  }
}
