import { addDays, type CalendarError, type CalendarOverride, type DayKind, daysBetween, parseDate } from './calendar';

/**
 * The State Council's yearly holiday arrangement as the office types it: one line per period,
 * `2027-02-06..2027-02-12 春节` for holidays and `2027-02-14 春节调休上班` for make-up working days.
 */
export interface ArrangementText {
  year: number;
  holidays: string;
  workdays: string;
}

export class ArrangementError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('；'));
    this.name = 'ArrangementError';
  }
}

const LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|～|~|至)\s*(\d{4}-\d{2}-\d{2}))?\s+(\S.*)$/;
const MAX_PERIOD_DAYS = 31;

function parseLines(text: string, kind: DayKind, year: number, label: string, problems: string[]): CalendarOverride[] {
  const days: CalendarOverride[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const where = `${label}第${i + 1}行`;
    const m = LINE.exec(line);
    if (!m) {
      problems.push(`${where}格式应为“YYYY-MM-DD..YYYY-MM-DD 名称”或“YYYY-MM-DD 名称”：${line}`);
      return;
    }
    const [, from, to = from, name] = m as unknown as [string, string, string | undefined, string];
    try {
      parseDate(from);
      parseDate(to);
    } catch (err) {
      problems.push(`${where}日期无效：${(err as CalendarError).message}`);
      return;
    }
    const span = daysBetween(from, to);
    if (span < 0) return void problems.push(`${where}结束日期早于开始日期。`);
    if (span >= MAX_PERIOD_DAYS) return void problems.push(`${where}时段超过${MAX_PERIOD_DAYS}天。`);
    if (from.slice(0, 4) !== String(year) || to.slice(0, 4) !== String(year)) return void problems.push(`${where}不在${year}年内。`);
    for (let d = from; d <= to; d = addDays(d, 1)) days.push({ date: d, kind, name: name.trim().slice(0, 40) });
  });
  return days;
}

/** The dated overrides of one year, or an ArrangementError listing every problem (line by line, in Chinese). */
export function parseArrangement(input: ArrangementText): CalendarOverride[] {
  const { year } = input;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ArrangementError([`年份无效：${year}`]);
  const problems: string[] = [];
  const days = [
    ...parseLines(input.holidays, 'holiday', year, '放假安排', problems),
    ...parseLines(input.workdays, 'workday', year, '调休上班', problems),
  ];
  const seen = new Map<string, DayKind>();
  for (const d of days) {
    if (seen.has(d.date)) problems.push(`${d.date}重复出现。`);
    seen.set(d.date, d.kind);
  }
  if (days.length === 0 && problems.length === 0) problems.push('请至少填写一个放假时段。');
  if (problems.length) throw new ArrangementError(problems);
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** The year's overrides written back as form lines (consecutive days of one name form one period). */
export function formatArrangement(days: readonly CalendarOverride[]): { holidays: string; workdays: string } {
  const lines = (kind: DayKind): string => {
    const out: string[] = [];
    let start: CalendarOverride | undefined;
    let end: CalendarOverride | undefined;
    const flush = () => {
      if (start && end) out.push(start.date === end.date ? `${start.date} ${start.name}` : `${start.date}..${end.date} ${start.name}`);
    };
    for (const d of [...days].filter((x) => x.kind === kind).sort((a, b) => a.date.localeCompare(b.date))) {
      if (start && end && d.name === start.name && addDays(end.date, 1) === d.date) {
        end = d;
        continue;
      }
      flush();
      start = d;
      end = d;
    }
    flush();
    return out.join('\n');
  };
  return { holidays: lines('holiday'), workdays: lines('workday') };
}
