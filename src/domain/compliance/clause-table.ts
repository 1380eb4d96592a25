/* eslint-disable @typescript-eslint/no-require-imports */
import { REGULATION, type RegulationDeadline, regulationClause } from './regulation';

/**
 * The clause table: one row per obligation-bearing element of the diagrams (user tasks with a due date, deadline
 * timers), with the clause the element cites in its documentation and whether its deadline is the regulation's or
 * practice. Generated from the BPMN text, so it follows whatever the diagrams say when read.
 */
export type DeadlineBasis = 'regulation' | 'practice';

export interface ClauseDeadline {
  /** e.g. "巡查结束后15日内" (regulation) or "10个工作日" (practice). */
  text: string;
  basis: DeadlineBasis;
}

export interface ClauseRow {
  /** The citation, e.g. "三（三）3". */
  clause: string;
  /** The regulation's wording of the obligation; for clauses outside the curated list the diagram's citation, deadlines removed. */
  obligation: string;
  processId: string;
  processName: string;
  elementId: string;
  elementName: string;
  /**
   * `awaited`: a receive task a deadline timer guards; `register`: an obligation the domain store keeps (two-year
   * coverage); `step`: a service task that keeps an obligation of the clause (提前告知, 送达, 抄送, 公告).
   */
  kind: 'userTask' | 'timer' | 'awaited' | 'register' | 'step';
  /** For `awaited`: the interrupting deadline timer on it, whose firing means the deadline was missed. */
  guardTimer?: string;
  /** The process variable holding the deadline. */
  dueVariable: string;
  deadlines: ClauseDeadline[];
  /** `regulation` when one of the deadlines is the regulation's own. */
  basis: DeadlineBasis;
  /** Practice notes from the documentation (`实践：…`). */
  practice: string[];
}

export interface BpmnFile {
  name: string;
  xml: string;
}

const CITATION = /^([一二三四五六七八九十]+（[一二三四五六七八九十]+）[0-9一二三四五六七八九十\-－]*)：(.*)$/s;
/** Deadline wording such as "10个工作日", "15日", "2个月", "两周", "1周". */
const INTERVAL = /[（(]?[^（）()；]*?(\d+|[一二两三四五六七八九十]+)\s*(个工作日|个月|日|天|周)[^（）()；]*[）)]?/g;
const RULE_TEXT: Record<string, string> = { 'calendar-days': '日', 'working-days': '个工作日', months: '个月' };

interface Segment {
  citation?: string;
  text: string;
  practice: boolean;
}

/** Splits "三（三）3：…；实践：…" into its citations. */
export function citations(doc: string): Segment[] {
  return doc.split(/[；;]/).map((s) => s.trim()).filter(Boolean).map((s) => {
    if (s.startsWith('实践：')) return { text: s.slice(3), practice: true };
    const m = CITATION.exec(s);
    if (!m) return { text: s, practice: false };
    const text = m[2]!.trim();
    if (text.startsWith('实践：')) return { citation: m[1], text: text.slice(3), practice: true };
    return { citation: m[1], text, practice: /参照|实践/.test(text) };
  });
}

/** A citation's text without deadline wording: a practice interval is never shown as clause text. */
function withoutIntervals(text: string): string {
  return text.replace(INTERVAL, (match) => (/^[（(].*[）)]$/.test(match) ? '' : match)).trim();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type El = Record<string, any> & { $type: string; id: string };

interface Moddle {
  fromXML(xml: string): Promise<{ rootElement: El }>;
}
let moddle: Moddle | undefined;
function bpmnModdle(): Moddle {
  if (!moddle) {
    // bpmn-moddle is an ES module; require keeps this loadable under tsx and jest alike
    const mod = require('bpmn-moddle') as { BpmnModdle?: new (p: object) => Moddle; default?: new (p: object) => Moddle };
    const Ctor = (mod.BpmnModdle ?? mod.default)!;
    moddle = new Ctor({ zeebe: require('zeebe-bpmn-moddle/resources/zeebe.json') as object });
  }
  return moddle;
}

const docOf = (el: El): string => (el.documentation ?? []).map((d: { text?: string }) => d.text ?? '').join('；');
/** An element's documentation without the basis of the deadline its start listener computes (see DEADLINE_BASIS). */
const ownDocOf = (el: El): string => docOf(el).split('；期限：')[0];
const extension = (el: El, type: string): El | undefined => (el.extensionElements?.values ?? []).find((v: El) => v.$type === type);
const variableOf = (expr: string | undefined): string | undefined => /^=\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(expr ?? '')?.[1];

function flowElements(container: El): El[] {
  const out: El[] = [];
  for (const el of (container.flowElements ?? []) as El[]) {
    out.push(el);
    if (el.flowElements) out.push(...flowElements(el));
  }
  return out;
}

interface Computation {
  rule: string;
  amount: number;
  doc: string;
}

/** Where an element's documentation cites the basis of the deadline its start listener computes. */
const DEADLINE_BASIS = '；期限：';

/** The yc-deadline computations of a process (tasks, or start listeners of the task they serve) by the variable they set. */
function computations(elements: El[]): Map<string, Computation[]> {
  const byVariable = new Map<string, Computation[]>();
  for (const el of elements) {
    const listener = ((extension(el, 'zeebe:ExecutionListeners')?.listeners ?? []) as El[]).some((l) => l.eventType === 'start' && l.type === 'yc-deadline');
    if (extension(el, 'zeebe:TaskDefinition')?.type !== 'yc-deadline' && !listener) continue;
    const headers = Object.fromEntries(((extension(el, 'zeebe:TaskHeaders')?.values ?? []) as El[]).map((h) => [h.key, h.value]));
    if (!headers.result || !headers.rule) continue;
    const list = byVariable.get(headers.result) ?? [];
    const doc = listener && docOf(el).includes(DEADLINE_BASIS) ? docOf(el).slice(docOf(el).indexOf(DEADLINE_BASIS) + DEADLINE_BASIS.length) : docOf(el);
    list.push({ rule: headers.rule, amount: Number(headers.amount), doc });
    byVariable.set(headers.result, list);
  }
  return byVariable;
}

/** The regulation deadline (and its clause) a computed or handed-down deadline implements, if any. */
function regulationDeadline(c: Computation | { variable: string }): { clause: string; deadline: RegulationDeadline } | undefined {
  for (const r of REGULATION) {
    for (const d of r.deadlines) {
      const matches = 'variable' in c
        ? d.variables?.includes(c.variable)
        : d.rule === c.rule && d.amount === c.amount && !!d.keyword && c.doc.includes(d.keyword) && !citations(c.doc).some((s) => s.practice);
      if (matches) return { clause: r.clause, deadline: d };
    }
  }
  return undefined;
}

/** What makes an element obligation-bearing: a due date on a user task, a deadline on a timer that is not a reminder. */
function dueOf(el: El): { kind: ClauseRow['kind']; variable: string } | undefined {
  if (el.$type === 'bpmn:UserTask') {
    const variable = variableOf(extension(el, 'zeebe:TaskSchedule')?.dueDate);
    return variable ? { kind: 'userTask', variable } : undefined;
  }
  if (el.$type !== 'bpmn:BoundaryEvent' && el.$type !== 'bpmn:IntermediateCatchEvent') return undefined;
  const timer = (el.eventDefinitions ?? []).find((d: El) => d.$type === 'bpmn:TimerEventDefinition');
  const variable = variableOf(timer?.timeDate?.body);
  if (!variable || /提醒/.test(`${el.name ?? ''}${ownDocOf(el)}`)) return undefined;
  return { kind: 'timer', variable };
}

async function processesOf(file: BpmnFile): Promise<El[]> {
  const { rootElement } = await bpmnModdle().fromXML(file.xml);
  return ((rootElement.rootElements ?? []) as El[]).filter((e) => e.$type === 'bpmn:Process');
}

/**
 * The rows of one process. A deadline computed in a calling process (the two weeks on site, set at entry) is found
 * through `everywhere`, the computations of all processes; the process's own come first.
 */
function rowsOf(process: El, everywhere: Map<string, Computation[]>): ClauseRow[] {
  const rows: ClauseRow[] = [];
  {
    const elements = flowElements(process);
    const own = computations(elements);
    for (const el of elements) {
      const step = stepOf(process, el);
      if (step) rows.push(step);
      const due = dueOf(el);
      if (!due) continue;
      const segments = citations(ownDocOf(el));
      const cited = segments.filter((s) => s.citation && !s.practice);
      const deadlines: ClauseDeadline[] = [];
      let regulationClauseOf: string | undefined;
      const sources = own.get(due.variable) ?? everywhere.get(due.variable) ?? [];
      for (const c of sources) {
        const reg = regulationDeadline(c);
        if (reg) regulationClauseOf ??= reg.clause;
        deadlines.push(reg ? { text: reg.deadline.text, basis: 'regulation' } : { text: `${c.amount}${RULE_TEXT[c.rule] ?? ''}`, basis: 'practice' });
      }
      if (!sources.length) {
        const reg = regulationDeadline({ variable: due.variable });
        if (reg) regulationClauseOf = reg.clause;
        deadlines.push(reg ? { text: reg.deadline.text, basis: 'regulation' } : { text: '由上级流程设定', basis: 'practice' });
      }
      const clause = regulationClauseOf ?? cited[0]?.citation ?? segments.find((s) => s.citation)?.citation ?? '未注明';
      const curated = regulationClause(clause);
      const ownCitation = segments.find((s) => s.citation === clause && !s.practice);
      const row: ClauseRow = {
        clause,
        obligation: curated?.obligation ?? withoutIntervals(ownCitation?.text ?? cited[0]?.text ?? ''),
        processId: process.id,
        processName: process.name ?? process.id,
        elementId: el.id,
        elementName: el.name ?? el.id,
        kind: due.kind,
        dueVariable: due.variable,
        deadlines: dedupe(deadlines),
        basis: deadlines.some((d) => d.basis === 'regulation') ? 'regulation' : 'practice',
        practice: segments.filter((s) => s.practice).map((s) => s.text),
      };
      rows.push(row);
      // A report awaited by a receive task is kept or not by its arrival before the deadline timer on it fires
      // (interrupting or not: the report stays receivable after the deadline): the awaited element gets a row of
      // its own, guarded by the timer.
      const awaited = el.$type === 'bpmn:BoundaryEvent' && el.attachedToRef?.$type === 'bpmn:ReceiveTask' ? el.attachedToRef as El : undefined;
      if (awaited) rows.push({ ...row, elementId: awaited.id, elementName: awaited.name ?? awaited.id, kind: 'awaited', guardTimer: el.id });
    }
  }
  return rows;
}

/** The regulation sets no deadline for these steps; the process does them when it reaches them. */
export const STEP_DEADLINE: ClauseDeadline = { text: '流程到达后1日内', basis: 'practice' };
/** How long a reached step may take before it counts as overdue (a job failing into an incident, say). */
export const STEP_GRACE_MS = 24 * 3600_000;

/** A service task citing a clause with one of the clause's step words (三（三）6：抄送…) keeps that obligation. */
function stepOf(process: El, el: El): ClauseRow | undefined {
  if (el.$type !== 'bpmn:ServiceTask' && el.$type !== 'bpmn:SendTask') return undefined;
  const segments = citations(docOf(el));
  for (const s of segments) {
    if (!s.citation || s.practice) continue;
    const curated = regulationClause(s.citation);
    if (!curated?.steps?.some((w) => s.text.includes(w) || (el.name ?? '').includes(w))) continue;
    return {
      clause: s.citation, obligation: curated.obligation, processId: process.id, processName: process.name ?? process.id,
      elementId: el.id, elementName: el.name ?? el.id, kind: 'step', dueVariable: '', deadlines: [STEP_DEADLINE], basis: 'practice',
      practice: segments.filter((x) => x.practice).map((x) => x.text),
    };
  }
  return undefined;
}

function dedupe(deadlines: ClauseDeadline[]): ClauseDeadline[] {
  const seen = new Set<string>();
  return deadlines.filter((d) => !seen.has(`${d.basis}:${d.text}`) && !!seen.add(`${d.basis}:${d.text}`));
}

/** The clause table of a set of diagrams, ordered by clause as the regulation is, then process and element. */
export async function clauseTable(files: BpmnFile[]): Promise<ClauseRow[]> {
  const processes = (await Promise.all(files.filter((f) => f.name.endsWith('.bpmn')).map(processesOf))).flat();
  const everywhere = computations(processes.flatMap(flowElements));
  const rows = processes.flatMap((p) => rowsOf(p, everywhere));
  return rows.sort((a, b) => clauseOrder(a.clause) - clauseOrder(b.clause) || a.clause.localeCompare(b.clause) || a.processId.localeCompare(b.processId) || a.elementId.localeCompare(b.elementId));
}

const NUMERALS = '一二三四五六七八九十';
/** Sort key of a citation: section, subsection, item. */
function clauseOrder(citation: string): number {
  const m = /^([一二三四五六七八九十])（([一二三四五六七八九十])）(\d*)/.exec(citation);
  if (!m) return Number.MAX_SAFE_INTEGER;
  return (NUMERALS.indexOf(m[1]!) + 1) * 10_000 + (NUMERALS.indexOf(m[2]!) + 1) * 100 + Number(m[3] || 0);
}
