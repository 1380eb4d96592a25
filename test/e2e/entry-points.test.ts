// The entry points as a user runs them: `npm start` (everything in one process) and, as on a Camunda cluster,
// `npm run engine`, `npm run deploy`, `npm run workers` and `npm run web` as separate processes that find each
// other only through the SDK's variables.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually } from '../support/eventually';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

interface Running {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in the output so far or to come. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
  /** The exit code, once the process ends by itself. */
  exited: Promise<number | null>;
  stop: () => Promise<number | null>;
}

function run(entry: string, env: Record<string, string>, args: string[] = [], command: string[] = [tsx, path.join(root, 'src/main', entry)]): Running {
  const child = spawn(command[0], [...command.slice(1), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    listeners.forEach((l) => l());
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => text,
    waitFor: (pattern, timeoutMs = 90_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = text.match(pattern);
          if (m) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`${entry}: no ${pattern} within ${timeoutMs} ms; output:\n${text}`));
        }, timeoutMs);
        listeners.add(check);
        child.once('exit', () => setTimeout(check, 10));
        check();
      }),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

jest.setTimeout(240_000);

describe('npm start', () => {
  let dir: string;
  let app: Running;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'yc-start-'));
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the whole system, loads the demo data once and stops cleanly', async () => {
    // given a fresh data folder and free ports
    const env = {
      DATA_DIR: dir,
      ENGINE_DATA_DIR: path.join(dir, 'engine'),
      ENGINE_GRPC_PORT: '0',
      ENGINE_REST_PORT: '0',
      ENGINE_MANAGEMENT_PORT: '0',
      WEB_PORT: '0',
    };
    // when
    app = run('start.ts', env);
    const [, url] = await app.waitFor(/请在浏览器中打开 (http:\/\/\S+)/);
    const [, rest] = await app.waitFor(/REST (http:\/\/\S+)\/v2/);
    // then the demo accounts are printed, and anonymous visitors reach the public board and the login page only
    expect(app.output()).toMatch(/演示账号（密码均为 \S+）/);
    expect(app.output()).toMatch(/anweiban\s+马晓峰/);
    expect((await fetch(new URL('board', url))).status).toBe(200);
    expect((await fetch(new URL('login', url))).status).toBe(200);
    const tasksPage = await fetch(new URL('tasks', url), { redirect: 'manual' });
    expect(tasksPage.status).toBe(303);
    expect(tasksPage.headers.get('location')).toMatch(/login/);
    // and the office's first task, drafting the annual plan, waits in the task list
    const tasks = await eventually(async () => {
      const found = (await post(`${rest}/v2/user-tasks/search`, { filter: { elementId: 'draft-plan', state: 'CREATED' } })) as { items: { candidateGroups: string[] }[] };
      return found.items.length ? found.items : undefined;
    }, 30_000);
    expect(tasks).toHaveLength(1);
    expect(tasks[0].candidateGroups).toContain('office');
    // when stopped
    expect(await app.stop()).toBe(0);

    // then a second start keeps the data and does not seed or start the plan again
    app = run('start.ts', env);
    const [, rest2] = await app.waitFor(/REST (http:\/\/\S+)\/v2/);
    expect(app.output()).not.toMatch(/演示账号/);
    const again = (await post(`${rest2}/v2/user-tasks/search`, { filter: { elementId: 'draft-plan' } })) as { items: unknown[] };
    expect(again.items).toHaveLength(1);
    expect(await app.stop()).toBe(0);
  });
});

describe('the compiled build, as the production image runs it', () => {
  const out = `.build-e2e-${process.pid}`;
  let dir: string;
  let web: Running | undefined;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'yc-build-'));
  });
  afterAll(async () => {
    await web?.stop();
    rmSync(path.join(root, out), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the web app from JavaScript with node alone, and SIGTERM reaches its own shutdown', async () => {
    // given the build (npm run build)
    const build = run('build', {}, [out], [process.execPath, path.join(root, 'scripts/build.mjs')]);
    expect(await build.exited).toBe(0);
    // when the web app is started from it by node, no TypeScript loader
    web = run('web', { DATA_DIR: dir, WEB_PORT: '0' }, [], [process.execPath, path.join(root, out, 'src/main/web.js')]);
    const [, url] = await web.waitFor(/请在浏览器中打开 (http:\/\/\S+)/);
    // then it answers its health check
    const health = await fetch(new URL('health', url));
    expect(health.status).toBe(200);
    // and on SIGTERM it closes the server and the store and exits with 0 (not killed by the signal)
    expect(await web.stop()).toBe(0);
  });
});

describe('separate processes, configured like a cluster', () => {
  let dir: string;
  const running: Running[] = [];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'yc-split-'));
  });
  afterAll(async () => {
    for (const r of running.reverse()) await r.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the workers and the web app of other processes through the SDK variables alone', async () => {
    // given the engine alone
    const engine = run('engine.ts', { ENGINE_DATA_DIR: path.join(dir, 'engine'), ENGINE_GRPC_PORT: '0', ENGINE_REST_PORT: '0', ENGINE_MANAGEMENT_PORT: '0' });
    running.push(engine);
    const [, grpcPort, restPort, managementPort] = await engine.waitFor(/engine listening: gRPC 127\.0\.0\.1:(\d+), REST http:\/\/127\.0\.0\.1:(\d+)\/v2, management :(\d+)/);
    const cluster = {
      ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${grpcPort}`,
      ZEEBE_REST_ADDRESS: `http://127.0.0.1:${restPort}`,
      CAMUNDA_MANAGEMENT_ADDRESS: `http://127.0.0.1:${managementPort}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      DATA_DIR: dir,
    };
    // when the diagrams are deployed, and workers and web app start with the cluster variables
    const deploy = run('deploy.ts', cluster);
    await deploy.waitFor(/process\s+annual-plan version \d+/);
    expect(await deploy.exited).toBe(0);
    const probe = path.join(dir, 'probe.bpmn');
    writeFileSync(probe, deadlineProbe);
    const deployProbe = run('deploy.ts', cluster, [dir]);
    await deployProbe.waitFor(/process\s+entry-point-probe version 1/);
    expect(await deployProbe.exited).toBe(0);
    const workers = run('workers.ts', { ...cluster, WORKERS_HEALTH_PORT: '0' });
    running.push(workers);
    const [, workersHealth] = await workers.waitFor(/(http:\/\/127\.0\.0\.1:\d+\/health)/);
    const web = run('web.ts', { ...cluster, WEB_PORT: '0' });
    running.push(web);
    const [, url] = await web.waitFor(/请在浏览器中打开 (http:\/\/\S+)/);

    // then a job of the real yc-deadline worker is done: 15 days after 2026-09-28 skips the National Day holidays
    const result = (await post(`http://127.0.0.1:${restPort}/v2/process-instances`, {
      processDefinitionId: 'entry-point-probe',
      variables: { onsiteEnd: '2026-09-28' },
      awaitCompletion: true,
      requestTimeout: 60_000,
    })) as { variables: { reportDue?: string } };
    expect(result.variables.reportDue).toBe('2026-10-13T23:59:59+08:00');
    // and the web app answers, and both report their health: up, with the domain store and the engine reachable
    expect((await fetch(new URL('board', url))).status).toBe(200);
    const webHealth = await fetch(new URL('health', url));
    expect(webHealth.status).toBe(200);
    expect(await webHealth.json()).toMatchObject({ status: 'UP', components: { store: { status: 'UP' } } });
    const workerHealth = await fetch(workersHealth);
    expect(workerHealth.status).toBe(200);
    expect(await workerHealth.json()).toMatchObject({ status: 'UP', components: { store: { status: 'UP' }, engine: { status: 'UP' } } });
  });
});

const deadlineProbe = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="probe-defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="entry-point-probe" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:serviceTask id="report-due" name="计算报告期限">
      <bpmn:extensionElements>
        <zeebe:taskDefinition type="yc-deadline"/>
        <zeebe:taskHeaders>
          <zeebe:header key="rule" value="calendar-days"/>
          <zeebe:header key="amount" value="15"/>
          <zeebe:header key="from" value="onsiteEnd"/>
          <zeebe:header key="result" value="reportDue"/>
        </zeebe:taskHeaders>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="report-due"/>
    <bpmn:sequenceFlow id="f2" sourceRef="report-due" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;
