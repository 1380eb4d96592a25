import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type ClauseRow, clauseTable, STEP_GRACE_MS } from '../../domain/compliance/clause-table';
import { type Figures, monthOf, type Occurrence, sum, tally } from '../../domain/compliance/figures';
import { regulationClause } from '../../domain/compliance/regulation';
import { type ElementInstance, type SearchPage, type Searches, type Variable } from '../../camunda/search';
import { type CoverageStatus } from '../../db/coverage-status';

/**
 * The figures of the clause table, read by the compliance page of the web app and the quarterly report worker alike.
 * What they are read from: the engine's searches and the domain store's units and coverage.
 */
export interface ComplianceStore {
  units(): Promise<Array<{ code: string; name: string }>>;
  coverage(asOf: Date): Promise<CoverageStatus[]>;
}

/** A clause-table row with its figures; timer rows count how often the deadline was reached instead. */
export interface ComplianceRow extends ClauseRow {
  key: string;
  figures: Figures;
  timer?: { waiting: number; fired: number };
}

export interface Compliance {
  asOf: string;
  rows: ComplianceRow[];
  occurrences: Occurrence[];
  byMonth: Array<{ month: string } & Figures>;
  byUnit: Array<{ unitCode: string; unitName: string } & Figures>;
  unitNames: Map<string, string>;
}

export const COVERAGE_ROW_KEY = 'register/two-year-coverage';
const PAGE = 1000;

const jsonString = (value: string): string | undefined => {
  try {
    const v: unknown = JSON.parse(value);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
};

/**
 * One occurrence per process instance awaiting a report: the deadline is missed when the guarding timer fired
 * before the first report arrived (late once it arrives, overdue until then, due when the timer fired), else the
 * report is measured against the deadline variable. Attempts ended by cancelling the instance, with no timer fired,
 * count for nothing.
 */
export function awaitedOccurrences(row: ClauseRow, key: string, attempts: ElementInstance[], dues: Variable[], fired: ElementInstance[], unitOf: Map<string, string>): Occurrence[] {
  const dueOf = new Map(dues.filter((v) => v.processInstanceKey && (!v.scopeKey || v.scopeKey === v.processInstanceKey)).map((v) => [v.processInstanceKey!, jsonString(v.value)]));
  const byInstance = new Map<string, ElementInstance[]>();
  for (const a of attempts) if (a.processInstanceKey) byInstance.set(a.processInstanceKey, [...(byInstance.get(a.processInstanceKey) ?? []), a]);
  const out: Occurrence[] = [];
  for (const [instance, list] of byInstance) {
    const done = list.filter((a) => a.state === 'COMPLETED' && a.endDate).map((a) => a.endDate!).sort()[0];
    const active = list.some((a) => a.state === 'ACTIVE');
    const missedAt = fired.filter((t) => t.processInstanceKey === instance && t.startDate && (!done || t.startDate < done)).map((t) => t.startDate!).sort()[0];
    const due = missedAt ?? dueOf.get(instance);
    if (!due || (!done && !active && !missedAt)) continue;
    out.push({ row: key, processInstanceKey: instance, title: row.elementName, unitCode: unitOf.get(instance), dueAt: due, doneAt: done && (!missedAt || done > missedAt) ? done : undefined });
  }
  return out;
}

/**
 * One occurrence per time a process reached a step (a notice, a copy, a publication): due a day after it was
 * reached, kept when the step completed. A step terminated with its instance counts for nothing.
 */
export function stepOccurrences(row: ClauseRow, key: string, instances: ElementInstance[], unitOf: Map<string, string>): Occurrence[] {
  return instances.filter((e) => e.startDate && (e.state === 'ACTIVE' || e.state === 'COMPLETED')).map((e) => ({
    row: key, processInstanceKey: e.processInstanceKey, title: row.elementName, unitCode: e.processInstanceKey ? unitOf.get(e.processInstanceKey) : undefined,
    dueAt: new Date(Date.parse(e.startDate!) + STEP_GRACE_MS).toISOString(), doneAt: e.state === 'COMPLETED' ? e.endDate : undefined,
  }));
}

/** Every item of a search, page by page: `search` asks for one page. */
export async function searchAll<T>(search: (page: { from: number; limit: number }) => Promise<SearchPage<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let from = 0; ; from += PAGE) {
    const page = await search({ from, limit: PAGE });
    items.push(...page.items);
    if (page.items.length < PAGE || items.length >= page.page.totalItems) return items;
  }
}

let cached: { stamp: string; table: ClauseRow[] } | undefined;

/**
 * The clause table of the diagrams as they are now in `dir` (they change while the system runs); parsed again only
 * when a file was added, removed or written since the last request, since parsing them all takes ~100 ms.
 */
export async function currentClauseTable(dir: string): Promise<ClauseRow[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.bpmn')).sort();
  const stats = await Promise.all(names.map((name) => stat(join(dir, name))));
  const stamp = JSON.stringify([dir, names.map((name, i) => [name, stats[i]!.mtimeMs, stats[i]!.size])]);
  if (cached?.stamp === stamp) return cached.table;
  const table = await clauseTable(await Promise.all(names.map(async (name) => ({ name, xml: await readFile(join(dir, name), 'utf8') }))));
  cached = { stamp, table };
  return table;
}

const coverageRow = (): ClauseRow => ({
  clause: '一（二）',
  obligation: regulationClause('一（二）')!.obligation,
  processId: 'register',
  processName: '巡查覆盖台账',
  elementId: 'two-year-coverage',
  elementName: '每两年全部巡查一遍',
  kind: 'register',
  dueVariable: '',
  deadlines: [{ text: '每两年全部巡查一遍', basis: 'regulation' }],
  basis: 'regulation',
  practice: [],
});

/**
 * The clause table with live figures: user tasks from the engine's search grouped by element, deadline timers by
 * their element instances, two-year coverage from the domain store; units from each instance's `unitCode`.
 */
export async function collectCompliance(deps: { camunda: Searches; store: ComplianceStore; processesDir: string; now: Date }): Promise<Compliance> {
  const { camunda, store, now } = deps;
  const table = [coverageRow(), ...(await currentClauseTable(deps.processesDir))];
  const keyOf = (processId: string, elementId: string) => `${processId}/${elementId}`;
  const byKey = new Map(table.map((r) => [keyOf(r.processId, r.elementId), r]));
  const timerIds = [...new Set(table.filter((r) => r.kind === 'timer').map((r) => r.elementId))];
  const awaitedRows = table.filter((r) => r.kind === 'awaited');
  const stepRows = table.filter((r) => r.kind === 'step');

  const [tasks, unitVars, timers, units, coverage] = await Promise.all([
    searchAll((page) => camunda.searchUserTasks({ sort: [{ field: 'creationDate', order: 'ASC' }], page })),
    searchAll((page) => camunda.searchVariables({ filter: { name: 'unitCode' }, page })),
    Promise.all(timerIds.map((elementId) => searchAll((page) => camunda.searchElementInstances({ filter: { elementId }, page })))).then((l) => l.flat()),
    store.units(),
    store.coverage(now),
  ]);
  const awaited = await Promise.all(awaitedRows.map(async (row) => ({
    row,
    attempts: await searchAll((page) => camunda.searchElementInstances({ filter: { elementId: row.elementId, processDefinitionId: row.processId }, page })),
    dues: await searchAll((page) => camunda.searchVariables({ filter: { name: row.dueVariable }, page })),
  })));
  const steps = await Promise.all(stepRows.map(async (row) => ({
    row, instances: await searchAll((page) => camunda.searchElementInstances({ filter: { elementId: row.elementId, processDefinitionId: row.processId }, page })),
  })));
  const unitOf = new Map<string, string>();
  for (const v of unitVars) {
    if (!v.processInstanceKey) continue;
    try {
      const code: unknown = JSON.parse(v.value);
      if (typeof code === 'string' && (!unitOf.has(v.processInstanceKey) || v.scopeKey === v.processInstanceKey)) unitOf.set(v.processInstanceKey, code);
    } catch {
      // a truncated or malformed value names no unit
    }
  }

  const occurrences: Occurrence[] = [];
  for (const t of tasks) {
    const row = keyOf(t.processDefinitionId ?? '', t.elementId ?? '');
    if (!byKey.has(row) || !t.dueDate || (t.state !== 'CREATED' && t.state !== 'COMPLETED')) continue;
    occurrences.push({
      row, processInstanceKey: t.processInstanceKey, userTaskKey: t.userTaskKey, title: t.name ?? t.elementId ?? '',
      unitCode: t.processInstanceKey ? unitOf.get(t.processInstanceKey) : undefined, dueAt: t.dueDate,
      doneAt: t.state === 'COMPLETED' ? t.completionDate : undefined,
    });
  }
  for (const a of awaited) {
    occurrences.push(...awaitedOccurrences(a.row, keyOf(a.row.processId, a.row.elementId), a.attempts, a.dues,
      timers.filter((t) => t.elementId === a.row.guardTimer && t.processDefinitionId === a.row.processId && t.state === 'COMPLETED'), unitOf));
  }
  for (const s of steps) occurrences.push(...stepOccurrences(s.row, keyOf(s.row.processId, s.row.elementId), s.instances, unitOf));
  for (const c of coverage) {
    occurrences.push({
      row: COVERAGE_ROW_KEY, title: c.unitName, unitCode: c.unitCode, dueAt: c.dueBy,
      doneAt: c.color === 'green' ? (c.lastInspectedAt ?? undefined) : undefined,
    });
  }

  const timerCounts = new Map<string, { waiting: number; fired: number }>();
  for (const e of timers) {
    const row = keyOf(e.processDefinitionId ?? '', e.elementId);
    if (!byKey.has(row)) continue;
    const c = timerCounts.get(row) ?? { waiting: 0, fired: 0 };
    if (e.state === 'ACTIVE') c.waiting += 1;
    else if (e.state === 'COMPLETED') c.fired += 1;
    timerCounts.set(row, c);
  }

  const perRow = tally(occurrences, now, (o) => o.row);
  const unitNames = new Map(units.map((u) => [u.code, u.name]));
  const rows = table.map((r) => {
    const key = keyOf(r.processId, r.elementId);
    return { ...r, key, figures: sum(perRow.has(key) ? [perRow.get(key)!] : []), ...(r.kind === 'timer' ? { timer: timerCounts.get(key) ?? { waiting: 0, fired: 0 } } : {}) };
  });
  return {
    asOf: now.toISOString(),
    rows,
    occurrences,
    byMonth: [...tally(occurrences, now, (o) => monthOf(o.dueAt))].map(([month, f]) => ({ month, ...f })),
    byUnit: [...tally(occurrences.filter((o) => o.unitCode), now, (o) => o.unitCode!)].map(([unitCode, f]) => ({ unitCode, unitName: unitNames.get(unitCode) ?? unitCode, ...f })),
    unitNames,
  };
}
