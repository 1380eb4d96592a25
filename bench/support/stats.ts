/** Percentiles over a sample of latencies (ms), by nearest rank. */
export function percentiles(samples: number[], ps: number[] = [50, 90, 99]): Record<string, number> {
  const sorted = [...samples].sort((a, b) => a - b);
  const out: Record<string, number> = {};
  for (const p of ps) {
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    out[`p${p}`] = sorted.length ? round(sorted[rank]) : NaN;
  }
  return out;
}

export const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Milliseconds since an arbitrary origin, sub-millisecond precision. */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Median of a non-empty sample (mean of the two middle values for an even count). */
export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
