import { Rejection } from '../../src/engine/api';
import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

const oneTask = bpmn('p').start().serviceTask('task', { type: 'work', retries: 2 }).end();

describe('A2 job life cycle', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
    await h.deploy(oneTask);
  });
  afterEach(() => h.close());

  it('rejects activation with invalid arguments using Zeebe texts', async () => {
    // when / then
    await expect(h.engine.activateJobs({ type: 'work', worker: 'w', timeout: 1000, maxJobsToActivate: 0, requestTimeout: -1 }))
      .rejects.toThrow("Expected to activate job batch with max jobs to activate to be greater than zero, but it was '0'");
    await expect(h.engine.activateJobs({ type: 'work', worker: 'w', timeout: 0, maxJobsToActivate: 1, requestTimeout: -1 }))
      .rejects.toThrow("Expected to activate job batch with timeout to be greater than zero, but it was '0'");
    await expect(h.engine.activateJobs({ type: ' ', worker: 'w', timeout: 1, maxJobsToActivate: 1, requestTimeout: -1 }))
      .rejects.toThrow('Expected to activate job batch with type to be present, but it was blank');
  });

  it('activates oldest jobs first, fetches only requested variables and sets the deadline', async () => {
    // given
    await h.create('p', { a: 1, b: 2 });
    await h.create('p', { a: 3, b: 4 });
    // when
    const jobs = await h.activate('work', 1, { fetchVariable: ['a', 'missing'], timeout: 5000 });
    // then
    expect(jobs).toHaveLength(1);
    expect(jobs[0].variables).toEqual({ a: 1 });
    expect(jobs[0].deadline).toBe(h.engine.clock.now() + 5000);
    expect(jobs[0].retries).toBe(2);
  });

  it('answers completing an unknown job with NOT_FOUND', async () => {
    // when
    const error = await h.engine.completeJob('2251799813685999').catch((e: Rejection) => e);
    // then
    expect(error).toBeInstanceOf(Rejection);
    expect(error).toMatchObject({ rejectionType: 'NOT_FOUND', reason: "Expected to complete job with key '2251799813685999', but no such job was found" });
  });

  it('fails with retries left, makes the job activatable again, and raises JOB_NO_RETRIES at zero', async () => {
    // given
    const pi = await h.create('p');
    const job = await h.activateOne('work');
    // when
    await h.engine.failJob(job.key, { retries: 1, errorMessage: 'first' });
    const again = await h.activateOne('work');
    await h.engine.failJob(again.key, { retries: 0, errorMessage: '' });
    // then
    expect(again.key).toBe(job.key);
    const [incident] = h.incidents(pi);
    expect(incident.value).toMatchObject({ errorType: 'JOB_NO_RETRIES', errorMessage: 'No more retries left.', jobKey: job.key, elementId: 'task' });
    await expect(h.engine.completeJob(job.key)).rejects.toThrow(`Expected to complete job with key '${job.key}', but it is in state 'FAILED'`);
    await expect(h.engine.resolveIncident(incident.key)).rejects.toThrow(
      `Expected to resolve incident with key '${incident.key}', but job with key '${job.key}' has no retries left. Please update the job retries and retry resolving the incident`);
  });

  it('resolves a job incident after retries are updated and continues the instance', async () => {
    // given
    const pi = await h.create('p');
    const job = await h.activateOne('work');
    await h.engine.failJob(job.key, { retries: 0, errorMessage: 'boom' });
    const [incident] = h.incidents(pi);
    // when
    await expect(h.engine.updateJobRetries(job.key, 0)).rejects.toThrow(
      `Expected to update retries for job with key '${job.key}' with a positive amount of retries, but the amount given was '0'`);
    await h.engine.updateJobRetries(job.key, 3);
    expect(await h.activate('work')).toEqual([]);
    await h.engine.resolveIncident(incident.key);
    await h.completeJobOf('work');
    // then
    await h.awaitCompleted(pi);
    expect(incident.value.errorMessage).toBe('boom');
  });

  it('keeps a failed job in back-off until the time elapsed', async () => {
    // given
    await h.create('p');
    const job = await h.activateOne('work');
    // when
    await h.engine.failJob(job.key, { retries: 1, retryBackOff: 30_000 });
    const during = await h.activate('work');
    h.advance(30_000);
    await h.awaitRecord({ valueType: 'JOB', intent: 'RECURRED_AFTER_BACKOFF', key: job.key });
    // then
    expect(during).toEqual([]);
    expect((await h.activateOne('work')).key).toBe(job.key);
  });

  it('times out an activated job after its deadline, retries unchanged', async () => {
    // given
    await h.create('p');
    const job = await h.activateOne('work', { timeout: 10_000 });
    // when
    h.advance(10_001);
    await h.awaitRecord({ valueType: 'JOB', intent: 'TIMED_OUT', key: job.key });
    // then
    const again = await h.activateOne('work');
    expect(again).toMatchObject({ key: job.key, retries: 2 });
  });

  it('moves the deadline with updateJobTimeout', async () => {
    // given
    await h.create('p');
    const job = await h.activateOne('work', { timeout: 1000 });
    // when
    await h.engine.updateJobTimeout(job.key, 60_000);
    h.advance(2000);
    // then
    await h.engine.setVariables({ elementInstanceKey: job.processInstanceKey, variables: { tick: 1 } });
    expect(h.find({ valueType: 'JOB', intent: 'TIMED_OUT' })).toEqual([]);
    expect(h.find({ valueType: 'JOB', intent: 'TIMEOUT_UPDATED', key: job.key })[0].value.deadline).toBe(h.engine.clock.now() - 2000 + 60_000);
  });

  it('truncates long error messages to 10000 characters plus dots', async () => {
    // given
    const pi = await h.create('p');
    const job = await h.activateOne('work');
    // when
    await h.engine.failJob(job.key, { retries: 0, errorMessage: 'x'.repeat(12_000) });
    // then
    expect(h.incidents(pi)[0].value.errorMessage).toBe(`${'x'.repeat(10_000)}...`);
  });

  it('long-polls until a job is created', async () => {
    // given
    const polling = h.engine.activateJobs({ type: 'work', worker: 'w', timeout: 1000, maxJobsToActivate: 5, requestTimeout: 5000 });
    // when
    const pi = await h.create('p');
    // then
    const jobs = await polling;
    expect(jobs.map((j) => j.processInstanceKey)).toEqual([pi]);
  });

  it('pushes jobs to an open stream; a refused job is yielded and pushed again with the next round', async () => {
    // given
    const refused: string[] = [];
    const accepted: string[] = [];
    let accept = false;
    let bothDelivered: () => void = () => undefined;
    const delivered = new Promise<void>((resolve) => (bothDelivered = resolve));
    const close = h.engine.openJobStream({ type: 'work', worker: 'stream', timeout: 30_000 }, { push: (job) => {
      (accept ? accepted : refused).push(job.key);
      if (accepted.length === 2) bothDelivered();
      return accept;
    } });
    // when
    await h.create('p');
    const yielded = await h.awaitRecord({ valueType: 'JOB', intent: 'YIELDED' });
    accept = true;
    const second = await h.create('p');
    await delivered;
    close();
    // then
    const secondJob = h.find({ valueType: 'JOB', intent: 'CREATED', value: { processInstanceKey: second } })[0];
    expect(refused).toEqual([yielded.key]);
    expect(accepted.sort()).toEqual([yielded.key, secondJob.key].sort());
    expect(await h.activate('work')).toEqual([]);
  });
});

describe('job streams', () => {
  it('treats a stream that throws like a refusal: the job is yielded and can be activated by polling', async () => {
    // given
    const h = await EngineHarness.start();
    await h.deploy(bpmn('p').start().serviceTask('task', { type: 'work' }).end());
    const close = h.engine.openJobStream({ type: 'work', worker: 'broken', timeout: 10_000 }, { push: () => { throw new Error('socket closed'); } });
    // when
    const pi = await h.create('p');
    await h.awaitRecord({ valueType: 'JOB', intent: 'YIELDED' });
    close();
    // then
    expect((await h.activateOne('work')).processInstanceKey).toBe(pi);
    await h.close();
  });
});
