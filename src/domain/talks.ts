import { addWorkingDays, chinaDate, endOfDay, type WorkCalendar } from './calendar';

/** The unit reports on what it promised in a 约谈 this many working days after the talk, unless the minutes agree a date. */
export const TALK_FOLLOW_UP_WORKING_DAYS = 5;

/**
 * When the talked-to unit's follow-up report is due: the date the minutes agree, else the working days after the
 * talk (as held, else as scheduled, else today).
 */
export function talkFollowUpDue(calendar: WorkCalendar, t: {
  followUpDate?: string | null; heldAt?: string | null; scheduledAt?: string | null; now: string; workingDays?: number;
}): string {
  if (t.followUpDate) return endOfDay(chinaDate(t.followUpDate));
  const talkDay = chinaDate(t.heldAt || t.scheduledAt || t.now);
  return endOfDay(addWorkingDays(calendar, talkDay, t.workingDays ?? TALK_FOLLOW_UP_WORKING_DAYS));
}
