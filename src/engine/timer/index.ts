/**
 * Timers (docs/engine-semantics.md, "Timers").
 *
 * - `resolveTimer(kind: 'duration'|'date'|'cycle', definition, variables, nowEpochMs)` →
 *   `{ok:true, schedule: TimerSchedule} | {ok:false, message}`; definition is static text or `=` FEEL (which may
 *   return a string, a FEEL duration, a date and time, or a `cycle(…)` string). Messages as Zeebe words them:
 *   `Invalid duration format '<v>' for expression '<expr>'.`, `Invalid date-time format …`, `Invalid cycle format …`,
 *   `Expected result of the expression '<expr>' to be one of '[DURATION, PERIOD, STRING]', but was '<T>'.`
 * - `TimerSchedule {kind, dueDate (epoch ms), repetitions (incl. this one; -1 unlimited), cycle}` is plain data
 *   that can be stored; `nextTrigger(schedule, firedDueDate)` gives the following one or null.
 * - `validateStaticTimer(kind, definition, now)` for deployment; building blocks: `parseIsoDuration`,
 *   `addIsoDuration`, `parseIsoDateTime`, `parseCycle`, `CronExpression` (Spring cron, UTC by default).
 */
export { resolveTimer, nextTrigger, validateStaticTimer, type TimerKind, type TimerSchedule, type TimerResult } from './schedule';
export { CronExpression } from './cron';
export { parseCycle, INFINITE, type ParsedCycle } from './cycle';
export { parseIsoDateTime } from './date-time';
export { parseIsoDuration, addIsoDuration, formatIsoDuration, type IsoDuration } from './duration';
