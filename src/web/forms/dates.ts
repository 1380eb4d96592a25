/**
 * Dates and times a Camunda Form submits, checked against the calendar and pinned to China Standard Time.
 * form-js sends a date-time without an offset when the field names no `timeSerializingFormat` (our forms name
 * none), and one with the browser's offset otherwise; a wall-clock time entered in 峄城区 is Asia/Shanghai time, so
 * a value without an offset is read as such and stored with +08:00 (read as UTC it became 23:00 for 15:00).
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/;

export const CHINA_OFFSET = '+08:00';

export type DateSubtype = 'date' | 'time' | 'datetime';

function realDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

function realTime(text: string): boolean {
  const m = TIME.exec(text);
  return !!m && Number(m[1]) <= 23 && Number(m[2]) <= 59 && Number(m[3] ?? 0) <= 59;
}

/**
 * The value to store, or an error in Chinese for `label`: 2027-13-45 is refused, not rolled over to 2028-02-14;
 * a date-time without an offset gets China Standard Time's.
 */
export function checkDateValue(subtype: DateSubtype, value: string, label: string): { value?: string; error?: string } {
  if (subtype === 'date') {
    if (!DATE.test(value)) return { error: `${label}日期时间格式无效。` };
    return realDate(value) ? { value } : { error: `${label}不是有效日期（${value}），请检查月份和日期。` };
  }
  if (subtype === 'time') {
    return realTime(value) ? { value } : { error: `${label}不是有效时间（${value}），应为 00:00 至 23:59。` };
  }
  const m = DATETIME.exec(value);
  if (!m) return { error: `${label}日期时间格式无效。` };
  if (!realDate(m[1]!)) return { error: `${label}不是有效日期（${m[1]}），请检查月份和日期。` };
  if (!realTime(m[2]!)) return { error: `${label}不是有效时间（${m[2]}），应为 00:00 至 23:59。` };
  const time = m[2]!.length === 5 ? `${m[2]}:00` : m[2];
  return { value: `${m[1]}T${time}${m[3] ?? CHINA_OFFSET}` };
}
