import { z } from 'zod';
import { openStore, type Store } from '../../src/db/connect';
import deadline from '../../workers/deadline';
import { backOffMs, TASK_RETRIES } from '../../workers/runtime/run';
import { BpmnError, defineWorker } from '../../workers/runtime/types';
import { WORKERS } from '../../workers/catalog';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { harness, job, type Harness } from '../support/workers';

describe('job runner', () => {
  let store: Store;
  let h: Harness;
  beforeAll(async () => { store = await openStore({ databaseUrl: 'sqlite::memory:' }); h = await harness(store); });
  afterAll(async () => { await h.cleanup(); await store.close(); });

  it('completes with the handler variables', async () => {
    // when
    const outcome = await h.run(deadline, job('yc-deadline', { feedbackAt: '2026-09-16T10:00:00+08:00' },
      { rule: 'calendar-days', amount: '15', from: 'feedbackAt', result: 'reportDue', remindBefore: '3' }));
    // then
    expect(outcome).toEqual({ outcome: 'complete', variables: { reportDue: '2026-10-08T23:59:59+08:00', reportDueReminder: '2026-09-28T09:00:00+08:00' } }); // 3 working days back: 09-30, 09-29, 09-28
  });

  it('fails without retries and names the field when headers or variables are invalid', async () => {
    // when
    const badHeader = await h.run(deadline, job('yc-deadline', {}, { rule: 'fortnights', amount: '2', result: 'x' }));
    const missingVar = await h.run(deadline, job('yc-deadline', {}, { rule: 'months', amount: '2', from: 'feedbackAt', result: 'due' }));
    // then
    expect(badHeader).toMatchObject({ outcome: 'fail', retries: 0 });
    expect((badHeader as { errorMessage: string }).errorMessage).toMatch(/^yc-deadline: invalid task headers: rule: /);
    expect(missingVar).toEqual({ outcome: 'fail', retries: 0, retryBackOffMs: 0,
      errorMessage: 'yc-deadline: variable feedbackAt (start of the period) is missing or not a date' });
  });

  it('maps business outcomes to BPMN errors and technical faults to a retry with back-off', async () => {
    // given
    const flaky = defineWorker({ type: 'yc-test', description: '', input: z.object({}), headers: z.object({}),
      async handle() { throw new Error('connection reset'); } });
    const refused = defineWorker({ type: 'yc-test', description: '', input: z.object({}), headers: z.object({}),
      async handle() { throw new BpmnError('HANDOVER_REFUSED', '不属于本部门职责', { handoverId: 'h1' }); } });
    // when
    const fault = await h.run(flaky, job('yc-test', {}));
    const business = await h.run(refused, job('yc-test', {}));
    // then
    expect(fault).toEqual({ outcome: 'fail', errorMessage: 'yc-test: connection reset', retries: 2, retryBackOffMs: 10_000 });
    expect(business).toEqual({ outcome: 'error', errorCode: 'HANDOVER_REFUSED', errorMessage: '不属于本部门职责', variables: { handoverId: 'h1' } });
  });

  it('backs off 10 s, 20 s, 40 s … (at most 10 minutes) as JOB-TYPES.md says, counted from the diagrams\' retries', async () => {
    // given a job of a task with the diagrams' retries that keeps failing
    const flaky = defineWorker({ type: 'yc-test', description: '', input: z.object({}), headers: z.object({}),
      async handle() { throw new Error('smtp down'); } });
    // when it fails with each number of retries it can still have
    const waits: number[] = [];
    for (let retries = TASK_RETRIES; retries > 0; retries -= 1) {
      const outcome = await h.run(flaky, { ...job('yc-test', {}), retries });
      if (outcome.outcome !== 'fail') throw new Error(`expected a failure, got ${outcome.outcome}`);
      waits.push(outcome.retryBackOffMs);
    }
    // then the first failure waits 10 s, the second 20 s, the last opens an incident at once; longer series double up to 10 min
    expect(waits).toEqual([10_000, 20_000, 0]);
    expect([2, 1, 0, -1].map((left) => backOffMs(left))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(backOffMs(-20)).toBe(600_000);
  });

  it('uses the retries of the back-off in every service task of the diagrams', () => {
    // given every service task's retries in processes/
    const dir = join(__dirname, '../../processes');
    const retries = readdirSync(dir).filter((f) => f.endsWith('.bpmn'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/<zeebe:taskDefinition\b[^>]*>/g)].map((m) => /retries="(\d+)"/.exec(m[0])?.[1] ?? '3'));
    // then they all have the count the back-off is counted from
    expect(retries.length).toBeGreaterThan(0);
    expect(new Set(retries)).toEqual(new Set([String(TASK_RETRIES)]));
  });

  it('has one worker file per job type of JOB-TYPES.md', () => {
    // given
    const contract = readFileSync(join(__dirname, '../../workers/JOB-TYPES.md'), 'utf8');
    const types = [...new Set([...contract.matchAll(/^\| `(yc-[a-z-]+)`/gm)].map((m) => m[1]))].sort();
    // when
    const files = readdirSync(join(__dirname, '../../workers')).filter((f) => f.endsWith('.ts') && !['index.ts', 'catalog.ts'].includes(f));
    // then
    expect(WORKERS.map((w) => w.type).sort()).toEqual(types);
    expect(files.map((f) => `yc-${f.replace(/\.ts$/, '')}`).sort()).toEqual(types);
  });
});
