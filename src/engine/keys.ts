import { type Key } from './api';

/** Zeebe encodes the partition in the upper bits of every key: key = (partitionId << 51) + n. */
const KEY_BITS = 51n;
export const PARTITION_ID = 1n;
export const FIRST_KEY = (PARTITION_ID << KEY_BITS) + 1n;

/** Hands out int64 keys as decimal strings, strictly increasing; the counter is persisted with each batch. */
export class KeyGenerator {
  private next: bigint;

  constructor(next: bigint = FIRST_KEY) {
    this.next = next;
  }

  nextKey(): Key {
    const key = this.next;
    this.next += 1n;
    return key.toString();
  }

  /** The key the generator will hand out next, for persisting. */
  peek(): bigint {
    return this.next;
  }

  reset(next: bigint): void {
    this.next = next;
  }
}

/** Compares two decimal-string keys numerically (shorter strings are smaller, since keys have no leading zeros). */
export function compareKeys(a: Key, b: Key): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
