import type { Database } from 'better-sqlite3';
import { prepared } from './statements';

/**
 * Candidate groups and users of user tasks, one row per member, so that a search by candidate group is an index
 * lookup instead of reading every task's JSON list. `kind` is 'group' or 'user'.
 */
export const CANDIDATE_DDL = `
CREATE TABLE IF NOT EXISTS rm_user_task_candidate (
  kind TEXT NOT NULL, value TEXT NOT NULL, user_task_key INTEGER NOT NULL,
  PRIMARY KEY (kind, value, user_task_key)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rm_utc_task ON rm_user_task_candidate (user_task_key);
`;

export type CandidateKind = 'group' | 'user';

/** Creates the table; a database from before it existed gets it filled from the tasks' JSON lists. */
export function createCandidateTable(db: Database): void {
  const existed = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'rm_user_task_candidate'`).get() !== undefined;
  db.exec(CANDIDATE_DDL);
  if (existed) return;
  db.exec(`
    INSERT OR IGNORE INTO rm_user_task_candidate (kind, value, user_task_key)
      SELECT 'group', m.value, t.key FROM rm_user_task t, json_each(t.candidate_groups) m WHERE m.type = 'text';
    INSERT OR IGNORE INTO rm_user_task_candidate (kind, value, user_task_key)
      SELECT 'user', m.value, t.key FROM rm_user_task t, json_each(t.candidate_users) m WHERE m.type = 'text';`);
}

/** Replaces the task's candidates of one kind with `members`. */
export function replaceCandidates(db: Database, userTaskKey: string, kind: CandidateKind, members: readonly string[]): void {
  prepared(db, 'DELETE FROM rm_user_task_candidate WHERE user_task_key = ? AND kind = ?').run(userTaskKey, kind);
  const insert = prepared(db, 'INSERT OR IGNORE INTO rm_user_task_candidate (kind, value, user_task_key) VALUES (?, ?, ?)');
  for (const member of members) insert.run(kind, member, userTaskKey);
}
