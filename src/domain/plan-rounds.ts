import { addDays, daysBetween, dueDate, type DateOnly, type WorkCalendar } from './calendar';
import { type AssistantInput, type AssistantRules } from './plan-model';

/**
 * The calendar side of the plan assistant: which days of the cycle's years rounds may use, the possible rounds
 * (windows) of a year under the legal calendar's working days, holidays and 调休, and those rounds packed one
 * after another.
 */
/** A possible round: training on the working day before entry, on site from entry to end, report due after it. */
export interface RoundWindow {
  year: number;
  training: DateOnly;
  start: DateOnly;
  end: DateOnly;
  reportDue: DateOnly;
}

/** The years of the cycle from the plan year on, each with the days rounds may use. */
export function cycleYears(input: Pick<AssistantInput, 'year' | 'cycle' | 'earliestTraining'>): { year: number; from: DateOnly; to: DateOnly }[] {
  const years: { year: number; from: DateOnly; to: DateOnly }[] = [];
  const lastDay = addDays(input.cycle.end, -1);
  for (let y = input.year; `${y}-01-01` <= lastDay; y++) {
    const from = [`${y}-01-01`, input.cycle.start, input.earliestTraining].sort().at(-1)!;
    const to = [`${y}-12-31`, lastDay].sort()[0]!;
    if (from <= to) years.push({ year: y, from, to });
  }
  return years;
}

/** Windows entering on the first working day of each week, ending once both on-site minimums are met. */
export function roundWindows(calendar: WorkCalendar, year: number, from: DateOnly, to: DateOnly, rules: AssistantRules): RoundWindow[] {
  const windows: RoundWindow[] = [];
  let lastWeek = '';
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (!calendar.isWorkingDay(day)) continue;
    const week = mondayOf(day);
    if (week === lastWeek) continue;
    lastWeek = week;
    let training = addDays(day, -1);
    while (training >= from && !calendar.isWorkingDay(training)) training = addDays(training, -1);
    if (training < from) continue;
    const end = onsiteEnd(calendar, day, to, rules);
    if (!end) break;
    windows.push({ year, training, start: day, end, reportDue: dueDate(calendar, 'calendar-days', end, rules.reportDays) });
  }
  return windows;
}

function mondayOf(day: DateOnly): DateOnly {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

function onsiteEnd(calendar: WorkCalendar, start: DateOnly, to: DateOnly, rules: AssistantRules): DateOnly | undefined {
  let working = 0;
  for (let day = start; day <= to; day = addDays(day, 1)) {
    if (!calendar.isWorkingDay(day)) continue;
    working++;
    if (working >= rules.minOnsiteWorkingDays && daysBetween(start, day) + 1 >= rules.minOnsiteDays) return day;
  }
  return undefined;
}

/**
 * The rounds of a year packed one after another from its first window, each training after the last report is due.
 * Packing early loses nothing: the rules ask for order and gaps, not for particular months, so any schedule can be
 * moved onto these windows, and the earliest rounds are what the office wants for the longest-waiting units.
 */
export function packedRounds(windows: RoundWindow[]): RoundWindow[] {
  const chain: RoundWindow[] = [];
  for (const w of windows) if (w.training > (chain.at(-1)?.reportDue ?? '')) chain.push(w);
  return chain;
}
