import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { InvalidQuery } from '../../../src/engine/api';
import { readModels } from '../../../src/engine/projections';
import { openReadModel, type OpenReadModel } from '../../../src/engine/read-model';
import { cachedStatement } from '../../../src/engine/read-model/statement-cache';
import { processInstance, userTask } from './records';

describe('the read model', () => {
  let dir: string;
  let writer: Database.Database;
  let reads: OpenReadModel;
  const projection = readModels();

  beforeEach(() => {
    // given the engine's database as a WAL file with the read-model tables, and the read model opened over it
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-model-'));
    writer = new Database(path.join(dir, 'engine.db'));
    writer.pragma('journal_mode = WAL');
    projection.setup(writer);
    reads = openReadModel(writer);
  });
  afterEach(() => {
    reads.close();
    writer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a file database on a read-only connection of its own that sees what the engine commits', () => {
    // when the engine commits a process instance
    writer.transaction(() => projection.apply([processInstance('ELEMENT_ACTIVATING', '7')], writer))();

    // then the read model answers it from a connection that cannot write
    expect(reads.connection).not.toBe(writer);
    expect(reads.connection.readonly).toBe(true);
    expect(() => reads.connection.exec('DELETE FROM rm_process_instance')).toThrow(/readonly/);
    expect(reads.model.searchProcessInstances({}).items).toEqual([expect.objectContaining({ processInstanceKey: '7', state: 'ACTIVE' })]);
    expect(reads.model.getProcessInstance('7')).toMatchObject({ processInstanceKey: '7' });
    expect(reads.model.getProcessInstance('8')).toBeUndefined();
  });

  it('refuses a writing statement also on the engine connection of an in-memory database', () => {
    // given an in-memory database, which a second connection cannot open
    const memory = new Database(':memory:');
    projection.setup(memory);
    const shared = openReadModel(memory);

    // when a writing statement is prepared through the read model's statement cache / then it is refused
    expect(shared.connection).toBe(memory);
    expect(() => cachedStatement(memory, 'DELETE FROM rm_process_instance')).toThrow(/only reads/);
    expect(cachedStatement(memory, 'SELECT count(*) AS n FROM rm_process_instance').get()).toEqual({ n: 0 });
    memory.close();
  });

  it('answers pages without the sort columns its cursors are made of', () => {
    // given three user tasks
    writer.transaction(() => projection.apply(['1', '2', '3'].map((key) => userTask('CREATED', key)), writer))();

    // when paging by two, sorted by creation date
    const first = reads.model.searchUserTasks({ sort: [{ field: 'creationDate', order: 'DESC' }], page: { limit: 2 } });
    const next = reads.model.searchUserTasks({ sort: [{ field: 'creationDate', order: 'DESC' }], page: { limit: 2, after: first.page.endCursor } });

    // then the items carry Camunda's fields only, and the cursor leads to the rest
    expect(first.items).toHaveLength(2);
    for (const item of [...first.items, ...next.items]) expect(Object.keys(item).filter((k) => k.startsWith('_'))).toEqual([]);
    expect([...first.items, ...next.items].map((t) => t.userTaskKey).sort()).toEqual(['1', '2', '3']);
  });

  it('refuses an unknown filter field and a cursor of another search with InvalidQuery', () => {
    // when / then
    const unknownField = (() => {
      try {
        reads.model.searchJobs({ filter: { 检查单位: 'x' } });
      } catch (err) {
        return err;
      }
    })();
    expect(unknownField).toBeInstanceOf(InvalidQuery);
    expect((unknownField as InvalidQuery).issues).toEqual([expect.objectContaining({ path: ['filter'] })]);
    expect(() => reads.model.searchIncidents({ page: { after: 'bm90IGEgY3Vyc29y' } })).toThrow(InvalidQuery);
  });
});
