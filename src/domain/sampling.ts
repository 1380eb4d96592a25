import { createHash } from 'node:crypto';

/**
 * 回头看 follow-up sampling: three units a month drawn at random from the units with inspection problems.
 * The draw is reproducible: the seed is recorded, and the same seed and candidates always give the same units,
 * so anyone can check it.
 */
export interface Sample {
  month: string;
  seed: string;
  units: string[];
}

/** mulberry32: a small, well-known 32-bit PRNG; good enough for an auditable draw, not for secrets. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seedNumber = (seed: string) => createHash('sha256').update(seed).digest().readUInt32BE(0);

/** Draws `count` distinct units (partial Fisher–Yates over the sorted candidates). */
export function drawSample(month: string, seed: string, candidates: string[], count = 3): Sample {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`month must be YYYY-MM, got ${JSON.stringify(month)}`);
  const pool = [...new Set(candidates)].sort();
  const random = mulberry32(seedNumber(seed));
  for (let i = 0; i < Math.min(count, pool.length); i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return { month, seed, units: pool.slice(0, Math.min(count, pool.length)) };
}
