import { z } from 'zod';
import {
  CalendarError, chinaDate, dueDate, endOfDay, morningOf, subtractWorkingDays, toDateOnly,
} from '../src/domain/calendar';
import { workCalendar } from '../src/db/calendar';
import { reportUncoveredYears, uncoveredYears } from './notify/calendar-gap';
import { defineWorker, InputError } from './runtime/types';

/**
 * yc-deadline: computes a legal due date for the diagram's timers (start day not counted, holidays and 调休
 * from the work calendar: chinese-days plus the arrangements entered on /admin/calendar). A redelivered job gets
 * the same answer; when the period runs into a year without any holiday arrangement, the office is told once.
 */
export const headers = z.object({
  rule: z.enum(['calendar-days', 'working-days', 'months']),
  amount: z.coerce.number().int().min(0).max(3660),
  from: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
  result: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a variable name'),
  remindBefore: z.coerce.number().int().min(1).max(60).optional(),
  // 'true': the first pass sets the deadline and a loop back to the element keeps it (the element's output
  // mapping carries it to the process), as a computation before the loop would
  once: z.enum(['true', 'false']).optional(),
});
export const input = z.record(z.string(), z.unknown());

export default defineWorker({
  type: 'yc-deadline',
  description: '法定期限计算（自然日、工作日、月），节假日顺延',
  input,
  headers,
  async handle({ input: vars, headers: h, deps, actor }) {
    if (h.once === 'true' && typeof vars[h.result] === 'string') return {};
    let start: string;
    if (h.from) {
      const value = vars[h.from];
      if (typeof value !== 'string') throw new InputError(`variable ${h.from} (start of the period) is missing or not a date`);
      start = value;
    } else {
      start = deps.clock().toISOString();
    }
    const calendar = await workCalendar(deps.db);
    let from: string;
    let due: string;
    const out: Record<string, unknown> = {};
    try {
      from = /T/.test(start) ? chinaDate(start) : toDateOnly(start);
      due = dueDate(calendar, h.rule, from, h.amount);
      out[h.result] = endOfDay(due);
      if (h.remindBefore) out[`${h.result}Reminder`] = morningOf(subtractWorkingDays(calendar, due, h.remindBefore));
    } catch (err) {
      if (err instanceof CalendarError) throw new InputError(err.message);
      throw err;
    }
    await reportUncoveredYears(deps, uncoveredYears(calendar, from, due), actor.at);
    return out;
  },
});
