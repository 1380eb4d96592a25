import { EngineDown } from '../../src/engine/api';
import { KeyGenerator } from '../../src/engine/keys';
import { CommandLoop } from '../../src/engine/processing/command-loop';
import { EngineState } from '../../src/engine/state/engine-state';
import { componentLogger } from '../../src/logging';

type Sync = (done: (error?: Error) => void) => void;

function loopWith(sync: Sync | null): CommandLoop {
  const state = new EngineState({ resolve: () => { throw new Error('no graphs'); } });
  return new CommandLoop({
    state: () => state, keys: new KeyGenerator(), now: () => 0, commit: () => undefined, sync, rebuild: () => undefined,
    wantsResult: () => false, afterCommit: () => undefined, log: componentLogger('silent'),
  }, 0);
}

/** Flushes of the log that the test completes by hand; `asked(n)` resolves once the loop asked for the n-th. */
function heldDisk() {
  const flushes: ((error?: Error) => void)[] = [];
  const wakes: (() => void)[] = [];
  return {
    sync: ((done) => {
      flushes.push(done);
      wakes.splice(0).forEach((wake) => wake());
    }) as Sync,
    flushes,
    asked: (n: number) => new Promise<void>((resolve) => {
      const check = (): void => (flushes.length >= n ? resolve() : void wakes.push(check));
      check();
    }),
  };
}

/** 'pending' when the promise has not settled before a macrotask queued now runs. */
async function outcomeBeforeNextTask(promise: Promise<unknown>): Promise<string> {
  const pending = Symbol('pending');
  const outcome = await Promise.race([promise.then(() => 'resolved', () => 'rejected'), new Promise((r) => setImmediate(() => r(pending)))]);
  return outcome === pending ? 'pending' : (outcome as string);
}

const writesEvent = (n: number) => (ctx: Parameters<Parameters<CommandLoop['submit']>[0]>[0]) => {
  ctx.event('VARIABLE_DOCUMENT', 'UPDATED', ctx.keys.nextKey(), { n });
  return n;
};

describe('command loop: durable()', () => {
  it('resolves without waiting for a macrotask when no batch waits for a flush', async () => {
    // given: one batch written and flushed
    const disk = heldDisk();
    const l = loopWith(disk.sync);
    const first = l.submit(writesEvent(1), true);
    await disk.asked(1);
    disk.flushes[0]();
    await first;
    // when
    const durable = l.durable();
    // then
    expect(await outcomeBeforeNextTask(durable)).toBe('resolved');
  });

  it('resolves at once when the loop writes without flushing (durability normal or memory)', async () => {
    // given
    const l = loopWith(null);
    await l.submit(writesEvent(1), true);
    // when
    const durable = l.durable();
    // then
    expect(await outcomeBeforeNextTask(durable)).toBe('resolved');
  });

  it('waits for the flush covering the last batch written when it was asked, not for later batches', async () => {
    // given: a first batch written, its flush running
    const disk = heldDisk();
    const l = loopWith(disk.sync);
    const first = l.submit(writesEvent(1), true);
    await disk.asked(1);
    // when
    const durableFirst = l.durable();
    const second = l.submit(writesEvent(2), true);
    expect(await outcomeBeforeNextTask(second)).toBe('pending');
    const durableBoth = l.durable();
    // then: nothing settles while the flush is held
    expect(await outcomeBeforeNextTask(durableFirst)).toBe('pending');
    // when: the first flush completes
    disk.flushes[0]();
    // then: the first batch is durable; the second still waits for its own flush
    await expect(durableFirst).resolves.toBeUndefined();
    await expect(first).resolves.toBe(1);
    await disk.asked(2);
    expect(await outcomeBeforeNextTask(durableBoth)).toBe('pending');
    disk.flushes[1]();
    await expect(durableBoth).resolves.toBeUndefined();
    await expect(second).resolves.toBe(2);
  });

  it('rejects the waiting readers with EngineDown when the flush fails, and every later one too', async () => {
    // given
    const disk = heldDisk();
    const l = loopWith(disk.sync);
    const first = l.submit(writesEvent(1), true);
    await disk.asked(1);
    const durable = l.durable();
    // when
    disk.flushes[0](new Error('EIO: i/o error, fdatasync'));
    // then
    await expect(durable).rejects.toThrow(new EngineDown('failed to flush the engine database to disk: EIO: i/o error, fdatasync'));
    await expect(durable).rejects.toBeInstanceOf(EngineDown);
    await expect(first).rejects.toBeInstanceOf(EngineDown);
    await expect(l.durable()).rejects.toThrow('The engine is down: failed to flush the engine database to disk');
  });

  it('settles the readers waiting while the loop drains and refuses the ones after it closed', async () => {
    // given
    const disk = heldDisk();
    const l = loopWith(disk.sync);
    const first = l.submit(writesEvent(1), true);
    await disk.asked(1);
    const durable = l.durable();
    // when
    const closing = l.drainAndClose();
    disk.flushes[0]();
    await closing;
    // then
    await expect(durable).resolves.toBeUndefined();
    await expect(first).resolves.toBe(1);
    await expect(l.durable()).rejects.toThrow('The engine is closed');
  });
});
