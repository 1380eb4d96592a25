import { addMonthsRaw, addWorkingDays, chinaDate, toDateOnly, type DateOnly, type WorkCalendar } from './calendar';

/** An extension is applied for at least this many working days before the deadline. */
export const EXTENSION_NOTICE_WORKING_DAYS = 20;
/** A listed hazard's deadline lies at most this many months after its listing. */
export const MAX_LISTING_MONTHS = 12;
/** A listing and a 销号 are published within this many working days. */
export const PUBLISH_WORKING_DAYS = 5;

export interface ExtensionRequest {
  /** The committee's decision. */
  granted: boolean;
  opinion?: string | null;
  /** The deadline asked for (or set by the committee). */
  requestedDue: string;
  /** The hazard's deadline now, and when it was listed. */
  rectifyDue: string | null;
  listedAt: string;
  today: DateOnly;
}

/** Why an extension of a listed hazard's deadline is refused, or null when it is granted. */
export function extensionRefusal(calendar: WorkCalendar, e: ExtensionRequest): string | null {
  if (!e.granted) return e.opinion?.trim() ? `区安委会不同意延期：${e.opinion.trim()}` : '区安委会不同意延期。';
  const requested = toDateOnly(e.requestedDue);
  if (e.rectifyDue) {
    const due = toDateOnly(e.rectifyDue);
    if (addWorkingDays(calendar, e.today, EXTENSION_NOTICE_WORKING_DAYS) > due) return `延期申请应在整改期限（${due}）前${EXTENSION_NOTICE_WORKING_DAYS}个工作日以上提出。`;
    if (requested <= due) return '申请的新期限应晚于原整改期限。';
  }
  const limit = addMonthsRaw(chinaDate(e.listedAt), MAX_LISTING_MONTHS);
  if (requested > limit) return `挂牌督办整改期限最长不超过一年（${limit}）。`;
  return null;
}

/** The day by which a listing or 销号 decided today is published. */
export const publicationDue = (calendar: WorkCalendar, today: DateOnly): DateOnly => addWorkingDays(calendar, today, PUBLISH_WORKING_DAYS);
