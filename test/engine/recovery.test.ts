import { EngineState } from '../../src/engine/state/engine-state';
import { decodeInto, encodeState } from '../../src/engine/state/state-codec';
import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

describe('restart recovery', () => {
  it('recovers instances, jobs and deadlines, timers (overdue fire at once), buffered messages and incidents', async () => {
    // given
    let h = await EngineHarness.start({ durability: 'full' });
    await h.deploy(
      bpmn('work').start().serviceTask('task', { type: 'work' }).end(),
      bpmn('wait').start().timerCatch('t', { duration: 'PT1H' }).end(),
      bpmn('msg').start().messageCatch('m', 'hello', '=k').end(),
      bpmn('broken').start().exclusiveGateway('gw').condition('=x > 1').end('e1').from('gw').condition('=x < 1').end('e2'),
    );
    const working = await h.create('work');
    const activated = await h.activateOne('work', { timeout: 60_000 });
    const waiting = await h.create('wait');
    await h.engine.publishMessage({ name: 'hello', correlationKey: 'k1', timeToLive: 7_200_000, variables: { greeting: '你好' } });
    const broken = await h.create('broken', { x: 1 });
    const before = h.engine.stateSnapshot();
    // when
    h = await h.restart();
    // then
    expect(h.engine.stateSnapshot()).toEqual(before);
    h.advance(3_600_000);
    await h.awaitCompleted(waiting);
    await h.awaitRecord({ valueType: 'JOB', intent: 'TIMED_OUT', key: activated.key });
    const msg = await h.create('msg', { k: 'k1' });
    await h.awaitCompleted(msg);
    await h.completeJobOf('work');
    await h.awaitCompleted(working);
    const [incident] = h.incidents(broken);
    expect(incident).toBeUndefined();
    await h.engine.setVariables({ elementInstanceKey: broken, variables: { x: 2 } });
    const incidentKey = Object.keys(h.engine.stateSnapshot().incidents as object)[0];
    await h.engine.resolveIncident(incidentKey);
    await h.awaitCompleted(broken);
    await h.close();
  });

  it('continues key generation after a restart without reusing keys', async () => {
    // given
    let h = await EngineHarness.start({ durability: 'full' });
    await h.deploy(bpmn('p').start().serviceTask('t', { type: 'w' }).end());
    const first = await h.create('p');
    // when
    h = await h.restart();
    const second = await h.create('p');
    // then
    expect(BigInt(second)).toBeGreaterThan(BigInt(first));
    expect(h.engine.database().prepare('SELECT COUNT(*) AS n FROM engine_records').get()).toMatchObject({ n: expect.any(Number) });
    await h.close();
  });
});

describe('snapshots', () => {
  it('recovers from the closing snapshot plus the records written after it, equal to a full replay', async () => {
    // given
    let h = await EngineHarness.start({ durability: 'full' });
    await h.deploy(bpmn('p').start().serviceTask('a', { type: 'a' }).userTask('u').timerCatch('t', { duration: 'PT1M' }).end());
    await h.create('p', { n: 1 });
    await h.completeJobOf('a', { fromA: true });
    h = await h.restart();
    // when
    await h.create('p', { n: 2 });
    const [task] = Object.keys(h.engine.stateSnapshot().userTasks as object);
    await h.engine.completeUserTask(task, { ok: 1 });
    // then
    const stored = h.engine.database().prepare('SELECT position FROM engine_snapshot').get() as { position: number };
    expect(stored.position).toBeGreaterThan(0);
    expect(h.engine.recoverySnapshot()).toEqual(h.engine.stateSnapshot());
    expect(h.engine.replaySnapshot()).toEqual(h.engine.stateSnapshot());
    await h.close();
  });

  it('encodes large collections in chunks and decodes nested maps and sets', () => {
    // given
    const graphs = { resolve: () => { throw new Error('no graphs needed'); } };
    const state = new EngineState(graphs);
    for (let i = 0; i < 12_345; i++) state.variables.set(String(i), new Map([['v', String(i)]]));
    state.activatableByType.set('work', new Set(['1', '2']));
    // when
    const { shape, chunks } = encodeState(state);
    const restored = new EngineState(graphs);
    const used = decodeInto(restored, shape, chunks);
    // then
    expect(used).toBe(true);
    expect(chunks.filter((c) => c.field === 'variables')).toHaveLength(3);
    expect(restored.snapshot()).toEqual(state.snapshot());
  });

  it('ignores a snapshot written for a different state shape', () => {
    // given
    const state = new EngineState({ resolve: () => { throw new Error('no graphs needed'); } });
    const { chunks } = encodeState(state);
    // when
    const used = decodeInto(state, 'processes', chunks);
    // then
    expect(used).toBe(false);
  });
});
