import Database from 'better-sqlite3';
import { readModels } from '../../../src/engine/projections';
import { runSearch, searchRequestSchema, type SearchRequest } from '../../../src/engine/read-model/search';
import { userTaskSearch } from '../../../src/engine/read-model/specs/user-tasks';
import { userTask } from './records';

interface Executed {
  sql: string;
  params: unknown[];
}

/** A read-model database that records every statement a search runs, with its parameters. */
function recordingDb() {
  const db = new Database(':memory:');
  const projection = readModels();
  projection.setup(db);
  const executed: Executed[] = [];
  const prepare = db.prepare.bind(db);
  const spy = jest.spyOn(db, 'prepare').mockImplementation(((sql: string) => {
    const statement = prepare(sql);
    const all = statement.all.bind(statement);
    const get = statement.get.bind(statement);
    statement.all = ((...params: unknown[]) => (executed.push({ sql, params }), all(...params))) as typeof statement.all;
    statement.get = ((...params: unknown[]) => (executed.push({ sql, params }), get(...params))) as typeof statement.get;
    return statement;
  }) as typeof db.prepare);
  return { db, executed, apply: (...records: Parameters<typeof projection.apply>[0]) => projection.apply(records, db), stopRecording: () => spy.mockRestore() };
}

const planOf = (db: Database.Database, { sql, params }: Executed): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(' | ');

const search = (db: Database.Database, body: unknown) =>
  runSearch(db, userTaskSearch, searchRequestSchema(userTaskSearch as never).parse(body) as SearchRequest);

describe('user-task search plans', () => {
  it('finds open tasks of a candidate group newest first through indexes, without reading the JSON lists or sorting', () => {
    // given
    const { db, executed, apply, stopRecording } = recordingDb();
    apply(userTask('CREATED', '7', { candidateGroupsList: ['unit:370404101'] }));
    // when
    search(db, { filter: { state: 'CREATED', candidateGroup: 'unit:370404101' }, sort: [{ field: 'creationDate', order: 'DESC' }], page: { from: 50, limit: 50 } });
    stopRecording();
    // then: one count and one page statement, neither scanning the tasks, walking JSON or sorting in a temporary tree
    const plans = executed.map((statement) => planOf(db, statement));
    expect(plans).toHaveLength(2);
    for (const plan of plans) {
      expect(plan).not.toMatch(/SCAN t\b/);
      expect(plan).not.toMatch(/VIRTUAL TABLE/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
      expect(plan).toMatch(/rm_user_task_candidate|SEARCH c /);
    }
    expect(plans[0]).toBe('SEARCH c USING COVERING INDEX rm_utc_state (kind=? AND value=? AND state=?)');
    expect(plans[1]).toMatch(/USING INDEX rm_ut_state_created \(state=\?\)/);
  });

  it('keeps the candidate members and their state in step with updates, so that searches and counts follow them', () => {
    // given
    const { db, apply } = recordingDb();
    apply(userTask('CREATED', '7', { candidateGroupsList: ['inspectors', 'leaders'], candidateUsersList: ['wang'] }));
    apply(userTask('CREATED', '8', { candidateGroupsList: ['clerks'] }));
    // when
    apply(userTask('UPDATED', '7', { candidateGroupsList: ['clerks'], candidateUsersList: [], changedAttributes: ['candidateGroupsList', 'candidateUsersList'] }));
    // then
    const keys = (body: unknown) => search(db, body).items.map((item) => item.userTaskKey);
    expect(keys({ filter: { candidateGroup: 'inspectors' } })).toEqual([]);
    expect(keys({ filter: { candidateGroup: 'clerks' } })).toEqual(['7', '8']);
    expect(keys({ filter: { candidateGroup: { $like: 'cl*' } } })).toEqual(['7', '8']);
    expect(keys({ filter: { candidateGroup: { $in: ['leaders', 'clerks'] } }, sort: [{ field: 'creationDate', order: 'DESC' }] }))
      .toEqual(['7', '8']);
    expect(keys({ filter: { candidateUser: 'wang' } })).toEqual([]);
    expect(search(db, { filter: { candidateGroup: 'clerks' } }).page.totalItems).toBe(2);
    apply(userTask('COMPLETED', '8'));
    const total = (filter: unknown) => search(db, { filter }).page.totalItems;
    expect(total({ state: 'CREATED', candidateGroup: 'clerks' })).toBe(1);
    expect(total({ state: { $eq: 'CREATED' }, candidateGroup: 'clerks' })).toBe(1);
    expect(total({ state: 'COMPLETED', candidateGroup: 'clerks' })).toBe(1);
    expect(total({ state: 'CREATED', candidateGroup: 'inspectors' })).toBe(0);
    expect(search(db, { filter: { candidateGroup: 'clerks' } }).items[0].candidateGroups).toEqual(['clerks']);
  });

  it('fills the candidate members of a database written before they were kept', () => {
    // given: a database whose tasks carry their groups only as JSON lists
    const { db, apply } = recordingDb();
    apply(userTask('CREATED', '7', { candidateGroupsList: ['inspectors'], candidateUsersList: ['wang'] }));
    db.exec('DROP TABLE rm_user_task_candidate');
    // when
    readModels().setup(db);
    // then
    const keys = (body: unknown) => search(db, body).items.map((item) => item.userTaskKey);
    expect(keys({ filter: { candidateGroup: 'inspectors' } })).toEqual(['7']);
    expect(keys({ filter: { candidateUser: 'wang' } })).toEqual(['7']);
  });
});
