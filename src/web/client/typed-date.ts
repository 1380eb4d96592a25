/**
 * A date typed into form-js's date field, read year first as the Chinese locale writes it (2027/3/1, 2027-3-1,
 * 2027年3月1日). flatpickr would roll an impossible one over (2027/13/45 becomes 2028/2/14); this names it instead.
 */
const YEAR_FIRST = /^\s*(\d{4})\s*[/.\-年]\s*(\d{1,2})\s*[/.\-月]\s*(\d{1,2})\s*日?\s*$/;

/** The Chinese error for an impossible typed date; undefined for a real date or text in another shape. */
export function typedDateError(text: string): string | undefined {
  const m = YEAR_FIRST.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  const real = mo >= 1 && mo <= 12 && d >= 1 && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
  return real ? undefined : `${y}年${mo}月${d}日不是有效日期，请检查月份和日期。`;
}
