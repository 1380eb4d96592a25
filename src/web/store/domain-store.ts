import { readdir, readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { type Account } from '../../db/accounts';
import { audit } from '../../db/audit';
import { createContentStore } from '../../db/content-store';
import { effectOf, recordEffect } from '../../db/effects';
import { addEvidence } from '../../db/evidence';
import { checkEvidenceChain } from '../../db/evidence-check';
import { personChoices, type PersonChoice, unitChoices, type UnitChoice } from '../../db/form-options';
import { type Db } from '../../db/connect';
import { inboxPage, markAllRead, markRead, unreadCount } from '../../db/notifications';
import { kindLabelOf, templatesOf } from '../inbox-kinds';
import { coverageStatus } from '../../db/coverage-status';
import { calendarYear, loadWorkCalendar, removeCalendarYear, replaceCalendarYear } from '../../db/calendar';
import { listUnits } from '../../db/organisation';
import { complaintHeading, problemHeading } from '../../db/record-labels';
import { planProposal } from '../../db/plan-assistant';
import { assessmentRegister, assessmentYears } from '../../db/assessment-register';
import { listRecusals, recordRecusal, withdrawRecusal } from '../../db/recusals';
import { createSession, endSession, resolveSession } from '../../db/sessions';
import { recordTaskEntry, taskEntries } from '../../db/task-entries';
import { PASSWORD_POLICY, type PasswordPolicy } from '../../domain/password-policy';
import * as q from '../../db/web-queries';
import { CATEGORIES } from '../../domain/problems';
import { runningCycle } from '../../domain/coverage';
import { trafficLight } from '../../domain/escalation';
import { isRole, type Principal } from '../auth/roles';
import { formatDate, formatTime } from '../views/format';
import { DOCUMENT_TYPE_LABELS, EVIDENCE_KIND_LABELS, labelOf, ROUTE_LABELS, STATE_LABELS } from './labels';
import { adminStore } from './admin-store';
import { type DeliveredMessage, type EvidenceScope, type RecordScope, type ReferenceList, type ReferenceOption, type RegisterColumn, type RegisterName, type WebStore } from './port';

/** Columns shown per register, in order, with Chinese headings. */
const COLUMNS: Record<RegisterName, RegisterColumn[]> = {
  inspections: [{ key: 'unitName', label: '被巡查单位' }, { key: 'round', label: '轮次' }, { key: 'teamName', label: '巡查组' }, { key: 'status', label: '状态' }, { key: 'openedAt', label: '开始', kind: 'datetime' }, { key: 'reportDue', label: '报告期限', kind: 'datetime' }, { key: 'rectificationDue', label: '整改期限', kind: 'datetime' }, { key: 'closedAt', label: '办结', kind: 'datetime' }],
  problems: [{ key: 'no', label: '序号' }, { key: 'unitName', label: '单位' }, { key: 'category', label: '类别' }, { key: 'severity', label: '严重程度' }, { key: 'description', label: '问题' }, { key: 'route', label: '处置方式' }, { key: 'departmentName', label: '承办部门' }, { key: 'status', label: '状态' }, { key: 'due', label: '期限', kind: 'datetime' }],
  handovers: [{ key: 'handoverNo', label: '移交文号' }, { key: 'description', label: '问题' }, { key: 'departmentName', label: '承办部门' }, { key: 'status', label: '状态' }, { key: 'sentAt', label: '移交时间', kind: 'datetime' }, { key: 'receiptSigner', label: '签收人' }, { key: 'refusalReason', label: '退回理由' }, { key: 'resultDue', label: '办理期限', kind: 'datetime' }, { key: 'resultAt', label: '反馈时间', kind: 'datetime' }, { key: 'resultText', label: '办理结果' }, { key: 'resultMeasures', label: '处理措施' }],
  hazards: [{ key: 'listingNo', label: '督办编号' }, { key: 'name', label: '隐患' }, { key: 'unitName', label: '单位' }, { key: 'status', label: '状态' }, { key: 'rectifyDue', label: '整改期限', kind: 'datetime' }, { key: 'listedAt', label: '挂牌时间', kind: 'datetime' }, { key: 'delistedAt', label: '销号时间', kind: 'datetime' }],
  rectifications: [{ key: 'unitName', label: '单位' }, { key: 'report', label: '整改情况' }, { key: 'submittedAt', label: '报送时间', kind: 'datetime' }, { key: 'rectificationDue', label: '整改期限', kind: 'datetime' }],
  talks: [{ key: 'unitName', label: '约谈对象' }, { key: 'reason', label: '事由' }, { key: 'at', label: '时间', kind: 'datetime' }, { key: 'followUpDue', label: '跟踪期限', kind: 'datetime' }],
  documents: [{ key: 'docNo', label: '文号' }, { key: 'title', label: '标题' }, { key: 'docType', label: '类型' }, { key: 'createdAt', label: '日期', kind: 'datetime' }],
  entries: [{ key: 'enteredAt', label: '办理时间', kind: 'datetime' }, { key: 'taskName', label: '任务' }, { key: 'unitName', label: '被巡查单位' }, { key: 'enteredBy', label: '办理人' }, { key: 'content', label: '填报内容' }],
  evidence: [{ key: 'fileName', label: '文件' }, { key: 'kind', label: '类型' }, { key: 'unitName', label: '被巡查单位' }, { key: 'capturedBy', label: '采集人' }, { key: 'capturedAt', label: '采集时间', kind: 'datetime' }, { key: 'sha256', label: '校验值' }],
};

const QUERIES: Record<RegisterName, (db: Db, scope: RecordScope, query: q.RegisterQuery) => Promise<q.RegisterResult>> = {
  inspections: q.inspectionRegister,
  problems: q.problemRegister,
  handovers: q.handoverRegister,
  hazards: q.hazardRegister,
  rectifications: q.rectificationRegister,
  talks: q.talkRegister,
  documents: q.documentRegisterFor,
  evidence: (db, scope, query) => q.evidenceRegister(db, scope.evidence, query),
  entries: entryRegister,
};

type RegisterRow = Record<string, string | number | null>;

/** 办理记录 as a register: one row per completed task, its fields as 「标签：内容」. */
async function entryRegister(db: Db, scope: RecordScope, query: q.RegisterQuery): Promise<q.RegisterResult> {
  const codes = scope.all ? [] : [...scope.unitCodes, ...scope.departmentCodes];
  const { rows, total } = await taskEntries(db, { all: scope.all, codes, evidence: scope.evidence }, query);
  const [units, names] = await Promise.all([
    q.inspectionUnitNames(db, rows.map((r) => r.inspectionId).filter((id): id is string => !!id)),
    q.displayNames(db, rows.map((r) => r.enteredBy)),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id, enteredAt: r.enteredAt, taskName: r.taskName, unitName: (r.inspectionId && units.get(r.inspectionId)) || '', enteredBy: names.get(r.enteredBy) ?? r.enteredBy,
      content: r.fields.map((f) => `${f.label}：${(f as { text?: string }).text ?? String(f.value ?? '')}`).join('；'), processInstanceKey: r.processInstanceKey,
    })),
  };
}

const OPEN_KINDS = { inspection: '巡查整改', problem: '问题', hazard: '挂牌督办隐患' } as const;

/**
 * A register row as a reader sees it: states, routes, categories, document types and evidence kinds in Chinese, the
 * round by plan year and number, people by name. Ids stay in the row (for links) but no column shows them.
 */
function readable(name: RegisterName, row: RegisterRow): RegisterRow {
  const out: RegisterRow = { ...row };
  if ('status' in row) out.status = labelOf(STATE_LABELS, row.status);
  if ('route' in row) out.route = labelOf(ROUTE_LABELS, row.route);
  if (name === 'inspections') out.round = row.roundNo ? `${row.planYear}年第${row.roundNo}轮` : '不定期巡查';
  if (name === 'problems' && typeof row.category === 'string') out.category = `${row.category} ${CATEGORIES[row.category as keyof typeof CATEGORIES] ?? ''}`.trim();
  if (name === 'documents') out.docType = labelOf(DOCUMENT_TYPE_LABELS, row.docType, '公文');
  if (name === 'evidence') {
    out.kind = labelOf(EVIDENCE_KIND_LABELS, row.kind);
    out.capturedBy = row.capturedByName ?? (String(row.capturedBy).startsWith('worker:') ? '系统' : row.capturedBy);
  }
  return out;
}

const toAttachment = (r: { id: string; file_name: string; kind: string; media_type: string; size: number; captured_by: string; captured_at: string }) => ({
  id: r.id, fileName: r.file_name, kind: r.kind, mediaType: r.media_type, size: r.size, capturedBy: r.captured_by, capturedAt: r.captured_at,
});

function kindOf(mediaType: string): 'photo' | 'audio' | 'video' | 'scan' | 'document' {
  if (mediaType.startsWith('image/')) return 'photo';
  if (mediaType.startsWith('audio/')) return 'audio';
  if (mediaType.startsWith('video/')) return 'video';
  return mediaType === 'application/pdf' ? 'scan' : 'document';
}

/** Problems by 序号 and the start of their description; 来信来电 by channel and date, never by who complained (四(三)). */
async function recordLabel(db: Db, kind: 'problem' | 'complaint', id: string): Promise<string | undefined> {
  if (kind === 'problem') {
    const p = await problemHeading(db, id);
    if (!p) return undefined;
    const text = [...p.description];
    return `第${p.no}项：${text.length > 24 ? `${text.slice(0, 24).join('')}…` : p.description}`;
  }
  const c = await complaintHeading(db, id);
  if (!c) return undefined;
  // workers/record.ts notes a complaint as 来信来电（channel）：content
  const channel = /^来信来电（(.+?)）/.exec(c.note ?? '')?.[1];
  return `${formatDate(c.recordedAt)}受理的来信来电${channel && channel !== '未注明' ? `（${channel}）` : ''}`;
}

/** 全称（简称）: form-js searches the label, so typing either name finds the unit. */
const unitLabel = (u: UnitChoice) => (u.shortName ? `${u.name}（${u.shortName}）` : u.name);
const personLabel = (p: PersonChoice) => [p.name, p.unitName, p.rank ?? p.post].join(' · ');

/** Reference lists as form options: units by name, people by name, unit and rank, evidence by file and time. */
async function referenceOptions(db: Db, list: ReferenceList, about: { inspectionId?: string; problemId?: string }, scope: EvidenceScope): Promise<ReferenceOption[]> {
  switch (list) {
    case 'units':
      return (await unitChoices(db, ['town', 'subdistrict', 'member', 'zone'])).map((u) => ({ label: unitLabel(u), value: u.code }));
    case 'memberUnits':
      return (await unitChoices(db, ['member'])).map((u) => ({ label: unitLabel(u), value: u.code }));
    case 'enterprises':
      return (await unitChoices(db, ['enterprise'])).map((u) => ({ label: u.parentName ? `${u.name}（${u.parentName}）` : u.name, value: u.code }));
    case 'people':
    case 'inspectors':
    case 'experts': {
      const people = await personChoices(db, list === 'people' ? {} : { expert: list === 'experts' });
      return people.map((p) => ({ label: personLabel(p), value: p.id }));
    }
    case 'evidence':
      if (!about.inspectionId && !about.problemId) return [];
      // of the inspection, else of the problem, as far as the user may see them
      return (await q.evidenceAbout(db, scope, about.inspectionId ? { inspectionId: about.inspectionId } : about))
        .map((e) => ({ label: `${e.file_name}（${formatTime(e.captured_at)}）`, value: e.id }));
  }
}

export function principalOf(account: Account, teams: Principal['teams'] = []): Principal {
  const roles = [...new Set(account.roles.map((r) => r.role).filter(isRole))];
  const scoped = (role: string) => account.roles.filter((r) => r.role === role && r.unitCode).map((r) => r.unitCode!);
  return {
    accountId: account.id, username: account.login, displayName: account.displayName, roles, unitCodes: scoped('unit'),
    departmentCodes: scoped('department'), teams, ...(account.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}

export interface DomainStoreOptions {
  /** Root of the document archive (documents.path is relative to it). */
  archiveDir: string;
  /** Start of the first two-year inspection cycle when the cycles table has none (the seed's date of issue). */
  firstCycleStart?: string;
  /** The engine's time, for the dates the store writes (audit, evidence, read marks). */
  now: () => Date;
  /** Passwords users and administrators set (production also refuses the published demo password). */
  passwordPolicy?: PasswordPolicy;
}

/** The web app's store port on the domain database (src/db). */
export function domainStore(db: Db, options: DomainStoreOptions): WebStore {
  const { now } = options;
  const archive = resolve(options.archiveDir);
  const content = createContentStore(archive);
  const actor = (name: string | null) => ({ name: name ?? 'anonymous', at: now().toISOString() });
  return {
    admin: adminStore(db, now, options.passwordPolicy ?? PASSWORD_POLICY),
    // sessions live in technical time (the wall clock), like their cookies
    async createSession(accountId, expiresAt) {
      const at = new Date();
      const s = await createSession(db, accountId, at, expiresAt.getTime() - at.getTime());
      return { id: s.token, accountId, expiresAt: new Date(s.expiresAt) };
    },
    async sessionUser(id) {
      const account = await resolveSession(db, id, new Date());
      return account ? principalOf(account, await q.teamsOfPerson(db, account.personId)) : null;
    },
    deleteSession: (id) => endSession(db, id),
    audit: (e) => audit(db, actor(e.actor), e.action, 'web', e.target ?? '', { outcome: e.outcome ?? 'ok', ip: e.ip, ...e.detail }),
    async recordTaskEntry(login, e) {
      await db.transaction().execute((trx) => recordTaskEntry(trx, actor(login), e));
    },
    async notifications(accountId, query) {
      const page = await inboxPage(db, accountId, { state: query.state, templates: query.kind ? templatesOf(query.kind) : undefined, limit: query.limit, offset: query.offset });
      return { items: page.items.map((i) => ({ id: i.id, kind: kindLabelOf(i.template), title: i.subject, body: i.body, createdAt: i.createdAt, readAt: i.readAt })), total: page.total };
    },
    markAllRead: (accountId) => markAllRead(db, accountId, now().toISOString()),
    unreadCount: (accountId) => unreadCount(db, accountId),
    markRead: (accountId, id) => markRead(db, accountId, id, now().toISOString()),
    async register(name, scope, query) {
      const result = await QUERIES[name](db, scope, query);
      const rows = result.rows.map((r) => readable(name, r));
      return { columns: COLUMNS[name], rows, total: result.total };
    },
    async document(id, scope) {
      const doc = await q.documentFor(db, scope, id);
      if (!doc) return null;
      const file = resolve(join(archive, doc.path));
      if (!file.startsWith(archive + sep)) return null; // never outside the archive
      const content = await readFile(file).catch(() => undefined);
      if (!content) return null;
      return { fileName: `${doc.docNo} ${doc.title}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content };
    },
    publicNotices: () => q.publishedAnnouncements(db),
    async units() {
      return (await listUnits(db, ['town', 'subdistrict', 'member', 'zone'])).map((u) => ({ code: u.code, name: u.name, kind: u.kind }));
    },
    coverage: (asOf) => coverageStatus(db, asOf, options.firstCycleStart ?? '2021-11-12'),
    async overdue(asOf) {
      const rows = await q.openDeadlines(db);
      return rows.map((r) => ({ ...r, color: trafficLight(asOf, new Date(r.dueAt)) })).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    },
    problemCounts: () => q.problemCountsBy(db),
    async attachments(about, scope) {
      if (!about.inspectionId && !about.problemId) return [];
      return (await q.evidenceAbout(db, scope, about)).map(toAttachment);
    },
    async addAttachment(a) {
      const at = now().toISOString();
      const record = await addEvidence(db, content, actor(a.capturedBy), {
        content: { path: a.path }, kind: kindOf(a.mediaType), fileName: a.fileName, mediaType: a.mediaType, capturedBy: a.capturedBy,
        capturedAt: at, inspectionId: a.inspectionId, problemId: a.problemId, audience: a.audience,
      });
      return toAttachment(record);
    },
    inspectionTeams: (ids) => q.inspectionTeams(db, ids),
    teamNames: (ids) => q.teamNames(db, ids),
    departmentItems: (codes) => q.departmentItems(db, codes),
    async openItems(scope) {
      return (await q.openItems(db, scope)).map((i) => ({
        kind: OPEN_KINDS[i.kind], title: i.title, unitName: i.unitName, due: i.due,
        status: [labelOf(STATE_LABELS, i.status), i.route && i.status === 'disposing' ? labelOf(ROUTE_LABELS, i.route) : null, i.departmentName ? `承办：${i.departmentName}` : null].filter(Boolean).join('，'),
      }));
    },
    displayNames: (logins) => q.displayNames(db, logins),
    recordLabel: (kind, id) => recordLabel(db, kind, id),
    reportableSubjects: (kind, scope) => q.reportableSubjects(db, kind, scope),
    deliveredMessage: (messageId) => effectOf<DeliveredMessage>(db, `web-message:${messageId}`),
    recordDeliveredMessage: (messageId, delivered) => recordEffect(db, `web-message:${messageId}`, delivered.at, delivered),
    referenceOptions: (list, about, scope) => referenceOptions(db, list, about, scope),
    async planProposal({ year, cycleStart, planId, today }) {
      const start = cycleStart ?? (await q.cycleContaining(db, `${year}-01-01`))?.start
        ?? runningCycle(options.firstCycleStart ?? '2021-11-12', `${year}-01-01`).start;
      return planProposal(db, { year, cycleStart: start, today, planId });
    },
    assessmentYears: () => assessmentYears(db),
    assessmentRegister: (year) => assessmentRegister(db, year),
    async attachment(id, scope) {
      const row = await q.evidenceFor(db, scope, id);
      if (!row) return null;
      // the archive names the file by its hash plus an extension chosen from the media type
      const folder = join('evidence', row.sha256.slice(0, 2));
      const name = (await readdir(join(archive, folder)).catch(() => [] as string[])).find((f) => f.startsWith(row.sha256));
      const file = name ? await content.read(join(folder, name)).catch(() => undefined) : undefined;
      return file ? { fileName: row.fileName, mediaType: row.mediaType, content: file } : null;
    },
    checkEvidence: () => checkEvidenceChain(db, content, now()),
    async calendarYear(year) {
      const [calendar, entered] = await Promise.all([loadWorkCalendar(db), calendarYear(db, year)]);
      return { year, coverage: calendar.coverage(year), days: calendar.specialDays(year), entered };
    },
    async enterCalendarYear(login, year, days, source) {
      if (days.length) await replaceCalendarYear(db, actor(login), year, days, source);
      else await removeCalendarYear(db, actor(login), year);
    },
    async recusals() {
      const [list, people, units] = await Promise.all([listRecusals(db), db.selectFrom('people').select(['id', 'name']).execute(), listUnits(db)]);
      const personName = new Map(people.map((p) => [p.id, p.name]));
      const unitName = new Map(units.map((u) => [u.code, u.name]));
      return list.map((r) => ({ ...r, personName: personName.get(r.personId) ?? r.personId, unitName: unitName.get(r.unitCode) ?? r.unitCode }));
    },
    async recordRecusal(login, r) {
      await recordRecusal(db, actor(login), r);
    },
    withdrawRecusal: (login, personId, unitCode) => withdrawRecusal(db, actor(login), personId, unitCode),
  };
}
