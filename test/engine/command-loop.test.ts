import { Backpressure } from '../../src/engine/api';
import { EngineState } from '../../src/engine/state/engine-state';
import { heldDisk, outcomeBeforeNextTask, testLoop, writesEvent } from './support/command-loop';

describe('command loop', () => {
  it('refuses client commands beyond the queue limit with back-pressure but always takes internal ones', async () => {
    // given
    const l = testLoop({ maxQueued: 2 });
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
    const l = testLoop({ commit: () => commits++ });
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
    const disk = heldDisk();
    let commits = 0;
    let announced = 0;
    const l = testLoop({ commit: () => commits++, sync: disk.sync, afterCommit: () => announced++ });
    // when: the first batch is written and its flush is running
    const first = l.submit(writesEvent(1), true);
    await disk.asked(1);
    const second = l.submit(writesEvent(2), true);
    // then: the second batch is processed and written, but nobody is answered before a flush covers them
    expect(await outcomeBeforeNextTask(second)).toBe('pending');
    expect(commits).toBe(2);
    expect(await outcomeBeforeNextTask(first)).toBe('pending');
    expect(announced).toBe(0);
    // when: the first flush completes
    disk.flushes[0]();
    // then: only the batch written before it started is answered; the second waits for its own flush
    await expect(first).resolves.toBe(1);
    expect(announced).toBe(1);
    await disk.asked(2);
    expect(await outcomeBeforeNextTask(second)).toBe('pending');
    disk.flushes[1]();
    await expect(second).resolves.toBe(2);
    expect(announced).toBe(2);
  });

  it('answers a rejection only after the batches before it are flushed', async () => {
    // given
    const disk = heldDisk();
    const l = testLoop({ sync: disk.sync });
    const first = l.submit(writesEvent(1), true);
    await disk.asked(1);
    // when: a command that writes nothing comes while the flush runs
    const readOnly = l.submit(() => 'seen', true);
    // then
    expect(await outcomeBeforeNextTask(readOnly)).toBe('pending');
    disk.flushes[0]();
    await expect(first).resolves.toBe(1);
    await expect(readOnly).resolves.toBe('seen');
  });

  it('goes down when the flush fails: the batches waiting for it and the queued commands are refused', async () => {
    // given
    const disk = heldDisk();
    const l = testLoop({ sync: disk.sync });
    const first = l.submit(writesEvent(1), true);
    await disk.asked(1);
    const second = l.submit(writesEvent(2), true);
    expect(await outcomeBeforeNextTask(second)).toBe('pending');
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
    const disk = heldDisk();
    const l = testLoop({ sync: disk.sync });
    const first = l.submit(writesEvent(1), true);
    await disk.asked(1);
    // when
    const closing = l.drainAndClose();
    // then
    expect(await outcomeBeforeNextTask(closing)).toBe('pending');
    disk.flushes[0]();
    await closing;
    await expect(first).resolves.toBe(1);
  });

  it('refuses a command whose record cannot be serialised, writes the others of its batch and stays up', async () => {
    // given a batch in which one command writes a value nested deeper than JSON.stringify can follow
    let commits = 0;
    const l = testLoop({ commit: () => commits++ });
    let deep: unknown[] = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];

    // when it is processed with a command before and after it
    const before = l.submit(writesEvent(1), true);
    const culprit = l.submit((ctx) => ctx.event('VARIABLE_DOCUMENT', 'UPDATED', ctx.keys.nextKey(), { deep }), true);
    const after = l.submit(writesEvent(3), true);

    // then only that command is refused, the others are written, and the loop keeps taking commands
    await expect(culprit).rejects.toThrow(/Maximum call stack size exceeded/);
    await expect(Promise.all([before, after])).resolves.toEqual([1, 3]);
    expect(commits).toBe(1);
    expect(l.fault).toBeUndefined();
    await expect(l.submit(writesEvent(4), true)).resolves.toBe(4);
  });

  it('undoes a failed command in memory: the state is as before the batch, without reading the log', async () => {
    // given a job, a buffered message and variables written by an earlier batch
    const state = new EngineState({ resolve: () => { throw new Error('no graphs'); } });
    const l = testLoop({ state });
    const job = { type: 'work', elementInstanceKey: '7', retries: 3, retryBackoff: 0, deadline: -1, worker: '', variables: {} };
    const message = { name: 'm', correlationKey: 'k', timeToLive: 60_000, deadline: 60_000, messageId: '', variables: {}, tenantId: '<default>' };
    await l.submit((ctx) => {
      ctx.event('JOB', 'CREATED', '101', job);
      ctx.event('MESSAGE', 'PUBLISHED', '102', message);
      ctx.event('VARIABLE', 'CREATED', '103', { name: 'x', value: '1', scopeKey: '7' });
    }, true);
    // (a copy: the snapshot shares the state's objects)
    const before = JSON.parse(JSON.stringify(state.snapshot())) as unknown;

    // when a command changes, removes and adds entries of each, and then fails
    const failing = l.submit((ctx) => {
      ctx.event('JOB', 'FAILED', '101', { ...job, retries: 0, errorMessage: 'boom' });
      ctx.event('JOB', 'CREATED', '104', { ...job, type: 'other' });
      ctx.event('MESSAGE', 'EXPIRED', '102', message);
      ctx.event('VARIABLE', 'UPDATED', '105', { name: 'x', value: '2', scopeKey: '7' });
      ctx.event('VARIABLE', 'CREATED', '106', { name: 'y', value: '3', scopeKey: '8' });
      throw new Error('failed after writing');
    }, true);

    // then it is refused and the state is exactly as before it, and the loop goes on from there
    await expect(failing).rejects.toThrow('failed after writing');
    expect(state.snapshot()).toEqual(before);
    await l.submit((ctx) => void ctx.event('JOB', 'COMPLETED', '101', job), true);
    expect(state.jobs.size).toBe(0);
    expect(state.activatableByType.size).toBe(0);
  });
});
