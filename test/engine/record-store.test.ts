import { type EngineRecord } from '../../src/engine/api';
import { RecordStore } from '../../src/engine/store/record-store';

function record(position: number, value: EngineRecord['value']): EngineRecord {
  return { position, key: String(1000 + position), timestamp: 1_700_000_000_000 + position, recordType: 'EVENT', valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_ACTIVATED', value };
}

describe('RecordStore', () => {
  it('writes a batch larger than one multi-row statement completely and in order', () => {
    // given
    const store = new RecordStore({ dataDir: '', durability: 'memory' });
    const records = Array.from({ length: 70 }, (_, i) => record(i + 1, { elementId: `task-${i + 1}` }));

    // when
    store.db.transaction(() => store.append(records, { nextKey: '42' }))();

    // then
    expect([...store.read()]).toEqual(records);
    expect(store.lastPosition()).toBe(70);
    expect(store.meta('nextKey')).toBe('42');
    store.close();
  });

  it('stores each record that shares a value object with others with that value', () => {
    // given
    const store = new RecordStore({ dataDir: '', durability: 'memory' });
    const shared = { elementId: 'start', flowScopeKey: '1001' };
    const records = [record(1, shared), record(2, { elementId: 'other' }), record(3, shared), record(4, shared)];

    // when
    store.db.transaction(() => store.append(records, {}))();

    // then
    expect([...store.read()].map((r) => [r.position, r.value])).toEqual([
      [1, shared], [2, { elementId: 'other' }], [3, shared], [4, shared],
    ]);
    store.close();
  });
});
