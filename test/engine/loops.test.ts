// A loop without wait states neither holds the engine nor fails the command that started it: the instance goes on
// in follow-up commands of bounded size, other commands run in between, and after LOOP_LIMIT rounds without a rest
// the instance stops with an incident that an operator can resolve (it goes on) or end by cancelling.
import path from 'node:path';
import Database from 'better-sqlite3';
import { LOOP_LIMIT, STEP_BUDGET } from '../../src/engine/processing/context';
import { bpmn } from './support/bpmn-builder';
import { chain, definitions, end, process, resource, start } from './fixtures/xml';
import { EngineHarness } from './support/harness';

/** Counts `n` up to `limit` through a task and a gateway, with no wait state in between. */
const spin = bpmn('spin').start()
  .task('again', { outputs: [['=n + 1', 'n']] })
  .exclusiveGateway('gw').condition('=n < limit').to('again')
  .from('gw').condition('=n >= limit').end();

describe('loops without wait states', () => {
  let h: EngineHarness;
  beforeEach(async () => {
    h = await EngineHarness.start();
    await h.deploy(spin);
  });
  afterEach(() => h.close());

  it('runs a long loop in follow-up commands while other commands are answered in between', async () => {
    // given a loop of more rounds than one command may run steps (two each), but fewer than the loop limit
    const rounds = 300;
    expect(2 * rounds).toBeGreaterThan(STEP_BUDGET);
    expect(rounds).toBeLessThan(LOOP_LIMIT);

    // when the instance is created and a message is published right after
    const pi = await h.create('spin', { n: 0, limit: rounds });
    await h.engine.publishMessage({ name: 'meanwhile', correlationKey: 'k', timeToLive: 60_000 });

    // then the instance completes with every round counted, and the message was written before it completed
    const completed = await h.awaitCompleted(pi);
    const published = h.find({ valueType: 'MESSAGE', intent: 'PUBLISHED' })[0];
    expect(published.position).toBeLessThan(completed.position);
    expect(h.find({ valueType: 'VARIABLE', intent: 'UPDATED' }).filter((r) => r.value.name === 'n').at(-1)?.value.value).toBe(String(rounds));
    expect(h.incidents(pi)).toEqual([]);
  });

  it('stops an endless loop with an incident; resolving it lets the loop go on, cancelling ends it', async () => {
    // given an instance that would count for ever
    const pi = await h.create('spin', { n: 0, limit: 1e12 });

    // when it has run LOOP_LIMIT rounds
    const first = await h.awaitRecord({ valueType: 'INCIDENT', intent: 'CREATED' }, 60_000);

    // then it waits at an incident that says why, after exactly that many rounds, and the engine is UP
    expect(first.value).toMatchObject({ errorType: 'UNKNOWN', processInstanceKey: pi, elementId: 'again' });
    expect(first.value.errorMessage).toContain(`activated 'again' more than ${LOOP_LIMIT} times without one`);
    expect(h.engine.health().status).toBe('UP');
    expect(h.variables(pi).n).toBe(LOOP_LIMIT);

    // when the incident is resolved, the loop goes on for as many rounds until the next incident
    await h.engine.resolveIncident(first.key);
    const [, second] = await h.awaitCount({ valueType: 'INCIDENT', intent: 'CREATED' }, 2, 60_000);
    expect(h.variables(pi).n).toBe(2 * LOOP_LIMIT);
    expect(second.value.elementInstanceKey).not.toBe(first.value.elementInstanceKey);

    // and cancelling ends the instance
    await h.engine.cancelProcessInstance(pi);
    await h.awaitRecord({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED', key: pi });
  }, 120_000);

  it('goes on after a restart when the engine stopped between a command and its follow-up command', async () => {
    // given a durable engine that wrote the first batch of a long loop, and then stopped before the follow-up batch
    // was written (the log is cut back to the end of the first batch, as a crash at that moment leaves it)
    const durable = await EngineHarness.start({ durability: 'full' });
    await durable.deploy(spin);
    const batches: number[] = [];
    durable.engine.onRecords((records) => batches.push(records[records.length - 1].position));
    const pi = await durable.create('spin', { n: 0, limit: 300 });
    await durable.awaitCompleted(pi);
    const firstBatchEnd = batches[0];
    await durable.stop();
    const db = new Database(path.join(durable.dataDir as string, 'engine.db'));
    db.prepare('DELETE FROM engine_records WHERE position > ?').run(firstBatchEnd);
    db.exec('DELETE FROM engine_snapshot; DELETE FROM engine_snapshot_chunks;');
    db.close();

    // when the engine starts again
    const restarted = await EngineHarness.start({ durability: 'full', dataDir: durable.dataDir });

    // then the instance goes on from where the first batch left it and completes every round
    await restarted.awaitCompleted(pi);
    expect(restarted.find({ valueType: 'VARIABLE', intent: 'UPDATED' }).filter((r) => r.value.name === 'n').at(-1)?.value.value).toBe('300');
    await restarted.close();
  }, 60_000);

  it('runs a multi-instance of more items than the loop limit without wait states and without an incident', async () => {
    // given a parallel multi-instance plain task over more items than the loop limit
    const items = Array.from({ length: LOOP_LIMIT + 200 }, (_, i) => i);
    await h.deploy(resource('many.bpmn', definitions(process('many', `${start()}<bpmn:task id="each"><bpmn:multiInstanceLoopCharacteristics>
      <bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="item"/></bpmn:extensionElements>
      </bpmn:multiInstanceLoopCharacteristics></bpmn:task>${end()}${chain('start', 'each', 'end')}`))));

    // when an instance runs them all
    const pi = await h.create('many', { items });

    // then it completes without an incident
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'INCIDENT' })).toEqual([]);
  }, 60_000);
});
