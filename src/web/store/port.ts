import { type Principal } from '../auth/roles';
import { type CalendarOverride, type Coverage, type SpecialDay } from '../../domain/calendar';
import { type PlanProposalView } from '../../db/plan-assistant';
import { type InboxKind } from '../inbox-kinds';
import { type AssessmentRow } from '../../db/assessment-register';
import { type DepartmentItem as DbDepartmentItem } from '../../db/web-queries';
import { type AdminStore } from './admin-port';

/**
 * What the web app needs from the domain store. `src/web/store/domain-store.ts` implements it on the repositories
 * of src/db; keeping the port narrow lets the routes be read (and tested) without knowing the schema.
 */
export interface SessionInfo {
  id: string;
  accountId: string;
  expiresAt: Date;
}

export interface AuditEntry {
  actor: string | null;
  action: string;
  target?: string;
  outcome?: 'ok' | 'denied' | 'failed';
  detail?: Record<string, unknown>;
  ip?: string;
}

export interface NotificationItem {
  id: string;
  /** What kind of message, in Chinese (通知, 催办与逾期, …). */
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  link?: string | null;
}

/** Something a unit still has to do: in Chinese, with its deadline (ISO) if it has one. */
export interface OpenItem {
  kind: string;
  title: string;
  unitName: string;
  status: string;
  due: string | null;
}

/** A handover awaiting its department: to sign (`sent`) or to report the result of (`received`). */
export type DepartmentItem = DbDepartmentItem;

export interface InboxQuery {
  state?: 'read' | 'unread';
  kind?: InboxKind;
  limit: number;
  offset: number;
}

/** Which evidence a user may see (see src/db/web-queries.ts). */
export interface EvidenceScope {
  everything: boolean;
  teamIds: string[];
  sharedAll: boolean;
  unitCodes: string[];
}

/** Which rows of the registers a user may see; evidence has its own, narrower scope. */
export type RecordScope = ({ all: true } | { all: false; unitCodes: string[]; departmentCodes: string[]; teamIds: string[] }) & { evidence: EvidenceScope };

export const REGISTERS = {
  inspections: '巡查台账',
  problems: '问题清单',
  handovers: '移交台账',
  hazards: '挂牌督办台账',
  rectifications: '整改台账',
  talks: '约谈台账',
  documents: '文书台账',
  evidence: '证据台账',
  entries: '办理记录',
} as const;
export type RegisterName = keyof typeof REGISTERS;

export interface RegisterColumn {
  key: string;
  label: string;
  /** `datetime` values are ISO 8601 strings, shown in China Standard Time and exported as real dates. */
  kind?: 'text' | 'datetime';
}

export interface RegisterPage {
  columns: RegisterColumn[];
  rows: Array<Record<string, string | number | null> & { processInstanceKey?: string | null; documentId?: string | null; evidenceId?: string | null }>;
  total: number;
}

export interface PublicNotice {
  id: string;
  kind: string;
  title: string;
  body: string;
  publishedAt: string;
}

export interface UnitInfo {
  code: string;
  name: string;
  kind: string;
}

export interface CoverageRow {
  unitCode: string;
  unitName: string;
  lastInspectedAt: string | null;
  dueBy: string;
  color: 'green' | 'yellow' | 'red';
}

export interface OverdueRow {
  kind: 'rectification' | 'hazard';
  id: string;
  title: string;
  unitCode: string;
  dueAt: string;
  color: 'green' | 'yellow' | 'red';
  processInstanceKey?: string | null;
}

export interface CountRow {
  label: string;
  count: number;
}

/** Problem counts for the dashboard charts. */
export interface ProblemCounts {
  byUnit: CountRow[];
  byCategory: CountRow[];
  byDepartment: CountRow[];
}

export interface Attachment {
  id: string;
  fileName: string;
  kind: string;
  mediaType: string;
  size: number;
  capturedBy: string;
  capturedAt: string;
}

export interface NewAttachment {
  /** The uploaded file on disk; it moves into the archive. */
  path: string;
  fileName: string;
  mediaType: string;
  capturedBy: string;
  inspectionId: string | null;
  problemId: string | null;
  /** `unit` or `department:<code>`: filed on the unit's or department's own task, so it may see it; null: need-to-know. */
  audience: `department:${string}` | 'unit' | null;
}

/** Reference lists that task forms offer as options (see src/web/forms/options.ts). */
export type ReferenceList = 'units' | 'memberUnits' | 'people' | 'inspectors' | 'experts' | 'enterprises' | 'evidence';

/** One choice of a form field: form-js shows the label and submits the value. */
export interface ReferenceOption {
  label: string;
  value: string;
}

/** One year of the working-day calendar: where it comes from, its special days and what the office entered. */
export interface CalendarYearView {
  year: number;
  coverage: Coverage;
  days: SpecialDay[];
  entered: Array<CalendarOverride & { source: string; enteredBy: string; enteredAt: string }>;
}

/** A report the engine correlated: which message and which process instance took it, and when. */
export interface DeliveredMessage {
  messageKey: string;
  processInstanceKey: string;
  at: string;
}

/** The result of checking the evidence archive's hash chain and files. */
export interface EvidenceCheck {
  ok: boolean;
  checked: number;
  broken?: { seq: number; id: string; reason: string };
}

/** What a user entered on completing a task (see src/db/task-entries.ts). */
export interface TaskEntryInput {
  taskKey: string;
  formId: string;
  taskName: string;
  processInstanceKey?: string | null;
  about: { inspectionId?: string; problemId?: string; hazardId?: string; talkId?: string };
  audience: string;
  fields: Array<{ key: string; label: string; value: unknown; text: string }>;
}

export interface WebStore {
  /** Sign-in, password change and the administrators' pages. */
  admin: AdminStore;
  createSession(accountId: string, expiresAt: Date): Promise<SessionInfo>;
  /** The user of a live session (not expired, account enabled), or null. */
  sessionUser(id: string): Promise<Principal | null>;
  deleteSession(id: string): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
  /** Keeps every editable field a user entered on completing a task (办理记录). */
  recordTaskEntry(login: string, entry: TaskEntryInput): Promise<void>;
  /** One page of a user's inbox, newest first, filtered by read state and kind, with the number of all that match. */
  notifications(accountId: string, query: InboxQuery): Promise<{ items: NotificationItem[]; total: number }>;
  /** Marks all of a user's messages read; returns how many were unread. */
  markAllRead(accountId: string): Promise<number>;
  unreadCount(accountId: string): Promise<number>;
  markRead(accountId: string, notificationId: string): Promise<boolean>;
  register(name: RegisterName, scope: RecordScope, query: { q?: string; limit: number; offset: number }): Promise<RegisterPage>;
  document(id: string, scope: RecordScope): Promise<{ fileName: string; mimeType: string; content: Buffer } | null>;
  publicNotices(): Promise<PublicNotice[]>;
  units(): Promise<UnitInfo[]>;
  coverage(asOf: Date): Promise<CoverageRow[]>;
  overdue(asOf: Date): Promise<OverdueRow[]>;
  problemCounts(): Promise<ProblemCounts>;
  /** Evidence archived for an inspection or problem (task attachments) that the reader may see. */
  attachments(about: { inspectionId?: string; problemId?: string }, scope: EvidenceScope): Promise<Attachment[]>;
  addAttachment(a: NewAttachment): Promise<Attachment>;
  /** The engine's answer to a report already delivered under this message id (a resubmission), if any. */
  deliveredMessage(messageId: string): Promise<DeliveredMessage | undefined>;
  /** Keeps the engine's answer to a delivered report, so that resubmitting the same report sends nothing again. */
  recordDeliveredMessage(messageId: string, delivered: DeliveredMessage): Promise<void>;
  /** What a reader may report events on: open inspections, listed hazards, handovers (scoped like the registers). */
  reportableSubjects(kind: 'inspection' | 'hazard', scope: RecordScope): Promise<Array<{ id: string; label: string }>>;
  /** Options of a reference list; `evidence` lists what is archived for the task's inspection (or problem). */
  referenceOptions(list: ReferenceList, about: { inspectionId?: string; problemId?: string }, evidence: EvidenceScope): Promise<ReferenceOption[]>;
  /** An archived evidence file, if the reader may see it. */
  attachment(id: string, scope: EvidenceScope): Promise<{ fileName: string; mediaType: string; content: Buffer } | null>;
  /** The team of each inspection (null: none recorded). */
  inspectionTeams(inspectionIds: string[]): Promise<Map<string, string | null>>;
  /** A unit's open inspections, problems and listed hazards with their state and deadline, nearest first. */
  openItems(scope: RecordScope): Promise<OpenItem[]>;
  /** Handovers the given departments still have to sign or report on. */
  departmentItems(departmentCodes: string[]): Promise<DepartmentItem[]>;
  /** Names of teams by id (unknown ids are left out). */
  teamNames(teamIds: string[]): Promise<Map<string, string>>;
  /** People's names by login (unknown logins are left out), to show people rather than their accounts. */
  displayNames(logins: string[]): Promise<Map<string, string>>;
  /** A readable name of a registered problem or received 来信来电, for a task page; undefined when none is registered. */
  recordLabel(kind: 'problem' | 'complaint', id: string): Promise<string | undefined>;
  /** Verifies the evidence chain and every archived file (audited); a broken chain is reported to the office. */
  checkEvidence(): Promise<EvidenceCheck>;
  calendarYear(year: number): Promise<CalendarYearView>;
  /** Replaces the year's entered arrangement (audited under the login); an empty list removes it. */
  enterCalendarYear(login: string, year: number, days: CalendarOverride[], source: string): Promise<void>;
  /**
   * The plan assistant's proposal for a plan year (the cycle containing its first day unless given); with `planId`
   * the teams for that approved plan.
   */
  planProposal(request: { year: number; cycleStart?: string; planId?: string; today: string }): Promise<PlanProposalView>;
  /** The assessment register (绩效考核): the years it holds, newest first, and each unit's results of one year. */
  assessmentYears(): Promise<number[]>;
  assessmentRegister(year: number): Promise<AssessmentRow[]>;
  /** The 回避 register, with names. */
  recusals(): Promise<RecusalView[]>;
  /** Records a recusal (audited under the login); rejects with a Chinese RecusalError on bad input. */
  recordRecusal(login: string, r: { personId: string; unitCode: string; reason: string }): Promise<void>;
  withdrawRecusal(login: string, personId: string, unitCode: string): Promise<boolean>;
}

export interface RecusalView {
  personId: string;
  personName: string;
  unitCode: string;
  unitName: string;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}
