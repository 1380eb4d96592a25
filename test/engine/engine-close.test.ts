import fs from 'node:fs';
import path from 'node:path';
import { EngineHarness } from './support/harness';

const DAY_MS = 24 * 60 * 60 * 1000;

function processFile(name: string): [string, string] {
  return [name, fs.readFileSync(path.join(__dirname, '../../processes', name), 'utf8')];
}

describe('closing the engine', () => {
  it('lets due cron timers finish processing before the database is closed', async () => {
    // given: two diagrams with cron timer start events, and the clock about six months ahead
    const h = await EngineHarness.start();
    await h.deploy(processFile('coverage-watch.bpmn'), processFile('follow-up-sampling.bpmn'));
    const failures: unknown[] = [];
    const onError = (error: unknown): void => void failures.push(error);
    process.on('uncaughtException', onError);
    process.on('unhandledRejection', onError);
    try {
      h.engine.clock.add(183 * DAY_MS);
      // when
      await h.engine.close();
      await new Promise<void>((resolve) => setImmediate(resolve));
      // then: no error escaped, every fired timer was committed, and the engine refuses new work
      expect(failures).toEqual([]);
      const started = h.records.filter((r) => r.valueType === 'TIMER' && r.intent === 'TRIGGERED');
      // coverage watch on the 2nd of April to August, follow-up sampling on the 1st of April to September
      expect(started).toHaveLength(11);
      expect(h.engine.health()).toEqual({ status: 'DOWN', details: 'the engine is closed' });
      await expect(h.create('coverage-watch')).rejects.toThrow('The engine is closed');
    } finally {
      process.off('uncaughtException', onError);
      process.off('unhandledRejection', onError);
    }
  });
});
