import Database from 'better-sqlite3';
import { readModels } from '../../../src/engine/projections';
import { runSearch, searchRequestSchema, type SearchRequest } from '../../../src/engine/read-model/search';
import { processInstanceSearch } from '../../../src/engine/read-model/specs/process-instances';
import { userTaskSearch } from '../../../src/engine/read-model/specs/user-tasks';
import { event, processInstance, userTask, variable } from './records';

function freshDb() {
  const db = new Database(':memory:');
  const projection = readModels();
  projection.setup(db);
  return { db, apply: (...records: Parameters<typeof projection.apply>[0]) => projection.apply(records, db) };
}

const search = <R, I>(db: Database.Database, spec: Parameters<typeof runSearch<R, I>>[1], body: unknown) =>
  runSearch(db, spec, searchRequestSchema(spec as never).parse(body) as SearchRequest);

describe('read models', () => {
  it('tracks a process instance from start to completion with its incident flag', () => {
    // given
    const { db, apply } = freshDb();
    apply(processInstance('ELEMENT_ACTIVATING', '1', {}, 1_700_000_000_000));
    apply(
      event('INCIDENT', 'CREATED', '50', {
        errorType: 'JOB_NO_RETRIES', errorMessage: 'boom', bpmnProcessId: 'inspection', processDefinitionKey: '100',
        processInstanceKey: '1', elementId: 'task', elementInstanceKey: '2', variableScopeKey: '2', jobKey: '3', tenantId: '<default>',
      }),
    );
    // when
    const withIncident = search(db, processInstanceSearch, { filter: { hasIncident: true } });
    apply(event('INCIDENT', 'RESOLVED', '50', {}), processInstance('ELEMENT_COMPLETED', '1', {}, 1_700_000_005_000));
    const completed = search(db, processInstanceSearch, { filter: { state: 'COMPLETED' } });
    // then
    expect(withIncident.items).toEqual([expect.objectContaining({ processInstanceKey: '1', hasIncident: true, state: 'ACTIVE' })]);
    expect(completed.items).toEqual([
      expect.objectContaining({ processInstanceKey: '1', hasIncident: false, endDate: '2023-11-14T22:13:25.000Z' }),
    ]);
  });

  it('finds instances by variable value and by $or over definitions', () => {
    // given
    const { db, apply } = freshDb();
    apply(processInstance('ELEMENT_ACTIVATING', '1'), variable('11', 'district', '坛山街道', '1'));
    apply(processInstance('ELEMENT_ACTIVATING', '2', { bpmnProcessId: 'rectification' }), variable('12', 'district', '榴园镇', '2'));
    apply(processInstance('ELEMENT_ACTIVATING', '3', { bpmnProcessId: 'other' }));
    // when
    const byVariable = search(db, processInstanceSearch, { filter: { variables: [{ name: 'district', value: '"榴园镇"' }] } });
    const byOr = search(db, processInstanceSearch, {
      filter: { $or: [{ processDefinitionId: 'inspection' }, { processDefinitionId: { $like: 'rect*' } }] },
      sort: [{ field: 'processInstanceKey', order: 'DESC' }],
    });
    // then
    expect(byVariable.items.map((i) => i.processInstanceKey)).toEqual(['2']);
    expect(byOr.items.map((i) => i.processInstanceKey)).toEqual(['2', '1']);
    expect(byOr.page.totalItems).toBe(2);
  });

  it('pages forwards and backwards with cursors', () => {
    // given
    const { db, apply } = freshDb();
    for (let i = 1; i <= 5; i++) apply(processInstance('ELEMENT_ACTIVATING', String(i), {}, 1_700_000_000_000 + (i % 2) * 1000));
    const body = { sort: [{ field: 'startDate', order: 'ASC' }], page: { limit: 2 } };
    // when
    const first = search(db, processInstanceSearch, body);
    const second = search(db, processInstanceSearch, { ...body, page: { limit: 2, after: first.page.endCursor } });
    const third = search(db, processInstanceSearch, { ...body, page: { limit: 2, after: second.page.endCursor } });
    const back = search(db, processInstanceSearch, { ...body, page: { limit: 2, before: third.page.startCursor } });
    // then: even keys start earlier, then odd ones; the key breaks ties
    expect([first, second, third].flatMap((p) => p.items.map((i) => i.processInstanceKey))).toEqual(['2', '4', '1', '3', '5']);
    expect(back.items.map((i) => i.processInstanceKey)).toEqual(['1', '3']);
    expect(first.page.totalItems).toBe(5);
  });

  it('searches user tasks by candidate group, assignee and state through their life cycle', () => {
    // given
    const { db, apply } = freshDb();
    apply(userTask('CREATED', '7', { candidateGroupsList: ['inspectors', 'leaders'] }));
    apply(userTask('CREATED', '8', { candidateGroupsList: ['clerks'], elementInstanceKey: '901' }));
    apply(userTask('ASSIGNING', '7', { assignee: 'zhang' }), userTask('ASSIGNED', '7', { assignee: 'zhang' }));
    apply(userTask('COMPLETING', '8'), userTask('COMPLETED', '8'));
    // when
    const byGroup = search(db, userTaskSearch, { filter: { candidateGroup: 'inspectors', state: 'CREATED' } });
    const byAssignee = search(db, userTaskSearch, { filter: { assignee: { $in: ['zhang', 'li'] } } });
    const done = search(db, userTaskSearch, { filter: { state: 'COMPLETED' } });
    // then
    expect(byGroup.items).toEqual([
      expect.objectContaining({ userTaskKey: '7', assignee: 'zhang', candidateGroups: ['inspectors', 'leaders'], name: '审核' }),
    ]);
    expect(byAssignee.items.map((t) => t.userTaskKey)).toEqual(['7']);
    expect(done.items).toEqual([expect.objectContaining({ userTaskKey: '8', completionDate: expect.any(String) })]);
  });

  it('rejects unknown filter fields, operators of the wrong kind and foreign cursors', () => {
    // given
    const schema = searchRequestSchema(processInstanceSearch as never);
    // when / then
    expect(schema.safeParse({ filter: { colour: 'red' } }).success).toBe(false);
    expect(schema.safeParse({ filter: { processDefinitionVersion: { $like: '1*' } } }).success).toBe(false);
    expect(schema.safeParse({ filter: { state: 'RUNNING' } }).success).toBe(false);
    expect(schema.safeParse({ page: { from: 1, after: 'x' } }).success).toBe(false);
    const { db } = freshDb();
    expect(() => search(db, processInstanceSearch, { page: { after: 'bm90LWEtY3Vyc29y' } })).toThrow(/not a cursor/);
  });
});
