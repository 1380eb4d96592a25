import { Backpressure } from '../../src/engine/api';
import { KeyGenerator } from '../../src/engine/keys';
import { CommandLoop } from '../../src/engine/processing/command-loop';
import { EngineState } from '../../src/engine/state/engine-state';
import { componentLogger } from '../../src/logging';

function loop(commit: () => void, maxQueued = 2): CommandLoop {
  const state = new EngineState({ resolve: () => { throw new Error('no graphs'); } });
  return new CommandLoop({
    state: () => state, keys: new KeyGenerator(), now: () => 0, commit, sync: null, rebuild: () => undefined,
    wantsResult: () => false, afterCommit: () => undefined, log: componentLogger('test'), maxQueued,
  } as ConstructorParameters<typeof CommandLoop>[0], 0);
}

describe('command loop', () => {
  it('refuses client commands beyond the queue limit with back-pressure but always takes internal ones', async () => {
    // given
    const l = loop(() => undefined);
    // when
    const first = l.submit(() => 1, true);
    const second = l.submit(() => 2, true);
    const third = l.submit(() => 3, true);
    const internal = l.submit(() => 4);
    // then
    await expect(third).rejects.toBeInstanceOf(Backpressure);
    await expect(Promise.all([first, second, internal])).resolves.toEqual([1, 2, 4]);
  });

  it('processes queued commands in one batch with one commit', async () => {
    // given
    let commits = 0;
    const l = loop(() => commits++, 100);
    // when
    const results = await Promise.all([1, 2, 3].map((n) => l.submit((ctx) => {
      ctx.event('VARIABLE_DOCUMENT', 'UPDATED', ctx.keys.nextKey(), { n });
      return n;
    }, true)));
    // then
    expect(results).toEqual([1, 2, 3]);
    expect(commits).toBe(1);
    expect(l.lastPosition).toBe(3);
  });
});
