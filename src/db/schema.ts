import type { Generated } from 'kysely';

/**
 * Table types of the domain store. Portable across SQLite and PostgreSQL: ids are text (generated in code or
 * business keys), timestamps are ISO-8601 text, booleans are 0/1 integers, structured values are JSON text.
 * Only the audit log and the evidence chain use an auto-increment sequence, for their order.
 */
export interface UnitTable {
  code: string; // GB code for 镇街, YC-M-xx for member units, YC-E-xx for enterprises
  name: string;
  short_name: string | null; // 简称 (区住建局), offered beside the name in pickers
  kind: 'town' | 'subdistrict' | 'member' | 'enterprise' | 'zone';
  parent_code: string | null; // enterprises: the 镇街 they sit in
  domain: string | null; // routing domain of a supervising department (移交)
  supervising: number; // 1 = 负有安全生产监督管理职责
  industry: string | null;
  address: string | null;
  email: string | null;
  head_person_id: string | null; // the unit's 主要负责人 (people.id); null = not recorded
  created_at: string;
}

export interface PersonTable {
  id: string;
  name: string;
  unit_code: string;
  post: string;
  rank: string | null; // 处级 | 科级 | 科员 | 专家
  expert: number;
  safety_years: number; // years in safety supervision
  email: string | null;
  phone: string | null;
  created_at: string;
}

export interface AccountTable {
  id: string;
  login: string;
  password_hash: string;
  display_name: string;
  person_id: string | null;
  unit_code: string | null;
  disabled: number;
  created_at: string;
  must_change_password: Generated<number>; // 1 = the password was set by an administrator: change it at next login
  locked_at: string | null; // locked after repeated failed logins
  unlocked_at: string | null;
  password_changed_at: string | null;
}

export interface RoleTable {
  code: string;
  name: string;
}

export interface MembershipTable {
  id: string;
  account_id: string;
  role_code: string;
  unit_code: string | null; // scope of unit/department roles
}

export interface WebSessionTable {
  id: string; // SHA-256 of the session token; the token itself is never stored
  account_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface CycleTable {
  id: string;
  start_date: string;
  end_date: string;
  label: string;
}

export interface PlanTable {
  id: string;
  year: number;
  cycle_id: string | null;
  status: string;
  data: string; // JSON of the plan as approved
  approved_at: string | null;
  created_at: string;
}

export interface RoundTable {
  id: string;
  plan_id: string;
  no: number;
  start_date: string;
  end_date: string;
}

export interface TeamTable {
  id: string;
  plan_id: string;
  name: string;
}

export interface TeamMemberTable {
  team_id: string;
  person_id: string;
  role: 'leader' | 'deputy' | 'member' | 'expert' | 'liaison';
}

/** 回避: a person who must not inspect a unit besides their home unit (migration 009). */
export interface RecusalTable {
  person_id: string;
  unit_code: string;
  reason: string;
  recorded_by: string;
  recorded_at: string;
}

export interface InspectionTable {
  id: string;
  round_id: string | null;
  team_id: string | null;
  unit_code: string;
  status: string;
  opened_at: string;
  onsite_start: string | null;
  onsite_end: string | null;
  report_due: string | null;
  report_submitted_at: string | null;
  report_approved_at: string | null;
  feedback_at: string | null;
  rectification_due: string | null;
  closed_at: string | null;
  report_summary: string | null; // 巡查工作报告: 基本情况和发现的问题
  report_causes: string | null; // 原因分析
  report_suggestions: string | null; // 意见建议
}

export interface MethodUsedTable {
  id: string;
  inspection_id: string;
  method: number; // 1..6 as listed in the seed
  note: string | null;
  recorded_at: string;
}

export interface ProblemTable {
  id: string;
  inspection_id: string;
  no: number;
  unit_code: string;
  enterprise_code: string | null;
  category: string; // C1..C9
  severity: string; // 一般 | 较大 | 重大
  industry: string | null;
  description: string;
  legal_basis: string | null;
  route: string | null; // rectify | handover | listing | accountability
  department_code: string | null;
  status: string;
  due: string | null;
  escalation_level: number;
  created_at: string;
}

export interface EvidenceTable {
  seq: Generated<number>;
  id: string;
  sha256: string; // content address
  prev_hash: string; // chain hash of the previous record ('' for the first)
  chain_hash: string; // SHA-256 over prev_hash and this record's fields
  inspection_id: string | null;
  problem_id: string | null;
  kind: string; // photo | audio | video | scan | document
  file_name: string;
  media_type: string;
  size: number;
  captured_by: string;
  captured_at: string;
  location: string | null;
  stored_at: string;
  audience: string | null; // 'unit': the inspected unit may see it; 'department:<code>': that department; otherwise need-to-know (the team and the office)
}

export interface HandoverTable {
  id: string;
  problem_id: string;
  department_code: string;
  document_id: string | null;
  handover_no: string | null;
  status: string; // sent | received | refused | reassigned | done
  sent_at: string;
  received_at: string | null;
  result_due: string | null;
  result_at: string | null;
  result_text: string | null;
  receipt_signer: string | null;
  refusal_reason: string | null;
  result_measures: string | null;
  /** JSON array of the evidence ids the department filed with its result. */
  result_evidence: string | null;
}

export interface HazardTable {
  id: string;
  problem_id: string | null;
  name: string;
  unit_code: string;
  enterprise_code: string | null;
  industry: string | null;
  standard_ref: string | null;
  responsible: string | null; // 五落实: 责任
  measures: string | null; // 措施
  funds: string | null; // 资金
  rectify_due: string | null; // 时限
  emergency_plan: string | null; // 预案
  listing_no: string | null;
  status: string; // LISTED | PUBLISHED | RECTIFYING | ACCEPTED | DELISTED | PUBLISHED_CLOSED
  listed_at: string;
  published_at: string | null;
  delisted_at: string | null;
}

export interface ProgressReportTable {
  id: string;
  hazard_id: string;
  reported_at: string;
  percent: number;
  text: string;
}

export interface ExtensionTable {
  id: string;
  hazard_id: string;
  requested_due: string;
  reason: string;
  decision: string; // approved | refused
  decided_at: string;
}

export interface AcceptanceTable {
  id: string;
  hazard_id: string;
  passed: number;
  opinion: string;
  decided_at: string;
  accepted_on: string | null; // the day of the acceptance on site
  experts: string | null;
  funds_spent: string | null;
}

export interface TalkTable {
  id: string;
  subject_unit_code: string;
  reason: string;
  at: string;
  attendees: string; // JSON array
  minutes: string | null;
  follow_up_due: string | null;
  inspection_id: string | null;
  problem_id: string | null;
  created_at: string;
  held_at: string | null; // when the talk was actually held (the minutes)
  interviewee: string | null;
}

export interface RectificationTable {
  id: string;
  inspection_id: string;
  report: string;
  submitted_at: string;
}

export interface ReviewTable {
  id: string;
  rectification_id: string;
  accepted: number;
  opinion: string;
  reviewed_at: string;
}

export interface AssessmentTable {
  id: string;
  inspection_id: string;
  unit_code: string;
  score: number;
  details: string; // JSON
  created_at: string;
  /** The assessment year the result belongs to (src/domain/assessment-cutoff); null for entries from before 008. */
  year: number | null;
  /** When that year's assessment freezes. */
  cutoff_at: string | null;
  /** Set when the year froze: `score` is then the score known at the cut-off and never changes again. */
  frozen_at: string | null;
}

/** A later closure's score of a frozen assessment entry: kept beside the frozen score, never over it. */
export interface AssessmentUpdateTable {
  id: string;
  assessment_id: string;
  score: number;
  details: string; // JSON score sheet
  reason: string;
  recorded_at: string;
}

export interface DocumentTable {
  id: string;
  doc_type: string;
  issuer: string; // 文号 prefix, e.g. 峄安委办
  year: number;
  seq: number;
  doc_no: string;
  title: string;
  subject: string; // what it is about, e.g. inspection:<id>
  path: string; // relative to the archive root
  sha256: string;
  size: number;
  created_at: string;
}

export interface AnnouncementTable {
  id: string;
  kind: string;
  title: string;
  body: string;
  subject: string;
  published_at: string;
}

export interface NotificationTable {
  id: string;
  idempotency_key: string; // unique: one per event and recipient
  account_id: string;
  template: string;
  subject: string;
  body: string;
  email: string | null;
  created_at: string;
  emailed_at: string | null;
  read_at: string | null;
}

export interface SampleTable {
  month: string;
  seed: string;
  units: string; // JSON array
  created_at: string;
}

/** Results of jobs already done, keyed by their idempotency key, so that a redelivered job returns the same. */
export interface JobEffectTable {
  key: string;
  result: string; // JSON
  created_at: string;
}

/** Entered holiday arrangement: one row per date that departs from the weekly rhythm (see domain/calendar). */
export interface CalendarDayTable {
  date: string; // YYYY-MM-DD
  year: number;
  kind: 'holiday' | 'workday';
  name: string; // 春节, 春节调休上班
  source: string; // the notice, e.g. 国办发明电〔2026〕x号
  entered_by: string;
  entered_at: string;
}

/** 办理记录: the editable fields of one completed task, as entered (`fields` = JSON [{ key, label, value }]). */
export interface TaskEntryTable {
  id: string;
  task_key: string;
  form_id: string;
  task_name: string;
  process_instance_key: string | null;
  inspection_id: string | null;
  problem_id: string | null;
  hazard_id: string | null;
  talk_id: string | null;
  audience: string | null; // a unit or department code the task was offered to; null = the office and the team only
  fields: string;
  entered_by: string;
  entered_at: string;
}

export interface AuditTable {
  seq: Generated<number>;
  at: string;
  actor: string; // account login, or worker:<job type>
  action: string; // create | update | delete | <domain verb>
  entity: string; // table name
  entity_id: string;
  data: string; // JSON of what changed
}

export interface Database {
  units: UnitTable;
  people: PersonTable;
  accounts: AccountTable;
  roles: RoleTable;
  memberships: MembershipTable;
  web_sessions: WebSessionTable;
  cycles: CycleTable;
  plans: PlanTable;
  rounds: RoundTable;
  teams: TeamTable;
  team_members: TeamMemberTable;
  recusals: RecusalTable;
  inspections: InspectionTable;
  methods_used: MethodUsedTable;
  problems: ProblemTable;
  evidence: EvidenceTable;
  handovers: HandoverTable;
  hazards: HazardTable;
  progress_reports: ProgressReportTable;
  extensions: ExtensionTable;
  acceptances: AcceptanceTable;
  talks: TalkTable;
  rectifications: RectificationTable;
  reviews: ReviewTable;
  assessments: AssessmentTable;
  assessment_updates: AssessmentUpdateTable;
  documents: DocumentTable;
  announcements: AnnouncementTable;
  notifications: NotificationTable;
  samples: SampleTable;
  job_effects: JobEffectTable;
  calendar_days: CalendarDayTable;
  task_entries: TaskEntryTable;
  audit_log: AuditTable;
}
