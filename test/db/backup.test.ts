// `npm run backup` / `npm run restore`: everything the system keeps, restored into an empty set-up.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { backup, restore, verifyBackup } from '../../src/backup';
import { openStore } from '../../src/db/connect';
import { createContentStore } from '../../src/db/content-store';
import { seedDemoData } from '../../src/db/seed';
import { createEngine } from '../../src/engine';
import { sharedPostgres, type PostgresCluster } from '../support/postgres';
import { rejectionOf } from '../support/stores';

jest.setTimeout(120_000);

const diagram = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="backup-probe" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="wait"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
  </bpmn:process>
</bpmn:definitions>`);

const engineRecords = (dir: string) => {
  const db = new BetterSqlite3(join(dir, 'engine.db'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM engine_records').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe.each(['sqlite', 'postgres'] as const)('backup and restore with the domain store in %s', (dialect) => {
  let work: string;
  let pg: PostgresCluster | undefined;
  const databaseUrl = async (name: string) => (dialect === 'postgres' ? (await (pg ??= await sharedPostgres())).createDatabase(`${name}_${randomBytes(4).toString('hex')}`) : undefined);

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), `yc-backup-${dialect}-`));
  });
  afterAll(async () => {
    await pg?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('restores the engine, the domain store and the archive into an empty set-up', async () => {
    // given a set-up with an engine holding a waiting instance, the demo district and an archived file
    const source = { engineDataDir: join(work, 'a/engine'), dataDir: join(work, 'a'), databaseUrl: await databaseUrl('backup_a') };
    const engine = await createEngine({ dataDir: source.engineDataDir, durability: 'full', clockControlled: false, projections: [] });
    await engine.deploy([{ name: 'backup-probe.bpmn', content: diagram }]);
    await engine.createProcessInstance({ bpmnProcessId: 'backup-probe', variables: {} });
    await engine.close();
    const store = await openStore({ databaseUrl: source.databaseUrl, dataDir: source.dataDir });
    await seedDemoData(store.db);
    const accounts = await store.db.selectFrom('accounts').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    await store.close();
    const archived = await createContentStore(join(source.dataDir, 'archive')).put('evidence', Buffer.from('询问笔记：现场检查记录'), '.txt');

    // when it is backed up and restored into an empty set-up
    const folder = join(work, 'backup');
    const manifest = await backup(source, folder);
    expect(manifest).toMatchObject({ engine: true, domainStore: dialect });
    const target = { engineDataDir: join(work, 'b/engine'), dataDir: join(work, 'b'), databaseUrl: await databaseUrl('backup_b') };
    await restore(target, folder);

    // then the engine has the same log and the deployed process
    expect(engineRecords(target.engineDataDir)).toBe(engineRecords(source.engineDataDir));
    const restored = await createEngine({ dataDir: target.engineDataDir, durability: 'full', clockControlled: false, projections: [] });
    const again = await restored.deploy([{ name: 'backup-probe.bpmn', content: diagram }]);
    expect(JSON.stringify(again)).toMatch(/"version":1\b/); // the same diagram: no new version
    await restored.close();
    // and the domain store and the archive are back
    const restoredStore = await openStore({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
    const count = await restoredStore.db.selectFrom('accounts').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    await restoredStore.close();
    expect(Number(count.n)).toBe(Number(accounts.n));
    expect(Number(count.n)).toBeGreaterThan(0);
    expect((await createContentStore(join(target.dataDir, 'archive')).read(archived.path)).toString()).toBe('询问笔记：现场检查记录');

    // and a second restore into the now occupied set-up is refused
    expect(await rejectionOf(restore(target, folder))).toMatch(/not empty/);
  });

  it('refuses a damaged backup', async () => {
    const folder = join(work, 'backup');
    const file = dialect === 'postgres' ? 'domain.pgdump' : 'domain.db';
    const { appendFileSync } = await import('node:fs');
    appendFileSync(join(folder, file), 'x');
    expect(await rejectionOf(verifyBackup(folder))).toMatch(new RegExp(`${file.replace('.', '\\.')} is damaged`));
  });
});
