import type { Camunda8 } from '@camunda8/sdk';
import { createEngine, type Engine } from '../../src/engine';
import { readModels, startGateways, type GatewayAuth, type Gateways } from '../../src/gateway';
import { fixture, sdkFor, describeEmbedded } from './harness';
import { observed } from '../support/observed';

/** The real engine behind gateways that demand credentials, with one SDK client sending the right ones. */
async function securedEngine(auth: GatewayAuth, goodSettings: Record<string, string>) {
  const engine = await createEngine({ dataDir: '', durability: 'memory', clockControlled: true, projections: [readModels()] });
  const gateways = await startGateways(engine, { host: '127.0.0.1', grpcPort: 0, restPort: 0, managementPort: 0, auth });
  const good = sdkFor(gateways, goodSettings);
  const zbc = good.getZeebeGrpcApiClient();
  await zbc.topology();
  await zbc.deployResource({ processFilename: fixture('contract-gateway.bpmn') });
  const instance = await zbc.createProcessInstance({ bpmnProcessId: 'contract-gateway', variables: { jobType: 'secured' } });
  const [job] = await zbc.activateJobs({ type: 'secured', worker: 'w', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: 5_000 });
  return { engine, gateways, good, job, instance };
}

/**
 * A client with wrong credentials; it must not retry UNAUTHENTICATED forever. Its gRPC client sets itself up
 * asynchronously on its first call (an SDK quirk), so that first call is made, and refused, here.
 */
async function intruder(gateways: Gateways, settings: Record<string, string>) {
  const c8 = sdkFor(gateways, settings, { ZEEBE_GRPC_CLIENT_RETRY: false });
  await expect(c8.getZeebeGrpcApiClient().topology()).rejects.toMatchObject({ code: 16 });
  return c8;
}

async function closeAll(engine: Engine, gateways: Gateways, ...clients: Camunda8[]) {
  for (const client of clients) await client.closeAllClients();
  await gateways.close();
  await engine.close();
}

/** Job states of an instance, read over REST with the right credentials (the SDK's REST client has no BEARER). */
async function jobStates(gateways: Gateways, authorization: string, processInstanceKey: string) {
  const res = await fetch(`http://127.0.0.1:${gateways.restPort}/v2/jobs/search`, {
    method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ filter: { processInstanceKey } }),
  });
  return ((await res.json()) as { items: { state: string }[] }).items.map((j) => j.state);
}

describeEmbedded('gateway credentials with the real engine', () => {
  it('requires the basic credentials the SDK sends with CAMUNDA_AUTH_STRATEGY=BASIC, on gRPC and REST', async () => {
    // given
    const basic = { CAMUNDA_AUTH_STRATEGY: 'BASIC', CAMUNDA_BASIC_AUTH_USERNAME: 'admin' };
    const { engine, gateways, good, job, instance } = await securedEngine(
      { kind: 'basic', username: 'admin', password: 's3cret-峄城' }, { ...basic, CAMUNDA_BASIC_AUTH_PASSWORD: 's3cret-峄城' },
    );
    const bad = await intruder(gateways, { ...basic, CAMUNDA_BASIC_AUTH_PASSWORD: 'wrong' });
    try {
      // when
      const topology = await good.getZeebeGrpcApiClient().topology();
      const refused = observed(bad.getZeebeGrpcApiClient().completeJob({ jobKey: job.key, variables: {} }));
      const restTopology = await good.getOrchestrationClusterApiClientLoose().getTopology();
      const restRefused = observed(bad.getOrchestrationClusterApiClientLoose().getTopology());
      // then
      expect(topology.clusterSize).toBe(1);
      await expect(refused).rejects.toMatchObject({ code: 16 });
      expect(await jobStates(gateways, `Basic ${Buffer.from('admin:s3cret-峄城').toString('base64')}`, instance.processInstanceKey)).toEqual(['CREATED']);
      expect(restTopology.clusterSize).toBe(1);
      await expect(restRefused).rejects.toMatchObject({ status: 401 });
    } finally {
      await closeAll(engine, gateways, good, bad);
    }
  });

  it('requires the bearer token the SDK sends with CAMUNDA_AUTH_STRATEGY=BEARER, on gRPC and REST', async () => {
    // given
    const { engine, gateways, good, job, instance } = await securedEngine(
      { kind: 'bearer', token: 'yc-token-1' }, { CAMUNDA_AUTH_STRATEGY: 'BEARER', CAMUNDA_OAUTH_TOKEN: 'yc-token-1' },
    );
    const bad = await intruder(gateways, { CAMUNDA_AUTH_STRATEGY: 'BEARER', CAMUNDA_OAUTH_TOKEN: 'yc-token-2' });
    const topologyWith = (headers: Record<string, string>) => fetch(`http://127.0.0.1:${gateways.restPort}/v2/topology`, { headers });
    try {
      // when
      const topology = await good.getZeebeGrpcApiClient().topology();
      const refused = observed(bad.getZeebeGrpcApiClient().completeJob({ jobKey: job.key, variables: {} }));
      const without = await topologyWith({});
      const wrong = await topologyWith({ authorization: 'Bearer yc-token-2' });
      const right = await topologyWith({ authorization: 'Bearer yc-token-1' });
      // then
      expect(topology.clusterSize).toBe(1);
      await expect(refused).rejects.toMatchObject({ code: 16 });
      expect(await jobStates(gateways, 'Bearer yc-token-1', instance.processInstanceKey)).toEqual(['CREATED']);
      expect([without.status, wrong.status, right.status]).toEqual([401, 401, 200]);
      expect(((await right.json()) as { brokers: { partitions: unknown[] }[] }).brokers[0].partitions).toEqual([
        { partitionId: 1, role: 'leader', health: 'healthy' },
      ]);
    } finally {
      await closeAll(engine, gateways, good, bad);
    }
  });
});
