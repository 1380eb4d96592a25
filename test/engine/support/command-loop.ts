import { KeyGenerator } from '../../../src/engine/keys';
import { CommandLoop } from '../../../src/engine/processing/command-loop';
import { engineBehaviours } from '../../../src/engine/processing/install';
import { EngineState } from '../../../src/engine/state/engine-state';
import { componentLogger } from '../../../src/logging';

type Sync = (done: (error?: Error) => void) => void;

interface LoopOptions {
  state?: EngineState;
  commit?: () => void;
  maxQueued?: number;
  sync?: Sync | null;
  afterCommit?: () => void;
}

/** A command loop over an empty state, with the commit, flush and after-commit steps the test observes. */
export function testLoop({
  state = new EngineState({ resolve: () => { throw new Error('no graphs'); } }), commit = () => undefined, maxQueued = 100, sync = null, afterCommit = () => undefined,
}: LoopOptions = {}): CommandLoop {
  return new CommandLoop({
    state: () => state, keys: new KeyGenerator(), now: () => 0, commit, sync,
    wantsResult: () => false, behaviours: engineBehaviours, afterCommit, log: componentLogger('silent'), maxQueued,
  }, 0);
}

/** Flushes of the log that the test completes by hand; `asked(n)` resolves once the loop asked for the n-th. */
export function heldDisk() {
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
export async function outcomeBeforeNextTask(promise: Promise<unknown>): Promise<string> {
  const pending = Symbol('pending');
  const outcome = await Promise.race([promise.then(() => 'resolved', () => 'rejected'), new Promise((r) => setImmediate(() => r(pending)))]);
  return outcome === pending ? 'pending' : (outcome as string);
}

/** A command that writes one event and answers `n`. */
export const writesEvent = (n: number) => (ctx: Parameters<Parameters<CommandLoop['submit']>[0]>[0]) => {
  ctx.event('VARIABLE_DOCUMENT', 'UPDATED', ctx.keys.nextKey(), { n });
  return n;
};
