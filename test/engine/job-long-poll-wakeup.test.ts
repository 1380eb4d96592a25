import { type ActivatedJob } from '../../src/engine/api';
import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

/** Waits for one engine round trip: a command that is rejected without records still passes through the queue. */
async function roundTrip(h: EngineHarness): Promise<void> {
  await h.engine.completeJob('2251799813685999').catch(() => undefined);
}

describe('job long polling', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
    await h.deploy(bpmn('p').start().serviceTask('task', { type: 'work' }).end());
  });
  afterEach(() => h.close());

  it('answers a waiting poll at once when the job is created in the same batch as the poll\'s own activation', async () => {
    // given: a long poll that finds nothing, followed in the same batch by a rejected command; when that command is
    // answered, the poll has just registered and queued its activation, so the next command joins that batch
    let answered: ActivatedJob[] | undefined;
    const poll = h.engine.activateJobs({ type: 'work', worker: 'w', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: 60_000 });
    void poll.then((jobs) => (answered = jobs));
    // when: the job is created right behind the poll's (empty) activation
    const created = h.engine.completeJob('2251799813685999').catch(() => h.create('p'));
    const pi = await created;
    await roundTrip(h);
    await roundTrip(h);
    // then: the poll has the job long before its request timeout
    expect(answered).toHaveLength(1);
    expect(answered?.[0].processInstanceKey).toBe(pi);
  });
});
