import { EngineDown } from '../../src/engine/api';
import { heldDisk, outcomeBeforeNextTask, testLoop, writesEvent } from './support/command-loop';

describe('command loop: durable()', () => {
  it('resolves without waiting for a macrotask when no batch waits for a flush', async () => {
    // given: one batch written and flushed
    const disk = heldDisk();
    const l = testLoop({ sync: disk.sync });
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
    const l = testLoop();
    await l.submit(writesEvent(1), true);
    // when
    const durable = l.durable();
    // then
    expect(await outcomeBeforeNextTask(durable)).toBe('resolved');
  });

  it('waits for the flush covering the last batch written when it was asked, not for later batches', async () => {
    // given: a first batch written, its flush running
    const disk = heldDisk();
    const l = testLoop({ sync: disk.sync });
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
    const l = testLoop({ sync: disk.sync });
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
    const l = testLoop({ sync: disk.sync });
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
