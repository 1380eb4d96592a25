import { z } from 'zod';
import { once } from '../src/db/effects';
import { getUnit } from '../src/db/organisation';
import { getTalk, recordTalkMinutes, scheduleTalk } from '../src/db/registers/supervision';
import { workCalendar } from '../src/db/calendar';
import { talkFollowUpDue, TALK_FOLLOW_UP_WORKING_DAYS } from '../src/domain/talks';
import { issueOfficialDocument } from './documents/issue';
import { defineWorker, InputError } from './runtime/types';

/**
 * yc-talk (约谈): `schedule` records the talk (the 约谈通知书 comes from yc-document); `minutes` records the 约谈纪要 and sets
 * the follow-up report deadline (5 working days after the talk unless the minutes agree another).
 */
export const headers = z.object({ action: z.enum(['schedule', 'minutes']) });
export const input = z.object({
  talk: z.object({
    subjectUnitCode: z.string().min(1),
    reason: z.string().min(1),
    /** When the talk is held; null while not yet fixed (the notice then says 近日). */
    at: z.string().min(10).nullish(),
    attendees: z.array(z.string()).default([]),
  }).loose().optional(),
  /** The minutes form's fields as the diagram maps them. */
  talkMinutes: z.object({ heldAt: z.string().nullish(), interviewee: z.string().nullish(), problems: z.string().min(1),
    opinion: z.string().nullish(), commitments: z.string().nullish(), followUpDate: z.string().nullish() }).optional(),
  talkId: z.string().nullish().transform((v) => v ?? undefined),
  inspectionId: z.string().nullish().transform((v) => v ?? undefined),
  problemId: z.string().nullish().transform((v) => v ?? undefined),
  followUpWorkingDays: z.number().int().min(1).max(60).default(TALK_FOLLOW_UP_WORKING_DAYS),
});

export default defineWorker({
  type: 'yc-talk',
  description: '约谈：约谈通知书、约谈纪要、整改落实期限',
  input,
  headers,
  async handle({ input: v, headers: h, deps, effectKey, actor }) {
    // loaded before the transaction: SQLite has one connection, which the transaction holds
    const calendar = await workCalendar(deps.db);
    return once(deps.db, `${effectKey}:${h.action}`, actor.at, async (db) => {
      if (h.action === 'schedule') {
        if (!v.talk) throw new InputError('talk {subjectUnitCode, reason, at, attendees} is required');
        if (!(await getUnit(db, v.talk.subjectUnitCode))) throw new InputError(`no unit ${v.talk.subjectUnitCode}`);
        const talkId = await scheduleTalk(db, actor, { ...v.talk, at: v.talk.at ?? '', inspectionId: v.inspectionId, problemId: v.problemId });
        return { talkId };
      }
      const talk = v.talkId ? await getTalk(db, v.talkId) : undefined;
      if (!talk) throw new InputError(v.talkId ? `no talk ${v.talkId}` : 'talkId is required');
      const m = v.talkMinutes;
      if (!m) throw new InputError('talkMinutes (约谈纪要) are required');
      const minutes = [`指出问题：${m.problems}`, m.opinion && `整改意见：${m.opinion}`, m.commitments && `表态承诺：${m.commitments}`].filter(Boolean).join('\n');
      const followUpDue = talkFollowUpDue(calendar, {
        followUpDate: m.followUpDate, heldAt: m.heldAt, scheduledAt: talk.at, now: actor.at, workingDays: v.followUpWorkingDays,
      });
      await recordTalkMinutes(db, actor, talk.id, minutes, followUpDue, { heldAt: m.heldAt ?? null, interviewee: m.interviewee ?? null });
      const doc = await issueOfficialDocument(db, deps.archive, actor, 'talk-minutes', { talkId: talk.id });
      return { talkId: talk.id, followUpDue, talkMinutesDocumentId: doc.id, talkMinutesDocumentNo: doc.doc_no };
    });
  },
});
