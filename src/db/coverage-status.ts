import { addMonthsRaw, chinaDate } from '../domain/calendar';
import { coverageGaps } from '../domain/coverage';
import { type Db } from './connect';
import { inspectableUnits, listUnits } from './organisation';
import { cycleContaining, lastInspections } from './web-queries';

export interface CoverageStatus {
  unitCode: string;
  unitName: string;
  lastInspectedAt: string | null;
  /** The end of the running two-year cycle, by which the unit must have been inspected. */
  dueBy: string;
  /** green: inspected in the running cycle; red: not yet, and the cycle ends within six months; yellow: not yet. */
  color: 'green' | 'yellow' | 'red';
}

/** Each inspectable unit's place in the running two-year cycle (一（二）) as of an instant. */
export async function coverageStatus(db: Db, asOf: Date, firstCycleStart: string): Promise<CoverageStatus[]> {
  const day = chinaDate(asOf);
  const [units, last, cycle] = await Promise.all([inspectableUnits(db), lastInspections(db), cycleContaining(db, day)]);
  const first = cycle?.start ?? firstCycleStart;
  const { cycle: running, gaps } = coverageGaps(units.map((u) => u.code), last, asOf.toISOString(), first);
  const end = cycle?.end ?? running.end;
  const lastBy = new Map(last.map((l) => [l.unitCode, l.openedAt]));
  const warnFrom = addMonthsRaw(end, -6);
  return units.map((u) => ({
    unitCode: u.code, unitName: u.name, lastInspectedAt: lastBy.get(u.code) ?? null, dueBy: `${end}T00:00:00+08:00`,
    color: !gaps.includes(u.code) ? 'green' : day >= warnFrom ? 'red' : 'yellow',
  }));
}

/** The domain store's part of the compliance figures: the units by name and their coverage. */
export function complianceRecords(db: Db, firstCycleStart: string) {
  return {
    units: async () => (await listUnits(db, ['town', 'subdistrict', 'member', 'zone'])).map((u) => ({ code: u.code, name: u.name, kind: u.kind })),
    coverage: (asOf: Date) => coverageStatus(db, asOf, firstCycleStart),
  };
}
