import { addMonthsRaw, toDateOnly, type DateOnly } from './calendar';

/** The running cycle that contains `asOf`, for cycles of `years` years counted from `firstStart`. */
export function runningCycle(firstStart: DateOnly, asOf: DateOnly, years = 2): { start: DateOnly; end: DateOnly } {
  let start = firstStart;
  if (asOf < start) return { start, end: addMonthsRaw(start, 12 * years) };
  for (;;) {
    const end = addMonthsRaw(start, 12 * years);
    if (asOf < end) return { start, end };
    start = end;
  }
}

/**
 * Units not inspected in the running 2-year cycle (seed: "每两年全部巡查一遍"), in the order given.
 * `inspections` are (unit, date the inspection opened).
 */
export function coverageGaps(units: string[], inspections: { unitCode: string; openedAt: string }[], asOf: string,
  firstCycleStart: DateOnly, years = 2): { cycle: { start: DateOnly; end: DateOnly }; gaps: string[] } {
  const cycle = runningCycle(toDateOnly(firstCycleStart), toDateOnly(asOf), years);
  const done = new Set(inspections.filter((i) => {
    const d = toDateOnly(i.openedAt);
    return d >= cycle.start && d < cycle.end;
  }).map((i) => i.unitCode));
  return { cycle, gaps: units.filter((u) => !done.has(u)) };
}
