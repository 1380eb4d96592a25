// The repository's diagrams against diagrams deployed from the web workspace: a restart, `npm start` or the deploy
// job deploys only what the engine does not hold, so a newer workspace version stays the latest.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ProcessDefinitionId } from '@camunda8/orchestration-cluster-api';
import { ANSWER_NOW } from '../../src/camunda/answer-now';
import { createCamunda } from '../../src/camunda/client';
import { deployNewResources, isRejection, withRetry } from '../../src/camunda/deploy';
import { startEmbeddedEngine, type EmbeddedEngine } from '../support/embedded-engine';

const root = path.resolve(__dirname, '../..');
jest.setTimeout(60_000);

describe('deploying the repository', () => {
  let engine: EmbeddedEngine;
  let dir: string;
  let camunda: ReturnType<typeof createCamunda>;

  beforeAll(async () => {
    engine = await startEmbeddedEngine();
    dir = mkdtempSync(path.join(tmpdir(), 'yc-deploy-'));
    camunda = createCamunda(engine.config(dir));
  });
  afterAll(async () => {
    await camunda.closeAllClients();
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const client = () => camunda.getOrchestrationClusterApiClient();
  const latest = async () => {
    const found = await client().searchProcessDefinitions(
      { filter: { processDefinitionId: ProcessDefinitionId.assumeExists('annual-plan') }, sort: [{ field: 'version', order: 'DESC' }], page: { limit: 1 } },
      ANSWER_NOW,
    );
    return found.items?.[0];
  };

  it('keeps a diagram deployed from the workspace as the latest version, and deploys a diagram changed in the repository', async () => {
    // given the repository's annual plan and one of its forms, deployed
    const diagram = path.join(dir, 'annual-plan.bpmn');
    copyFileSync(path.join(root, 'processes/annual-plan.bpmn'), diagram);
    const form = path.join(dir, 'annual-plan-draft.form');
    copyFileSync(path.join(root, 'forms/annual-plan-draft.form'), form);
    const first = await deployNewResources(camunda, [diagram, form]);
    expect(first.lines).toContain('process  annual-plan version 1');
    // and a process owner's version from the workspace (流程管理 deploys under the diagram's file name)
    const original = readFileSync(diagram, 'utf8');
    // the process's own name (a pool may carry the same name before it)
    const renamed = (name: string) => original.replace(/(<bpmn:process [^>]*name=")年度巡查工作方案"/, `$1${name}"`);
    const edited = renamed('年度巡查工作方案（流程管理修订）');
    expect(edited).not.toBe(original);
    await client().createDeployment({
      resources: [new File([edited], 'annual-plan.bpmn', { type: 'application/octet-stream' })],
    });
    expect(await latest()).toMatchObject({ version: 2 });

    // when the repository is deployed again (a restart, npm start, the deploy job)
    const again = await deployNewResources(camunda, [diagram, form]);
    // then the workspace's version stays the latest; the form goes along and keeps its version
    expect(again.held).toEqual([diagram]);
    expect(again.lines).toContain('form     annual-plan-draft version 1');
    expect(await latest()).toMatchObject({ version: 2, name: '年度巡查工作方案（流程管理修订）' });

    // when the diagram changes in the repository
    writeFileSync(diagram, renamed('年度巡查工作方案（仓库修订）'));
    const changed = await deployNewResources(camunda, [diagram]);
    // then it becomes the latest version
    expect(changed.lines).toContain('process  annual-plan version 3');
    expect(await latest()).toMatchObject({ version: 3, name: '年度巡查工作方案（仓库修订）' });
  });

  it('deploys nothing when the engine holds every diagram', async () => {
    const diagram = path.join(dir, 'annual-plan.bpmn');
    const result = await deployNewResources(camunda, [diagram]);
    expect(result.deploymentKey).toBeUndefined();
    expect(result.held).toEqual([diagram]);
  });
});

describe('retrying a deployment', () => {
  const fast = { attempts: 4, firstDelayMs: 1, maxDelayMs: 5 };

  it('tries again after an outage, with growing pauses', async () => {
    // given an engine that is unreachable twice
    let calls = 0;
    const pauses: number[] = [];
    const attempt = async () => {
      calls += 1;
      if (calls <= 2) throw Object.assign(new Error('fetch failed'), { name: 'NetworkSdkError' });
      return 'deployed';
    };
    // when / then
    await expect(withRetry(attempt, { ...fast, onRetry: (_e, _n, ms) => pauses.push(ms) })).resolves.toBe('deployed');
    expect(calls).toBe(3);
    expect(pauses).toEqual([1, 2]);
  });

  it('does not repeat a rejection, and gives up after the last attempt', async () => {
    const rejected = Object.assign(new Error('INVALID_ARGUMENT'), { status: 400 });
    expect(isRejection(rejected)).toBe(true);
    let calls = 0;
    await expect(withRetry(async () => { calls += 1; throw rejected; }, fast)).rejects.toBe(rejected);
    expect(calls).toBe(1);
    calls = 0;
    const down = Object.assign(new Error('Service Unavailable'), { status: 503 });
    await expect(withRetry(async () => { calls += 1; throw down; }, fast)).rejects.toBe(down);
    expect(calls).toBe(4);
  });
});
