import { type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { type Dialect } from './define';
import * as core from './001-core';
import * as inspection from './002-inspection';
import * as supervision from './003-supervision';
import * as listingNumbers from './004-listing-numbers';
import * as workCalendar from './005-work-calendar';
import * as unitHeads from './006-unit-heads';
import * as needToKnow from './007-need-to-know';
import * as taskEntries from './008-task-entries';
import * as assessmentCutoff from './009-assessment-cutoff';
import * as accountSecurity from './010-account-security';
import * as recusals from './011-recusals';
import * as unitShortNames from './012-unit-short-names';
import * as handoverAnswers from './013-handover-answers';

export type { Dialect } from './define';

/** Migrations live in code (no file scanning), in name order; the same list for both dialects. */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  const wrap = (m: { up(db: Kysely<unknown>, d: Dialect): Promise<void> }): Migration => ({ up: (db) => m.up(db, dialect) });
  return {
    getMigrations: async () => ({
      '001-core': wrap(core),
      '002-inspection': wrap(inspection),
      '003-supervision': wrap(supervision),
      '004-listing-numbers': wrap(listingNumbers),
      '005-work-calendar': wrap(workCalendar),
      '006-unit-heads': wrap(unitHeads),
      '007-need-to-know': wrap(needToKnow),
      '008-task-entries': wrap(taskEntries),
      '009-assessment-cutoff': wrap(assessmentCutoff),
      '010-account-security': wrap(accountSecurity),
      '011-recusals': wrap(recusals),
      '012-unit-short-names': wrap(unitShortNames),
      '013-handover-answers': wrap(handoverAnswers),
    }),
  };
}
