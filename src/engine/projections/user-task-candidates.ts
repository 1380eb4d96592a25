import type { Database } from 'better-sqlite3';
import { prepared } from './statements';

/**
 * Candidate groups and users of user tasks, one row per member, so that a search by candidate group is an index
 * lookup instead of reading every task's JSON list. `kind` is 'group' or 'user'; the task's state is repeated
 * here so that the task list's usual count (open tasks of one group) is answered from this table's index alone.
 */
const CANDIDATE_DDL = `
CREATE TABLE IF NOT EXISTS rm_user_task_candidate (
  kind TEXT NOT NULL, value TEXT NOT NULL, user_task_key INTEGER NOT NULL, state TEXT NOT NULL,
  PRIMARY KEY (kind, value, user_task_key)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rm_utc_task ON rm_user_task_candidate (user_task_key);
CREATE INDEX IF NOT EXISTS rm_utc_state ON rm_user_task_candidate (kind, value, state);
`;

export type CandidateKind = 'group' | 'user';

/** Creates the table; a database from before it (or before its state column) gets it filled from the tasks. */
export function createCandidateTable(db: Database): void {
  const columns = db.prepare(`SELECT name FROM pragma_table_info('rm_user_task_candidate')`).all() as { name: string }[];
  const current = columns.some((c) => c.name === 'state');
  if (current) {
    db.exec(CANDIDATE_DDL);
    return;
  }
  db.exec(`DROP TABLE IF EXISTS rm_user_task_candidate; ${CANDIDATE_DDL}`);
  db.exec(`
    INSERT OR IGNORE INTO rm_user_task_candidate (kind, value, user_task_key, state)
      SELECT 'group', m.value, t.key, t.state FROM rm_user_task t, json_each(t.candidate_groups) m WHERE m.type = 'text';
    INSERT OR IGNORE INTO rm_user_task_candidate (kind, value, user_task_key, state)
      SELECT 'user', m.value, t.key, t.state FROM rm_user_task t, json_each(t.candidate_users) m WHERE m.type = 'text';`);
}

/** Replaces the task's candidates of one kind with `members`. */
export function replaceCandidates(db: Database, userTaskKey: string, state: string, kind: CandidateKind, members: readonly string[]): void {
  prepared(db, 'DELETE FROM rm_user_task_candidate WHERE user_task_key = ? AND kind = ?').run(userTaskKey, kind);
  const insert = prepared(db, 'INSERT OR IGNORE INTO rm_user_task_candidate (kind, value, user_task_key, state) VALUES (?, ?, ?, ?)');
  for (const member of members) insert.run(kind, member, userTaskKey, state);
}

/** Follows a task's state change. */
export function updateCandidateState(db: Database, userTaskKey: string, state: string): void {
  prepared(db, 'UPDATE rm_user_task_candidate SET state = ? WHERE user_task_key = ?').run(state, userTaskKey);
}
