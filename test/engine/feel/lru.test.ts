import { LruCache } from '../../../src/engine/feel/lru';

describe('LruCache', () => {
  it('evicts the least recently used entry beyond its capacity', () => {
    // given
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    // when: reading a makes b the oldest
    cache.get('a');
    cache.set('c', 3);
    // then
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('rejects a capacity that is not a positive integer', () => {
    // given / when / then
    expect(() => new LruCache(0)).toThrow('LRU capacity must be a positive integer, got 0');
  });
});
