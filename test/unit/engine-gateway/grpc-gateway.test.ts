import { Camunda8 } from '@camunda8/sdk';
import { startGateways, type Gateways } from '../../../src/engine/gateway';
import { FakeEngine } from './fake-engine';

function sdkFor(gateways: Gateways, auth: Record<string, string> = { CAMUNDA_AUTH_STRATEGY: 'NONE' }) {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${gateways.grpcPort}`,
    ZEEBE_REST_ADDRESS: `http://127.0.0.1:${gateways.restPort}`,
    ZEEBE_GRPC_CLIENT_RETRY: false,
    CAMUNDA_LOG_LEVEL: 'none',
    ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
    ...auth,
  } as never);
}

describe('gRPC gateway translation (with a test double of the engine)', () => {
  let engine: FakeEngine;
  let gateways: Gateways;
  let c8: Camunda8;

  beforeEach(async () => {
    engine = new FakeEngine();
    gateways = await startGateways(engine.asEngine(), { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0 });
    c8 = sdkFor(gateways);
    // The SDK sets up its logger asynchronously; its first call must not race that (an SDK quirk).
    await c8.getZeebeGrpcApiClient().topology();
  });
  afterEach(async () => {
    await c8.closeAllClients();
    await gateways.close();
  });

  it('answers Topology with one healthy leader of partition 1', async () => {
    // when
    const topology = await c8.getZeebeGrpcApiClient().topology();
    // then
    expect(topology.brokers).toHaveLength(1);
    expect(topology.brokers[0].partitions).toEqual([{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }]);
    expect(topology.brokers[0].port).toBe(gateways.grpcPort);
  });

  it('maps rejections to Zeebe status codes and message texts', async () => {
    // given
    const zbc = c8.getZeebeGrpcApiClient();
    // when
    const notFound = zbc.completeJob({ jobKey: '404', variables: {} });
    const invalidState = zbc.completeJob({ jobKey: '409', variables: {} });
    // then
    await expect(notFound).rejects.toMatchObject({
      code: 5,
      details: expect.stringMatching(/^Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key '404', but no such job was found/),
    });
    await expect(invalidState).rejects.toMatchObject({ code: 9 });
  });

  it('passes variables through as JSON and refuses a document that is not an object', async () => {
    // given
    const zbc = c8.getZeebeGrpcApiClient();
    // when
    await zbc.completeJob({ jobKey: '7', variables: { 结论: '合格', 分数: 95 } });
    const bad = zbc.setVariables({ elementInstanceKey: '1', variables: [1, 2] as never, local: false });
    // then
    expect(engine.completed).toEqual([{ key: '7', variables: { 结论: '合格', 分数: 95 } }]);
    await expect(bad).rejects.toMatchObject({ code: 3, details: expect.stringContaining("Property 'variables' is invalid") });
  });

  it('long-polls ActivateJobs and answers as soon as a job exists', async () => {
    // given
    const zbc = c8.getZeebeGrpcApiClient();
    const polling = zbc.activateJobs({ type: 'notify', worker: 'w1', timeout: 30_000, maxJobsToActivate: 5, requestTimeout: 20_000 });
    await waitFor(() => (engine as unknown as { waiters: unknown[] }).waiters.length === 1);
    // when
    engine.addJob({ key: '42', type: 'notify' });
    const jobs = await polling;
    // then
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ key: '42', worker: 'w1', variables: { 企业: '甲' }, customHeaders: { 区: '峄城' } });
  });

  it('pushes jobs to StreamActivatedJobs', async () => {
    // given
    const zbc = c8.getZeebeGrpcApiClient();
    const received: string[] = [];
    const worker = zbc.streamJobs({
      type: 'push',
      worker: 'streamer',
      timeout: 30_000,
      tenantIds: [],
      taskHandler: async (job) => {
        received.push(job.key);
        return job.complete();
      },
    });
    await waitFor(() => engine.streams.length === 1);
    // when
    engine.addJob({ key: '77', type: 'push' });
    // then
    await waitFor(() => engine.completed.some((c) => c.key === '77'));
    expect(received).toEqual(['77']);
    (await worker).close();
  });

  it('closes the engine-side stream when the client goes away, so no job is pushed into the void', async () => {
    // given
    const worker = await c8.getZeebeGrpcApiClient().streamJobs({
      type: 'gone', worker: 'leaving', timeout: 30_000, tenantIds: [], taskHandler: (job) => job.complete(),
    });
    await waitFor(() => engine.streams.length === 1);
    const stream = engine.streams[0];
    // when
    worker.close();
    await waitFor(() => engine.streams.length === 0);
    // then
    expect(stream.push({ key: '1', type: 'gone' } as never)).toBe(false);
  });
});

describe('gRPC gateway authentication', () => {
  it('requires the basic credentials the SDK sends with CAMUNDA_AUTH_STRATEGY=BASIC, on gRPC and REST', async () => {
    // given
    const engine = new FakeEngine();
    const gateways = await startGateways(engine.asEngine(), {
      host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0,
      auth: { kind: 'basic', username: 'admin', password: 's3cret-峄城' },
    });
    const good = sdkFor(gateways, { CAMUNDA_AUTH_STRATEGY: 'BASIC', CAMUNDA_BASIC_AUTH_USERNAME: 'admin', CAMUNDA_BASIC_AUTH_PASSWORD: 's3cret-峄城' });
    const bad = sdkFor(gateways, { CAMUNDA_AUTH_STRATEGY: 'BASIC', CAMUNDA_BASIC_AUTH_USERNAME: 'admin', CAMUNDA_BASIC_AUTH_PASSWORD: 'wrong' });
    try {
      // when
      const topology = await good.getZeebeGrpcApiClient().topology();
      await bad.getZeebeGrpcApiClient().topology().catch(() => undefined);
      const refused = bad.getZeebeGrpcApiClient().completeJob({ jobKey: '1', variables: {} });
      const restTopology = await good.getOrchestrationClusterApiClientLoose().getTopology();
      const restRefused = bad.getOrchestrationClusterApiClientLoose().getTopology();
      // then
      expect(topology.clusterSize).toBe(1);
      await expect(refused).rejects.toMatchObject({ code: 16 });
      expect(engine.completed).toEqual([]);
      expect(restTopology.clusterSize).toBe(1);
      await expect(restRefused).rejects.toMatchObject({ status: 401 });
    } finally {
      await good.closeAllClients();
      await bad.closeAllClients();
      await gateways.close();
    }
  });

  it('requires the bearer token the SDK sends with CAMUNDA_AUTH_STRATEGY=BEARER', async () => {
    // given
    const engine = new FakeEngine();
    const gateways = await startGateways(engine.asEngine(), {
      host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0, auth: { kind: 'bearer', token: 'yc-token-1' },
    });
    const good = sdkFor(gateways, { CAMUNDA_AUTH_STRATEGY: 'BEARER', CAMUNDA_OAUTH_TOKEN: 'yc-token-1' });
    const bad = sdkFor(gateways, { CAMUNDA_AUTH_STRATEGY: 'BEARER', CAMUNDA_OAUTH_TOKEN: 'yc-token-2' });
    try {
      // when
      const topology = await good.getZeebeGrpcApiClient().topology();
      await bad.getZeebeGrpcApiClient().topology().catch(() => undefined);
      const refused = bad.getZeebeGrpcApiClient().completeJob({ jobKey: '1', variables: {} });
      // then
      expect(topology.clusterSize).toBe(1);
      await expect(refused).rejects.toMatchObject({ code: 16 });
    } finally {
      await good.closeAllClients();
      await bad.closeAllClients();
      await gateways.close();
    }
  });
});


async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not reached');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
