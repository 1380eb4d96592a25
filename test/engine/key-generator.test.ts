import { FIRST_KEY, KeyGenerator } from '../../src/engine/keys';

describe('KeyGenerator', () => {
  it('hands out consecutive decimal keys from the first key of partition 1', () => {
    // given
    const keys = new KeyGenerator();

    // when
    const handedOut = [keys.nextKey(), keys.nextKey(), keys.nextKey()];

    // then
    expect(handedOut).toEqual([FIRST_KEY, FIRST_KEY + 1n, FIRST_KEY + 2n].map(String));
    expect(keys.peek()).toBe(FIRST_KEY + 3n);
  });

  it('goes on exactly past the largest exact double', () => {
    // given
    const start = BigInt(Number.MAX_SAFE_INTEGER) - 1n;
    const keys = new KeyGenerator(start);

    // when
    const handedOut = Array.from({ length: 4 }, () => keys.nextKey());

    // then
    expect(handedOut).toEqual(['9007199254740990', '9007199254740991', '9007199254740992', '9007199254740993']);
    expect(keys.peek()).toBe(start + 4n);
  });

  it('starts again from a reset counter, above and below the exact range', () => {
    // given
    const keys = new KeyGenerator();
    keys.nextKey();

    // when
    keys.reset(12_345_678_901_234_567_890n);
    const large = keys.nextKey();
    keys.reset(FIRST_KEY + 10n);
    const small = keys.nextKey();

    // then
    expect(large).toBe('12345678901234567890');
    expect(small).toBe((FIRST_KEY + 10n).toString());
    expect(keys.peek()).toBe(FIRST_KEY + 11n);
  });
});
