import { addMonthsRaw, addWorkingDays, chinaDate, endOfDay, toDateOnly, type DateOnly, type WorkCalendar } from './calendar';

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

/** 五落实 of a listing decision (责任、措施、资金、时限、预案) as the committee enters them. */
export interface ListingDecision {
  name?: string | null;
  unitCode?: string | null;
  responsiblePerson?: string | null;
  caseLeader?: string | null;
  measures?: string | null;
  /** 万元 */
  funds?: number | null;
  deadline?: string | null;
  emergencyPlan?: string | null;
  stopProduction?: boolean | null;
}

/** The registered problem a listing comes from, if any. */
export interface ListedProblem {
  id: string;
  description: string;
  unit_code: string;
  enterprise_code: string | null;
  industry: string | null;
  legal_basis: string | null;
  due: string | null;
}

/**
 * The listed hazard as the register keeps it: the decision's 五落实, its name, unit and deadline defaulting to the
 * problem's; a case leader (包案领导) and a stop of production are kept in words beside the responsible person and
 * the measures; a date-only deadline ends that day. Undefined when neither names the hazard and its unit.
 */
export function listingRecord(d: ListingDecision | undefined, problem: ListedProblem | undefined) {
  const name = d?.name ?? problem?.description;
  const unitCode = d?.unitCode ?? problem?.unit_code;
  if (!name || !unitCode) return undefined;
  const responsible = [d?.responsiblePerson, d?.caseLeader && `包案领导：${d.caseLeader}`].filter(Boolean).join('；');
  const measures = [d?.measures, d?.stopProduction ? '整改期间停产停业' : null].filter(Boolean).join('；');
  const due = d?.deadline ?? problem?.due ?? null;
  return {
    name, unit_code: unitCode, problem_id: problem?.id ?? null, enterprise_code: problem?.enterprise_code ?? null,
    industry: problem?.industry ?? null, standard_ref: problem?.legal_basis ?? null,
    responsible: responsible || null, measures: measures || null, funds: d?.funds == null ? null : `${d.funds}万元`,
    rectify_due: due ? (/T/.test(due) ? due : endOfDay(due)) : null, emergency_plan: d?.emergencyPlan ?? null,
  };
}
