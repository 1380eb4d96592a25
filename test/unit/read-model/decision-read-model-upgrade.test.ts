import Database from 'better-sqlite3';
import { readModels } from '../../../src/engine/projections';
import { runSearch, searchRequestSchema, type SearchRequest } from '../../../src/engine/read-model/search';
import { decisionDefinitionSearch } from '../../../src/engine/read-model/specs/definitions';
import { event } from './records';

const decision = (key: string, version: number, versionTag: string) =>
  event('DECISION', 'CREATED', key, {
    decisionId: 'grade', decisionName: '整改等级', version, versionTag, decisionKey: key, decisionRequirementsId: 'drg',
    decisionRequirementsKey: '1', duplicate: false, deploymentKey: '2', tenantId: '<default>',
  });

describe('decision definition read model', () => {
  it('gains the version tag column on a database written before it existed, keeping the older rows', () => {
    // given
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE rm_decision_definition (
      key INTEGER PRIMARY KEY, decision_id TEXT NOT NULL, name TEXT, version INTEGER NOT NULL,
      decision_requirements_id TEXT, decision_requirements_key INTEGER, tenant_id TEXT NOT NULL)`);
    db.prepare(`INSERT INTO rm_decision_definition VALUES (10, 'grade', '整改等级', 1, 'drg', 1, '<default>')`).run();
    const projection = readModels();
    // when
    projection.setup(db);
    projection.apply([decision('11', 2, 'v2.0')], db);
    // then
    const found = runSearch(db, decisionDefinitionSearch, searchRequestSchema(decisionDefinitionSearch as never).parse({}) as SearchRequest);
    expect(found.items.map((d) => [d.decisionDefinitionKey, d.version, d.versionTag])).toEqual([['10', 1, undefined], ['11', 2, 'v2.0']]);
  });
});
