import { addDays, chinaDate, parseDate, type DateOnly } from './calendar';

/**
 * The district's assessment cut-off (三（三）6): each year's results enter the performance assessment with what is
 * known at the cut-off; closures after it are recorded as updates of that year's entry. The cut-off is a day; the
 * assessment freezes at the end of it (midnight in China).
 *
 * Configured as a comma-separated list: `MM-DD` is the cut-off of every year, `YYYY-MM-DD` the cut-off of one year
 * (e.g. `12-20,2027-12-10`). Without a default for every year, 31 December is used.
 */
export interface CutoffRule {
  everyYear: string; // MM-DD
  byYear: ReadonlyMap<number, DateOnly>;
}

export const DEFAULT_CUTOFF = '12-31';

export class CutoffError extends Error {}

export function parseCutoffs(text: string): CutoffRule {
  let everyYear = DEFAULT_CUTOFF;
  const byYear = new Map<number, DateOnly>();
  for (const entry of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (/^\d{2}-\d{2}$/.test(entry)) {
      // a day every year has (29 February would skip three years out of four)
      if (!isDate(`2027-${entry}`)) throw new CutoffError(`无效的考核截止日：${entry}`);
      everyYear = entry;
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(entry) && isDate(entry)) {
      const year = Number(entry.slice(0, 4));
      if (byYear.has(year)) throw new CutoffError(`${year}年的考核截止日重复`);
      byYear.set(year, entry);
    } else {
      throw new CutoffError(`无效的考核截止日：${entry}（应为 MM-DD 或 YYYY-MM-DD）`);
    }
  }
  return { everyYear, byYear };
}

function isDate(value: string): boolean {
  try {
    parseDate(value);
    return true;
  } catch {
    return false;
  }
}

/** The cut-off day of a year's assessment. */
export function cutoffDay(rule: CutoffRule, year: number): DateOnly {
  return rule.byYear.get(year) ?? `${year}-${rule.everyYear}`;
}

/** The instant the year's assessment freezes: the end of its cut-off day in China (ISO with +08:00). */
export function cutoffInstant(rule: CutoffRule, year: number): string {
  return `${addDays(cutoffDay(rule, year), 1)}T00:00:00+08:00`;
}

/**
 * The assessment a result scored at `at` belongs to: the year of `at` in China, or the next year when that year's
 * cut-off has passed (a result that comes after the cut-off enters the next year's assessment).
 */
export function assessmentPeriodAt(rule: CutoffRule, at: Date): { year: number; cutoffAt: string } {
  const year = Number(chinaDate(at).slice(0, 4));
  for (const y of [year, year + 1]) {
    const cutoffAt = cutoffInstant(rule, y);
    if (at.getTime() < Date.parse(cutoffAt)) return { year: y, cutoffAt };
  }
  // a per-year cut-off set before the start of that year: the result belongs to the year after
  return { year: year + 2, cutoffAt: cutoffInstant(rule, year + 2) };
}
