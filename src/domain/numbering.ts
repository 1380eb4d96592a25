/**
 * 文号 (document numbers): issuer abbreviation, year in 六角括号 〔〕 and a sequence per issuer and year,
 * e.g. 峄安委办〔2026〕3号 (GB/T 9704-2012 7.2.4: no leading zeros, no 第).
 */
export const ISSUERS = {
  committee: { name: '峄城区安全生产委员会', prefix: '峄安委' },
  office: { name: '峄城区安全生产委员会办公室', prefix: '峄安委办' },
} as const;
export type IssuerCode = keyof typeof ISSUERS;

export function formatDocNo(prefix: string, year: number, seq: number): string {
  if (!prefix.trim()) throw new RangeError('issuer prefix must not be empty');
  if (!Number.isInteger(year) || year < 2000 || year > 2999) throw new RangeError(`bad year ${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`sequence must be a whole number ≥ 1, got ${seq}`);
  return `${prefix}〔${year}〕${seq}号`;
}

const DOC_NO = /^(.+)〔(\d{4})〕([1-9]\d*)号$/;

export function parseDocNo(docNo: string): { prefix: string; year: number; seq: number } | undefined {
  const m = DOC_NO.exec(docNo);
  return m ? { prefix: m[1], year: Number(m[2]), seq: Number(m[3]) } : undefined;
}

/** Sequence numbers missing from 1..max (a gap means a number was lost; the register must have none). */
export function numberingGaps(seqs: number[]): number[] {
  const have = new Set(seqs);
  const max = Math.max(0, ...seqs);
  const gaps: number[] = [];
  for (let i = 1; i <= max; i++) if (!have.has(i)) gaps.push(i);
  return gaps;
}

/** 巡查编号: XC-2026-007 for the 7th inspection opened in 2026. */
export const inspectionNo = (year: number, seq: number): string => `XC-${year}-${String(seq).padStart(3, '0')}`;
