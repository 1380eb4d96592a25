/**
 * Opens a WAL database with the checkpointer in a child process, closes both, and prints `closed` after the close
 * resolved: with nothing else keeping the process alive, the wait for the thread's end must not be dropped.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { WalCheckpointer } from '../../../src/engine/store/wal-checkpointer';
import { componentLogger, configureLogging } from '../../../src/logging';

async function main(): Promise<void> {
  configureLogging('silent', false);
  const db = new Database(path.join(process.argv[2], 'child.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
  const checkpointer = new WalCheckpointer(db, componentLogger('close-child'), 2);
  const ended = checkpointer.close();
  db.close();
  await ended;
  process.stdout.write('closed\n');
}

void main();
