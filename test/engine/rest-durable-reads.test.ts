import fs from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Request } from 'express';
import { EmbeddedEngine } from '../../src/engine/engine';
import { DEFAULT_LIMITS, readModels } from '../../src/gateway';
import { createRestApp } from '../../src/gateway/rest/app';
import { readsState } from '../../src/gateway/rest/durable-reads';

const PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="durable-read" isExecutable="true"><bpmn:startEvent id="s"/>
    <bpmn:userTask id="review" name="复核"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review"/><bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="e"/></bpmn:process>
</bpmn:definitions>`;

type Flush = Parameters<typeof fs.fdatasync>[1];

describe('REST /v2 reads with durability full', () => {
  let dataDir: string;
  let engine: EmbeddedEngine | undefined;
  let server: Server | undefined;
  const held: Flush[] = [];
  let flushAsked: (() => void) | undefined;
  const served: ServerResponse[] = [];

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rest-durable-reads-'));
    held.length = 0;
    served.length = 0;
    // hold every flush of the log until the test completes it
    jest.spyOn(fs, 'fdatasync').mockImplementation(((_fd: number, done: Flush) => {
      held.push(done);
      flushAsked?.();
    }) as typeof fs.fdatasync);
  });

  afterEach(async () => {
    for (const done of held.splice(0)) done(null);
    jest.restoreAllMocks();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
    await engine?.close();
    engine = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const flushes = (count: number) => new Promise<void>((resolve) => {
    const check = (): void => (held.length >= count ? resolve() : void (flushAsked = check));
    check();
  });

  /** An engine with its REST app on a free port; `readWaits` resolves when a read asks whether it may answer. */
  async function start() {
    engine = await EmbeddedEngine.start({ dataDir, durability: 'full', clockControlled: false, projections: [readModels()] });
    const deployed = engine.deploy([{ name: 'durable-read.bpmn', content: Buffer.from(PROCESS) }]);
    await flushes(1);
    held[0](null);
    await deployed;
    const app = createRestApp(engine, { auth: { kind: 'none' }, limits: DEFAULT_LIMITS, cluster: { host: '127.0.0.1', grpcPort: () => 0, clockControlled: false } });
    server = createServer(app);
    server.on('request', (_req, res: ServerResponse) => served.push(res));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
    const durable = engine.durable.bind(engine);
    let asked: () => void = () => undefined;
    const readWaits = new Promise<void>((resolve) => (asked = resolve));
    jest.spyOn(engine, 'durable').mockImplementation(() => {
      asked();
      return durable();
    });
    return { engine, url, readWaits };
  }

  const searchTasks = (url: string) => fetch(`${url}/user-tasks/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ filter: { state: 'CREATED' } }),
  });

  it('answers a search only once the batch it shows is flushed, and then shows it', async () => {
    // given: an instance written, its flush held
    const { engine, url, readWaits } = await start();
    const created = engine.createProcessInstance({ bpmnProcessId: 'durable-read' });
    await flushes(2);
    // when: a search reads the written user task
    const answer = searchTasks(url);
    await Promise.race([readWaits, answer]);
    // then: it read and is held
    expect(served).toHaveLength(1);
    expect(served[0].writableEnded).toBe(false);
    // when: the flush completes
    held[1](null);
    // then
    const { processInstanceKey } = await created;
    const res = await answer;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ items: [expect.objectContaining({ processInstanceKey, elementId: 'review', state: 'CREATED' })], page: { totalItems: 1 } });
  });

  it('answers the held read with 503 and the engine down error when the flush fails', async () => {
    // given
    const { engine, url, readWaits } = await start();
    const created = engine.createProcessInstance({ bpmnProcessId: 'durable-read' });
    const refused = expect(created).rejects.toThrow('The engine is down');
    await flushes(2);
    const answer = fetch(`${url}/process-instances/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await Promise.race([readWaits, answer]);
    expect(served[0].writableEnded).toBe(false);
    // when
    held[1](Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    // then
    const res = await answer;
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({
      status: 503,
      title: 'SERVICE_UNAVAILABLE',
      detail: 'The engine is down: failed to flush the engine database to disk: EIO: i/o error, fdatasync',
    });
    await refused;
  });

  it('answers a get of a missing key only once the batches written before are flushed', async () => {
    // given
    const { engine, url, readWaits } = await start();
    const created = engine.createProcessInstance({ bpmnProcessId: 'durable-read' });
    await flushes(2);
    // when
    const answer = fetch(`${url}/process-instances/1`);
    await Promise.race([readWaits, answer]);
    // then
    expect(served[0].writableEnded).toBe(false);
    held[1](null);
    await created;
    expect((await answer).status).toBe(404);
  });

  it('answers the topology at once while a flush is held', async () => {
    // given
    const { engine, url } = await start();
    const created = engine.createProcessInstance({ bpmnProcessId: 'durable-read' });
    await flushes(2);
    // when
    const res = await fetch(`${url}/topology`);
    // then
    expect(res.status).toBe(200);
    expect(engine.durable).not.toHaveBeenCalled();
    held[1](null);
    await created;
  });
});

describe('which REST requests are reads', () => {
  const request = (method: string, path: string) => ({ method, path }) as Request;

  it.each([
    ['POST', '/user-tasks/search'],
    ['POST', '/process-instances/1/incidents/search'],
    ['POST', '/process-definitions/1/statistics/element-instances'],
    ['GET', '/process-instances/1'],
    ['GET', '/process-instances/1/statistics/element-instances'],
    ['GET', '/user-tasks/1/form'],
    ['HEAD', '/variables/1'],
  ])('%s %s waits for durability', (method, path) => {
    expect(readsState(request(method, path))).toBe(true);
  });

  it.each([
    ['POST', '/process-instances'],
    ['POST', '/jobs/activation'],
    ['POST', '/user-tasks/1/completion'],
    ['PATCH', '/jobs/1'],
    ['PUT', '/element-instances/1/variables'],
    ['DELETE', '/user-tasks/1/assignee'],
    ['GET', '/topology'],
    ['GET', '/status'],
  ])('%s %s does not', (method, path) => {
    expect(readsState(request(method, path))).toBe(false);
  });
});
