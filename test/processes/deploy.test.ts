// `npm run deploy` (src/main/deploy.ts) against the embedded engine's REST gateway, run as its own process.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Engine } from '../../src/engine/api';
import { createEngine } from '../../src/engine';
import { readModels, startGateways, type Gateways } from '../../src/gateway';
import { root } from './load-diagrams';

const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

describe('npm run deploy', () => {
  let engine: Engine;
  let gateways: Gateways;
  let dir: string;

  beforeAll(async () => {
    engine = await createEngine({ dataDir: '', durability: 'memory', clockControlled: false, projections: [readModels()] });
    gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0 });
  });
  afterAll(async () => {
    await gateways.close();
    await engine.close();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'deploy-'));
    for (const form of readdirSync(join(root, 'forms'))) copyFileSync(join(root, 'forms', form), join(dir, form));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const deploy = async (): Promise<Outcome> => {
    const env = { ...process.env, ZEEBE_REST_ADDRESS: `http://127.0.0.1:${gateways.restPort}`, ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${gateways.grpcPort}`, CAMUNDA_AUTH_STRATEGY: 'NONE' };
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(root, 'src', 'main', 'deploy.ts'), dir], { cwd: root, env, timeout: 60_000 });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('deploys diagrams, the decision table and the forms in one deployment and prints their versions', async () => {
    // given
    for (const file of ['team-formation.bpmn', 'key-talk.bpmn', 'problem-classification.dmn']) copyFileSync(join(root, 'processes', file), join(dir, file));
    // when
    const outcome = await deploy();
    // then
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/process {2}team-formation version 1/);
    expect(outcome.stdout).toMatch(/process {2}key-talk version 1/);
    expect(outcome.stdout).toMatch(/decision problem-classification version 1/);
    expect(outcome.stdout).toMatch(/form {5}team-proposal version 1/);
  }, 90_000);

  it('prints the engine\'s reason when it rejects a diagram, and fails', async () => {
    // given a diagram whose condition lacks the leading "="
    const xml = readFileSync(join(root, 'processes', 'key-talk.bpmn'), 'utf8').replace('>=followUpDecision = "accept"<', '>followUpDecision = "accept"<');
    expect(xml).toContain('>followUpDecision = "accept"<');
    writeFileSync(join(dir, 'key-talk.bpmn'), xml);
    // when
    const outcome = await deploy();
    // then
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('deployment rejected');
    expect(outcome.stderr).toContain('key-talk.bpmn');
    expect(outcome.stderr).toContain("An expression must start with '='");
  }, 90_000);
});
