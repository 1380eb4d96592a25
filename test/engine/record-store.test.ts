import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type EngineRecord } from '../../src/engine/api';
import { RecordStore } from '../../src/engine/store/record-store';

function record(position: number, value: EngineRecord['value'], recordVersion = 1): EngineRecord {
  return {
    position, key: String(1000 + position), timestamp: 1_700_000_000_000 + position, recordType: 'EVENT', valueType: 'PROCESS_INSTANCE',
    intent: 'ELEMENT_ACTIVATED', recordVersion, value,
  };
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

  it('keeps each record version', () => {
    // given
    const store = new RecordStore({ dataDir: '', durability: 'memory' });
    const records = [record(1, { elementId: 'a' }), record(2, { elementId: 'b' }, 2)];

    // when
    store.db.transaction(() => store.append(records, {}))();

    // then
    expect([...store.read()].map((r) => r.recordVersion)).toEqual([1, 2]);
    void store.close();
  });

  it('gives the records of a log written before record versions version 1', async () => {
    // given a log of the earlier layout, without the record_version column
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'record-store-'));
    const old = new Database(path.join(dataDir, 'engine.db'));
    old.exec(`CREATE TABLE engine_records (position INTEGER PRIMARY KEY, record_key TEXT NOT NULL, timestamp INTEGER NOT NULL,
      record_type TEXT NOT NULL, value_type TEXT NOT NULL, intent TEXT NOT NULL, rejection_type TEXT, rejection_reason TEXT, value TEXT NOT NULL)`);
    old.prepare(`INSERT INTO engine_records (position, record_key, timestamp, record_type, value_type, intent, value)
      VALUES (1, '1001', 1700000000001, 'EVENT', 'PROCESS_INSTANCE', 'ELEMENT_ACTIVATED', '{"elementId":"检查"}')`).run();
    old.close();

    // when the store opens it and appends a record of the current layout
    const store = new RecordStore({ dataDir, durability: 'normal' });
    store.db.transaction(() => store.append([record(2, { elementId: '整改' })], {}))();

    // then the old record reads as version 1, next to the new one
    expect([...store.read()]).toEqual([record(1, { elementId: '检查' }), record(2, { elementId: '整改' })]);
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
