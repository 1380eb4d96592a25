import BetterSqlite3 from 'better-sqlite3';
import { withCachedStatements } from '../../src/db/cached-statements';

describe('SQLite statements prepared once per SQL text', () => {
  it('reuses the prepared statement of a text already run and prepares a new text once', () => {
    // given
    const sqlite = new BetterSqlite3(':memory:');
    const prepare = jest.spyOn(sqlite, 'prepare');
    const db = withCachedStatements(sqlite);
    // when
    const first = db.prepare('SELECT ? AS a');
    const again = db.prepare('SELECT ? AS a');
    const other = db.prepare('SELECT ? AS b');
    // then
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(prepare).toHaveBeenCalledTimes(2);
    expect(again.all([7])).toEqual([{ a: 7 }]);
    db.close();
  });

  it('drops the least recently used text when full, so a query built from ever-new texts cannot grow it', () => {
    // given
    const sqlite = new BetterSqlite3(':memory:');
    const prepare = jest.spyOn(sqlite, 'prepare');
    const db = withCachedStatements(sqlite);
    const kept = db.prepare('SELECT 0');
    // when: 600 distinct texts, the first one used again halfway
    for (let i = 1; i <= 600; i += 1) {
      db.prepare(`SELECT ${i}`);
      if (i === 300) db.prepare('SELECT 0');
    }
    const calls = prepare.mock.calls.length;
    const stillKept = db.prepare('SELECT 0');
    db.prepare('SELECT 1');
    // then: 'SELECT 0' was recently used and kept; 'SELECT 1' had been dropped and is prepared again
    expect(calls).toBe(601);
    expect(stillKept).toBe(kept);
    expect(prepare).toHaveBeenCalledTimes(602);
    db.close();
  });
});
