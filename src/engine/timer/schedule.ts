/**
 * Timer definitions (static text or `=` FEEL expression) → a serialisable schedule, with Zeebe's
 * EXTRACT_VALUE_ERROR texts (A3, A5). A schedule answers its due date; `nextTrigger` gives the one after a fire.
 */
import { FeelDateTime, FeelDuration } from 'feelin';
import {
  epochMsOf, evaluateWithWarnings, expressionBody, feelResultType, formatDuration, isExpression, wrongTypeMessage,
} from '../feel';
import { INFINITE, parseCycle, type ParsedCycle } from './cycle';
import { parseIsoDateTime } from './date-time';
import { addIsoDuration, formatIsoDuration, parseIsoDuration } from './duration';

export type TimerKind = 'duration' | 'date' | 'cycle';

export interface TimerSchedule {
  kind: TimerKind;
  /** Epoch milliseconds when the timer is due; in the past means due at once. */
  dueDate: number;
  /** Triggers left including the one at dueDate: 1 for duration and date, n for `Rn/…`, -1 for unlimited. */
  repetitions: number;
  /** For cycles: `R/<interval>` or the cron expression, to compute later due dates; null otherwise. */
  cycle: string | null;
}

export type TimerResult = { ok: true; schedule: TimerSchedule } | { ok: false; message: string };

const EXPECTED: Record<TimerKind, string> = {
  duration: "one of '[DURATION, PERIOD, STRING]'",
  date: "one of '[DATE_TIME, STRING]'",
  cycle: 'STRING',
};

const FORMAT_NAME: Record<TimerKind, string> = { duration: 'duration', date: 'date-time', cycle: 'cycle' };

function invalid(kind: TimerKind, value: string, expression: string): TimerResult {
  return { ok: false, message: `Invalid ${FORMAT_NAME[kind]} format '${value}' for expression '${expression}'.` };
}

function fromDuration(text: string, expression: string, nowEpochMs: number): TimerResult {
  const duration = parseIsoDuration(text);
  if (!duration) return invalid('duration', text, expression);
  return { ok: true, schedule: { kind: 'duration', dueDate: addIsoDuration(nowEpochMs, duration), repetitions: 1, cycle: null } };
}

function fromDate(text: string, expression: string): TimerResult {
  const dueDate = parseIsoDateTime(text);
  if (dueDate === null) return invalid('date', text, expression);
  return { ok: true, schedule: { kind: 'date', dueDate, repetitions: 1, cycle: null } };
}

function cycleText(parsed: ParsedCycle): string {
  return parsed.kind === 'cron' ? parsed.cron.text : `R/${formatIsoDuration(parsed.interval)}`;
}

function fromCycle(text: string, expression: string, nowEpochMs: number): TimerResult {
  const parsed = parseCycle(text);
  if (!parsed) return invalid('cycle', text, expression);
  if (parsed.kind === 'cron') {
    const dueDate = parsed.cron.next(nowEpochMs);
    if (dueDate === null) return invalid('cycle', text, expression);
    return { ok: true, schedule: { kind: 'cycle', dueDate, repetitions: INFINITE, cycle: cycleText(parsed) } };
  }
  const dueDate = parsed.startEpochMs ?? addIsoDuration(nowEpochMs, parsed.interval);
  return { ok: true, schedule: { kind: 'cycle', dueDate, repetitions: parsed.repetitions, cycle: cycleText(parsed) } };
}

function fromText(kind: TimerKind, text: string, expression: string, nowEpochMs: number): TimerResult {
  if (kind === 'duration') return fromDuration(text, expression, nowEpochMs);
  if (kind === 'date') return fromDate(text, expression);
  return fromCycle(text, expression, nowEpochMs);
}

/**
 * Resolve a timer definition at `nowEpochMs`. `definition` is the attribute text: static (`PT1H`) or an
 * expression (`=deadline`); variables are those visible to the timer (none for timer start events).
 */
export function resolveTimer(
  kind: TimerKind,
  definition: string,
  variables: Record<string, unknown>,
  nowEpochMs: number,
): TimerResult {
  if (!isExpression(definition)) return fromText(kind, definition.trim(), definition.trim(), nowEpochMs);
  const expression = expressionBody(definition);
  const result = evaluateWithWarnings(definition, variables, nowEpochMs);
  if (!result.ok) return result;
  const { value } = result;
  if (typeof value === 'string') return fromText(kind, value, expression, nowEpochMs);
  if (kind === 'duration' && value instanceof FeelDuration) {
    return fromDuration(formatDuration(value), expression, nowEpochMs);
  }
  if (kind === 'date' && value instanceof FeelDateTime) {
    return { ok: true, schedule: { kind: 'date', dueDate: epochMsOf(value), repetitions: 1, cycle: null } };
  }
  return { ok: false, message: wrongTypeMessage(definition, EXPECTED[kind], feelResultType(value), result.warnings) };
}

/**
 * The schedule after the timer fired, or null when it does not repeat (duration, date, last repetition).
 * `fromEpochMs` is the due date of the fired timer, so a cycle keeps its rhythm.
 */
export function nextTrigger(schedule: TimerSchedule, fromEpochMs: number): TimerSchedule | null {
  if (schedule.kind !== 'cycle' || schedule.cycle === null) return null;
  if (schedule.repetitions !== INFINITE && schedule.repetitions <= 1) return null;
  const parsed = parseCycle(schedule.cycle);
  if (!parsed) throw new Error(`stored timer cycle '${schedule.cycle}' is not valid`);
  const dueDate = parsed.kind === 'cron' ? parsed.cron.next(fromEpochMs) : addIsoDuration(fromEpochMs, parsed.interval);
  if (dueDate === null) return null;
  const repetitions = schedule.repetitions === INFINITE ? INFINITE : schedule.repetitions - 1;
  return { ...schedule, dueDate, repetitions };
}

/** Deploy-time check of a static definition; a message naming the problem, or null when valid. */
export function validateStaticTimer(kind: TimerKind, definition: string, nowEpochMs: number): string | null {
  if (isExpression(definition)) return null;
  const result = fromText(kind, definition.trim(), definition.trim(), nowEpochMs);
  return result.ok ? null : result.message;
}

