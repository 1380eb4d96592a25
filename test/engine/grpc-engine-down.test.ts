import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { EmbeddedEngine } from '../../src/engine/engine';
import { readModels, startGateways, type Gateways } from '../../src/gateway';
import { TEST_GRPC_SETTINGS } from '../support/sdk-settings';

const PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="engine-down" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="e"/></bpmn:process>
</bpmn:definitions>`;

/** A disk that stops accepting flushes takes the engine down: the gRPC gateway then answers UNAVAILABLE, as Zeebe's does. */
describe('gRPC gateway while the engine is down', () => {
  let dataDir: string;
  let engine: EmbeddedEngine | undefined;
  let gateways: Gateways | undefined;
  let c8: Camunda8 | undefined;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'grpc-engine-down-'));
  });
  afterEach(async () => {
    await c8?.getZeebeGrpcApiClient().close();
    await gateways?.close();
    jest.restoreAllMocks();
    await engine?.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers UNAVAILABLE with the reason, not INTERNAL', async () => {
    // given: an engine whose disk fails every flush from now on
    engine = await EmbeddedEngine.start({ dataDir, durability: 'full', clockControlled: false, projections: [readModels()] });
    await engine.deploy([{ name: 'engine-down.bpmn', content: Buffer.from(PROCESS) }]);
    gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0 });
    c8 = new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${gateways.grpcPort}`,
      ZEEBE_REST_ADDRESS: `http://127.0.0.1:${gateways.restPort}`,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_LOG_LEVEL: 'none',
      zeebeGrpcSettings: { ...TEST_GRPC_SETTINGS, ZEEBE_GRPC_CLIENT_RETRY: false },
    } as never);
    const zbc = c8.getZeebeGrpcApiClient();
    jest.spyOn(fs, 'fdatasync').mockImplementation(((_fd: number, done: (err: NodeJS.ErrnoException | null) => void) =>
      done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }))) as typeof fs.fdatasync);
    await expect(zbc.createProcessInstance({ bpmnProcessId: 'engine-down', variables: {} })).rejects.toThrow();
    expect(engine.health().status).toBe('DOWN');
    // when
    const refused = zbc.createProcessInstance({ bpmnProcessId: 'engine-down', variables: {} });
    // then
    await expect(refused).rejects.toMatchObject({ code: 14, details: expect.stringContaining('The engine is down') });
  });
});
