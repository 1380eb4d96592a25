import { type Kysely } from 'kysely';
import { createTable, index, type Dialect } from './define';

/**
 * Holiday arrangements the district enters (State Council notices after the calendar package's last year, or
 * corrections): one row per date, a holiday on a weekday or a 调休 working day on a weekend.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await createTable(db, dialect, 'calendar_days', [
    'date text pk', 'year int!', 'kind text!', 'name text!', 'source text!', 'entered_by text!', 'entered_at text!',
  ]);
  await index(db, 'calendar_days', ['year']);
}
