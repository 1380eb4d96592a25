import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { WalCheckpointer } from '../../src/engine/store/wal-checkpointer';
import { componentLogger } from '../../src/logging';

describe('WAL checkpoints off the event loop', () => {
  let dir: string;
  let db: Database.Database;
  let checkpointer: WalCheckpointer;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wal-checkpointer-'));
    db = new Database(path.join(dir, 'engine.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, data TEXT NOT NULL)');
    checkpointer = new WalCheckpointer(db, componentLogger('test'), 2, 1000);
  });

  afterEach(async () => {
    const ended = checkpointer.close();
    db.close();
    await ended;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('turns SQLite\'s checkpoint inside commits off, copies the log in its thread, and keeps the log bounded', async () => {
    // given
    const insert = db.prepare('INSERT INTO t (data) VALUES (?)');
    const page = 'x'.repeat(4000);
    let largestLog = 0;
    let checkpointedByThread = 0;
    let restarts = 0;
    let previousLog = 0;
    // when: 6000 pages are written in batches of 100, each batch followed by what the engine does after a commit
    for (let batch = 0; batch < 60; batch++) {
      db.transaction(() => {
        for (let i = 0; i < 100; i++) insert.run(page);
      })();
      checkpointer.afterCommit();
      const pass = await checkpointer.nextPass();
      largestLog = Math.max(largestLog, pass.log);
      if (pass.log < previousLog) restarts++;
      previousLog = pass.log;
      checkpointedByThread = Math.max(checkpointedByThread, pass.checkpointed);
    }
    // then
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(checkpointedByThread).toBeGreaterThan(0);
    expect(restarts).toBeGreaterThanOrEqual(1);
    expect(largestLog).toBeLessThan(6000);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 6000 });
  });

  it('leaves every row readable by a new connection after both connections closed', async () => {
    // given
    const insert = db.prepare('INSERT INTO t (data) VALUES (?)');
    for (let i = 0; i < 100; i++) insert.run(`row ${i}`);
    await checkpointer.nextPass();
    // when
    const ended = checkpointer.close();
    db.close();
    await ended;
    db = new Database(path.join(dir, 'engine.db'));
    // then
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 100 });
  });

  it('keeps a process that has nothing else to do alive until the thread has ended after close', () => {
    // given: a child process whose only remaining work is the close
    const child = path.join(__dirname, 'support', 'checkpointer-close-child.ts');
    // when
    const output = execFileSync(process.execPath, ['--import', 'tsx', child, dir], { encoding: 'utf8', timeout: 30_000 });
    // then: the close resolved (and the line after it ran) before the process ended
    expect(output).toBe('closed\n');
  });

  it('gives the checkpoints back to SQLite when its thread cannot work', async () => {
    // given: a database whose file the thread cannot open
    const pragmas: string[] = [];
    let restored!: () => void;
    const autoCheckpointBack = new Promise<void>((resolve) => (restored = resolve));
    const unreachable = {
      name: path.join(dir, 'missing', 'engine.db'),
      pragma: (text: string) => {
        pragmas.push(text);
        if (text === 'wal_autocheckpoint = 1000') restored();
        return [];
      },
    } as unknown as Database.Database;
    // when
    const failing = new WalCheckpointer(unreachable, componentLogger('test'), 2);
    await autoCheckpointBack;
    failing.afterCommit();
    await failing.close();
    // then: automatic checkpoints were off while the thread was starting, on again once it failed, and no fold-in ran
    expect(pragmas).toEqual(['wal_autocheckpoint = 0', 'wal_autocheckpoint = 1000']);
  });
});
