import { type Projection } from '../../src/engine/api';
import { bpmn } from './support/bpmn-builder';
import { EngineHarness } from './support/harness';

describe('engine life cycle', () => {
  it('applies projections in the write transaction, so a search right after the command sees the change', async () => {
    // given
    const projection: Projection = {
      name: 'instances',
      setup: (db) => db.exec('CREATE TABLE IF NOT EXISTS test_instances (key TEXT PRIMARY KEY, state TEXT)'),
      apply: (records, db) => {
        const upsert = db.prepare('INSERT INTO test_instances (key, state) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET state = excluded.state');
        for (const r of records) if (r.valueType === 'PROCESS_INSTANCE' && r.value.bpmnElementType === 'PROCESS') upsert.run(r.key, r.intent);
      },
    };
    const h = await EngineHarness.start({ projections: [projection] });
    await h.deploy(bpmn('p').start().serviceTask('t', { type: 'w' }).end());
    // when
    const pi = await h.create('p');
    // then
    expect(h.engine.database().prepare('SELECT state FROM test_instances WHERE key = ?').get(pi)).toEqual({ state: 'ELEMENT_ACTIVATED' });
    await h.close();
  });

  it('goes DOWN when a batch cannot be written, and refuses further commands', async () => {
    // given
    let fail = false;
    const projection: Projection = {
      name: 'flaky',
      setup: () => undefined,
      apply: () => {
        if (fail) throw new Error('disk full');
      },
    };
    const h = await EngineHarness.start({ projections: [projection] });
    await h.deploy(bpmn('p').start().end());
    // when
    fail = true;
    const result = h.create('p');
    // then
    await expect(result).rejects.toThrow(/engine is down/);
    expect(h.engine.health()).toEqual({ status: 'DOWN', details: expect.stringContaining('disk full') });
    await expect(h.create('p')).rejects.toThrow(/engine is down/);
    await h.close();
  });

  it('purges all data in controlled-clock mode and starts keys afresh', async () => {
    // given
    const h = await EngineHarness.start();
    const first = await h.deploy(bpmn('p').start().serviceTask('t', { type: 'w' }).end());
    await h.create('p');
    // when
    await h.engine.purge();
    // then
    await expect(h.create('p')).rejects.toMatchObject({ rejectionType: 'NOT_FOUND' });
    const again = await h.deploy(bpmn('p').start().end());
    expect(again.processes[0].version).toBe(1);
    expect(again.deploymentKey).toBe(first.deploymentKey);
    expect(await h.activate('w')).toEqual([]);
    await h.close();
  });
});
