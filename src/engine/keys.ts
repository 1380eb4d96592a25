import { type Key } from './api';

/** Zeebe encodes the partition in the upper bits of every key: key = (partitionId << 51) + n. */
const KEY_BITS = 51n;
export const PARTITION_ID = 1n;
export const FIRST_KEY = (PARTITION_ID << KEY_BITS) + 1n;

const LARGEST_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Hands out int64 keys as decimal strings, strictly increasing; the counter is persisted with each batch. The
 * counter is a plain number while it is exact (always for partition 1's range), which is much cheaper than bigint
 * arithmetic and formatting on every key; beyond that it goes on as a bigint.
 */
export class KeyGenerator {
  private next: number | bigint = 0;

  constructor(next: bigint = FIRST_KEY) {
    this.reset(next);
  }

  nextKey(): Key {
    const key = this.next;
    if (typeof key === 'number') {
      this.next = key < Number.MAX_SAFE_INTEGER ? key + 1 : BigInt(key) + 1n;
      return String(key);
    }
    this.next = key + 1n;
    return key.toString();
  }

  /** The key the generator will hand out next, for persisting. */
  peek(): bigint {
    return BigInt(this.next);
  }

  reset(next: bigint): void {
    this.next = next <= LARGEST_EXACT ? Number(next) : next;
  }
}

/** Compares two decimal-string keys numerically (shorter strings are smaller, since keys have no leading zeros). */
export function compareKeys(a: Key, b: Key): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
