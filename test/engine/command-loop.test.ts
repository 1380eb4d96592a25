import { Backpressure } from '../../src/engine/api';
import { KeyGenerator } from '../../src/engine/keys';
import { CommandLoop } from '../../src/engine/processing/command-loop';
import { EngineState } from '../../src/engine/state/engine-state';
import { componentLogger } from '../../src/logging';

type Sync = (done: (error?: Error) => void) => void;

function loop(commit: () => void, maxQueued = 2, sync: Sync | null = null, afterCommit: () => void = () => undefined): CommandLoop {
  const state = new EngineState({ resolve: () => { throw new Error('no graphs'); } });
  return new CommandLoop({
    state: () => state, keys: new KeyGenerator(), now: () => 0, commit, sync, rebuild: () => undefined,
    wantsResult: () => false, afterCommit, log: componentLogger('silent'), maxQueued,
  } as ConstructorParameters<typeof CommandLoop>[0], 0);
}

/** A disk flush the test completes by hand; `started` resolves when the loop asks for the n-th flush. */
function manualSync() {
  const flushes: ((error?: Error) => void)[] = [];
  const asked: (() => void)[] = [];
  return {
    sync: ((done) => {
      flushes.push(done);
      asked.splice(0).forEach((wake) => wake());
    }) as Sync,
    flushes,
    started: (n: number) => new Promise<void>((resolve) => {
      const check = (): void => (flushes.length >= n ? resolve() : void asked.push(check));
      check();
    }),
  };
}

/** Settles to 'pending' when the promise has not settled by the time already-queued callbacks ran. */
async function settled(promise: Promise<unknown>): Promise<string> {
  const marker = Symbol('pending');
  const outcome = await Promise.race([promise.then(() => 'resolved', () => 'rejected'), new Promise((r) => setImmediate(() => r(marker)))]);
  return outcome === marker ? 'pending' : (outcome as string);
}

const writesEvent = (n: number) => (ctx: Parameters<Parameters<CommandLoop['submit']>[0]>[0]) => {
  ctx.event('VARIABLE_DOCUMENT', 'UPDATED', ctx.keys.nextKey(), { n });
  return n;
};

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

  it('answers a batch and runs its side effects only after the disk flush, processing the next batch meanwhile', async () => {
    // given
    const disk = manualSync();
    let commits = 0;
    let announced = 0;
    const l = loop(() => commits++, 100, disk.sync, () => announced++);
    // when: the first batch is written and its flush is running
    const first = l.submit(writesEvent(1), true);
    await disk.started(1);
    const second = l.submit(writesEvent(2), true);
    // then: the second batch is processed and written, but nobody is answered before a flush covers them
    expect(await settled(second)).toBe('pending');
    expect(commits).toBe(2);
    expect(await settled(first)).toBe('pending');
    expect(announced).toBe(0);
    // when: the first flush completes
    disk.flushes[0]();
    // then: only the batch written before it started is answered; the second waits for its own flush
    await expect(first).resolves.toBe(1);
    expect(announced).toBe(1);
    await disk.started(2);
    expect(await settled(second)).toBe('pending');
    disk.flushes[1]();
    await expect(second).resolves.toBe(2);
    expect(announced).toBe(2);
  });

  it('answers a rejection only after the batches before it are flushed', async () => {
    // given
    const disk = manualSync();
    const l = loop(() => undefined, 100, disk.sync);
    const first = l.submit(writesEvent(1), true);
    await disk.started(1);
    // when: a command that writes nothing comes while the flush runs
    const readOnly = l.submit(() => 'seen', true);
    // then
    expect(await settled(readOnly)).toBe('pending');
    disk.flushes[0]();
    await expect(first).resolves.toBe(1);
    await expect(readOnly).resolves.toBe('seen');
  });

  it('goes down when the flush fails: the batches waiting for it and the queued commands are refused', async () => {
    // given
    const disk = manualSync();
    const l = loop(() => undefined, 100, disk.sync);
    const first = l.submit(writesEvent(1), true);
    await disk.started(1);
    const second = l.submit(writesEvent(2), true);
    expect(await settled(second)).toBe('pending');
    // when
    disk.flushes[0](new Error('EIO: i/o error, fdatasync'));
    // then
    await expect(first).rejects.toThrow('The engine is down: failed to flush the engine database to disk: EIO: i/o error, fdatasync');
    await expect(second).rejects.toThrow('The engine is down');
    expect(l.fault).toContain('fdatasync');
    await expect(l.submit(() => 3, true)).rejects.toThrow('The engine is down');
  });

  it('drains: close waits until the last written batch is flushed', async () => {
    // given
    const disk = manualSync();
    const l = loop(() => undefined, 100, disk.sync);
    const first = l.submit(writesEvent(1), true);
    await disk.started(1);
    // when
    const closing = l.drainAndClose();
    // then
    expect(await settled(closing)).toBe('pending');
    disk.flushes[0]();
    await closing;
    await expect(first).resolves.toBe(1);
  });
});
