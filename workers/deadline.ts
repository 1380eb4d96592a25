import { z } from 'zod';
import {
  CalendarError, chinaDate, dueDate, endOfDay, morningOf, subtractWorkingDays, toDateOnly,
} from '../src/domain/calendar';
import { defineWorker, InputError } from './runtime/types';

/**
 * yc-deadline: computes a legal due date for the diagram's timers (start day not counted, holidays and 调休
 * from the Chinese calendar). Pure computation: a redelivered job gets the same answer.
 */
export const headers = z.object({
  rule: z.enum(['calendar-days', 'working-days', 'months']),
  amount: z.coerce.number().int().min(0).max(3660),
  from: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
  result: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a variable name'),
  remindBefore: z.coerce.number().int().min(1).max(60).optional(),
});
export const input = z.record(z.string(), z.unknown());

export default defineWorker({
  type: 'yc-deadline',
  description: '法定期限计算（自然日、工作日、月），节假日顺延',
  input,
  headers,
  async handle({ input: vars, headers: h, deps }) {
    let start: string;
    if (h.from) {
      const value = vars[h.from];
      if (typeof value !== 'string') throw new InputError(`variable ${h.from} (start of the period) is missing or not a date`);
      start = value;
    } else {
      start = deps.clock().toISOString();
    }
    try {
      const from = /T/.test(start) ? chinaDate(start) : toDateOnly(start);
      const due = dueDate(h.rule, from, h.amount);
      const out: Record<string, unknown> = { [h.result]: endOfDay(due) };
      if (h.remindBefore) out[`${h.result}Reminder`] = morningOf(subtractWorkingDays(due, h.remindBefore));
      return out;
    } catch (err) {
      if (err instanceof CalendarError) throw new InputError(err.message);
      throw err;
    }
  },
});
