/**
 * How each obligation is kept: every occurrence (a user task with a due date, a deadline timer, a unit's coverage)
 * is on time, late, open or overdue as of a given instant.
 */
export type Status = 'onTime' | 'late' | 'open' | 'overdue';

export const STATUS_LABEL: Record<Status, string> = { onTime: '按期完成', late: '逾期完成', open: '未到期', overdue: '逾期未办' };

export interface Occurrence {
  /** The clause-table row: `${processId}/${elementId}`. */
  row: string;
  processInstanceKey?: string;
  userTaskKey?: string;
  title: string;
  unitCode?: string;
  /** ISO instant the obligation falls due. */
  dueAt: string;
  /** ISO instant it was met; absent while open. */
  doneAt?: string;
}

export interface Figures {
  due: number;
  onTime: number;
  late: number;
  open: number;
  overdue: number;
}

export const emptyFigures = (): Figures => ({ due: 0, onTime: 0, late: 0, open: 0, overdue: 0 });

export function statusOf(o: Pick<Occurrence, 'dueAt' | 'doneAt'>, now: Date): Status {
  const due = Date.parse(o.dueAt);
  if (o.doneAt) return Date.parse(o.doneAt) <= due ? 'onTime' : 'late';
  return now.getTime() > due ? 'overdue' : 'open';
}

/** The month an occurrence falls due in, China Standard Time: "2026-11". */
export function monthOf(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 7);
}

/** Figures of occurrences grouped by `key`, in key order. */
export function tally(occurrences: Occurrence[], now: Date, key: (o: Occurrence) => string): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const o of occurrences) {
    const k = key(o);
    const f = out.get(k) ?? emptyFigures();
    f.due += 1;
    f[statusOf(o, now)] += 1;
    out.set(k, f);
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

export function sum(figures: Iterable<Figures>): Figures {
  const total = emptyFigures();
  for (const f of figures) for (const k of Object.keys(total) as Array<keyof Figures>) total[k] += f[k];
  return total;
}
