import { z } from 'zod';
import { defineWorker, InputError } from './runtime/types';

/**
 * yc-publish: sends one message to the engine, as a BPMN send task does. Each problem and each unit's
 * rectification becomes a case of its own (a process started by message, keyed by the problem or inspection), so
 * the unit inspection does not wait for closures; a rectification accepted by the committee tells each problem
 * case it was rectified. The message id is the message name and key: publishing again changes nothing.
 */
const MESSAGES = {
  'problem-case-requested': { ttlMs: 24 * 60 * 60 * 1000 },
  'rectification-case-requested': { ttlMs: 24 * 60 * 60 * 1000 },
  // kept until the problem case reaches its wait (the office may still be confirming the disposal route)
  'problem-rectified': { ttlMs: 400 * 24 * 60 * 60 * 1000 },
  // starts the year's cut-off when no instance for the year runs; while one runs the message has nothing to do
  'assessment-year-entered': { ttlMs: 0 },
} as const;

export const headers = z.object({ message: z.enum(Object.keys(MESSAGES) as [keyof typeof MESSAGES]) });
export const input = z.object({
  correlationKey: z.string().min(1),
  payload: z.record(z.string(), z.unknown()).nullish(),
});

export default defineWorker({
  type: 'yc-publish',
  description: '发起案件与通知：按问题、按单位整改发起单独流程，整改审核通过后通知各问题',
  input,
  headers,
  async handle({ input: v, headers: h, deps }) {
    if (!deps.messages) throw new InputError('no message publisher in this worker runtime');
    const messageId = `${h.message}:${v.correlationKey}`;
    await deps.messages.publish({ name: h.message, correlationKey: v.correlationKey, messageId, timeToLiveMs: MESSAGES[h.message].ttlMs, variables: v.payload ?? {} });
    return { publishedMessageId: messageId };
  },
});
