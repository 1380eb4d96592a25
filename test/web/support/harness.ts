import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { openStore, type Store } from '../../../src/db/connect';
import { DEMO_PASSWORD, seedDemoData } from '../../../src/db/seed';
import { type Engine, type EngineRecord, type MessageRecordValue } from '../../../src/engine';
import { componentLogger } from '../../../src/logging';
import { createWebApp } from '../../../src/web/app';
import { type CamundaPort } from '../../../src/web/camunda/port';
import { defaultWebConfig, type WebConfig } from '../../../src/web/deps';
import { camundaFromConfig } from '../../../src/web/server';
import { domainStore } from '../../../src/web/store/domain-store';
import { type EmbeddedEngine, startEmbeddedEngine } from '../../support/embedded-engine';

/** Demo logins (src/db/seed) by role, used across the route tests. */
export const LOGINS = {
  committee: 'anweihui',
  office: 'anweiban',
  teamLeader: 'zuzhang1',
  team: 'zuyuan-member-1',
  unitA: 'danwei-370404001', // 坛山街道
  unitB: 'danwei-370404002', // 吴林街道
  department: '', // filled from the seed: the first 承办部门 account
  admin: 'admin',
  owner: 'liucheng',
} as const;

export const UNIT_A = '370404001';
export const UNIT_B = '370404002';
export const NOW = new Date('2026-11-28T12:00:00+08:00');

/** One embedded engine per test file, reached by the web app through the SDK over HTTP like in production. */
export interface WebEnv {
  engine: Engine;
  embedded: EmbeddedEngine;
  /** The SDK-backed port the web app uses. */
  camunda: CamundaPort;
  /** Messages the engine has published since the last `purge()`, as its log records them. */
  messages(): Array<Pick<MessageRecordValue, 'name' | 'correlationKey' | 'variables' | 'messageId'>>;
  /** Empties the engine (Camunda's cluster purge) and pins its clock to NOW. */
  purge(): Promise<void>;
  close(): Promise<void>;
}

export async function startWebEnv(): Promise<WebEnv> {
  const embedded = await startEmbeddedEngine();
  const { engine } = embedded;
  engine.clock.pin(NOW.getTime());
  let published: EngineRecord[] = [];
  const stop = engine.onRecords((records) => {
    published.push(...records.filter((r) => r.valueType === 'MESSAGE' && r.intent === 'PUBLISHED'));
  });
  const camunda = camundaFromConfig(embedded.config(mkdtempSync(join(tmpdir(), 'web-data-'))));
  return {
    engine,
    embedded,
    camunda,
    messages: () => published.map((r) => {
      const { name, correlationKey, variables, messageId } = r.value as unknown as MessageRecordValue;
      return { name, correlationKey, variables, messageId };
    }),
    purge: async () => {
      await engine.purge();
      engine.clock.pin(NOW.getTime());
      published = [];
    },
    close: async () => {
      stop();
      await embedded.close();
    },
  };
}

export interface Harness {
  app: ReturnType<typeof createWebApp>;
  engine: Engine;
  camunda: CamundaPort;
  store: Store;
  archiveDir: string;
  departmentLogin: string;
  departmentCode: string;
  close(): Promise<void>;
}

/**
 * A fresh domain database with the demo data and a web app on it, talking to the file's engine; its clock is NOW
 * unless given, and its caches age by the wall clock unless given another.
 */
export async function startHarness(env: WebEnv, config: Partial<WebConfig> = {}, now: () => Date = () => NOW, wallClock?: () => Date): Promise<Harness> {
  const store = await openStore({ databaseUrl: 'sqlite::memory:' });
  await seedDemoData(store.db, NOW.toISOString());
  const dept = await store.db.selectFrom('accounts').innerJoin('memberships', 'memberships.account_id', 'accounts.id')
    .select(['accounts.login', 'memberships.unit_code']).where('memberships.role_code', '=', 'department').orderBy('accounts.login').executeTakeFirstOrThrow();
  const assetsDir = mkdtempSync(join(tmpdir(), 'web-assets-'));
  writeFileSync(join(assetsDir, 'app.css'), 'body{}');
  const archiveDir = mkdtempSync(join(tmpdir(), 'web-archive-'));
  mkdirSync(archiveDir, { recursive: true });
  const app = createWebApp({
    camunda: env.camunda,
    store: domainStore(store.db, { archiveDir, now }),
    logger: componentLogger('web-test'),
    config: { ...defaultWebConfig(assetsDir), formsDir: join(__dirname, '..', '..', '..', 'forms'), uploadTempDir: join(archiveDir, 'incoming'), ...config },
    now,
    wallClock,
  });
  return { app, engine: env.engine, camunda: env.camunda, store, archiveDir, departmentLogin: dept.login, departmentCode: dept.unit_code!, close: () => store.close() };
}

/**
 * One engine for the test file, and before each test an emptied engine and a fresh web app on new demo data:
 * `setup` receives them (to keep the harness and seed what the test needs); the app's store is closed after it.
 */
export function freshWebEachTest(setup: (h: Harness, env: WebEnv) => Promise<void> | void): void {
  let env: WebEnv;
  let h: Harness;
  beforeAll(async () => {
    env = await startWebEnv();
  });
  afterAll(() => env.close());
  beforeEach(async () => {
    await env.purge();
    h = await startHarness(env);
    await setup(h, env);
  });
  afterEach(() => h.close());
}

/** The CSRF token embedded in a page. */
export function csrfOf(html: string): string {
  const m = /name="csrf-token" content="([a-f0-9]{64})"/.exec(html);
  if (!m) throw new Error('page has no CSRF token');
  return m[1]!;
}

/** A supertest agent signed in as `login`, with the CSRF token of its session. */
export async function signIn(app: Harness['app'], login: string): Promise<{ agent: request.Agent; csrf: string }> {
  const agent = request.agent(app);
  const page = await agent.get('/login').expect(200);
  const res = await agent.post('/login').type('form').send({ _csrf: csrfOf(page.text), username: login, password: DEMO_PASSWORD });
  if (res.status !== 303) throw new Error(`login as ${login} failed: ${res.status}`);
  const home = await agent.get('/inbox').expect(200);
  return { agent, csrf: csrfOf(home.text) };
}
