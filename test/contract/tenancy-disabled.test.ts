import path from 'node:path';
import { credentials, loadPackageDefinition, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { Camunda8 } from '@camunda8/sdk';
import { fixture, QUIET_SDK, restCall, startContractEnv, type ContractEnv } from './harness';

/** gRPC refusal of a request naming a tenant while multi-tenancy is disabled (Zeebe's gateway, INVALID_ARGUMENT). */
const grpcRefusal = (rpc: string, tenantId: string) => ({
  code: 3,
  details: `Expected to handle gRPC request ${rpc} with tenant identifier '${tenantId}', but multi-tenancy is disabled`,
});

/** The REST problem detail for the same (Camunda's REST gateway, 400 INVALID_ARGUMENT). */
const restRefusal = (request: string, tenants: string) =>
  `Expected to handle request ${request} with tenant identifier${tenants.startsWith('[') ? `s ${tenants}` : ` '${tenants}'`}, but multi-tenancy is disabled`;

/** OCA brands tenant ids; the wire carries plain strings. */
const tenant = (value: string) => value as never;

describe('multi-tenancy is disabled: only the <default> tenant is accepted', () => {
  let env: ContractEnv;
  beforeAll(async () => {
    env = await startContractEnv();
    await env.zbc.deployResource({ processFilename: fixture('contract-straight.bpmn') });
  });
  afterAll(async () => {
    await env.close();
  });

  describe('gRPC through the Zeebe client of @camunda8/sdk', () => {
    it('refuses every command that names another tenant', async () => {
      // when the commands are sent together (settled together, so that no refusal goes unobserved meanwhile)
      const [deploy, create, withResult, publish, signal, decision] = await Promise.allSettled([
        env.zbc.deployResource({ processFilename: fixture('contract-straight.bpmn'), tenantId: '安监' }),
        env.zbc.createProcessInstance({ bpmnProcessId: 'contract-straight', variables: {}, tenantId: 'acme' }),
        env.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'contract-straight', variables: {}, tenantId: 'acme' }),
        env.zbc.publishMessage({ name: 'contract-msg', correlationKey: 'k', variables: {}, tenantId: 'acme' }),
        env.zbc.broadcastSignal({ signalName: 'contract-alarm', variables: {}, tenantId: 'acme' }),
        env.zbc.evaluateDecision({ decisionId: 'contract-risk', variables: {}, tenantId: 'acme' }),
      ]);
      // then
      expect(deploy).toMatchObject({ status: 'rejected', reason: grpcRefusal('DeployResource', '安监') });
      expect(create).toMatchObject({ status: 'rejected', reason: grpcRefusal('CreateProcessInstance', 'acme') });
      expect(withResult).toMatchObject({ status: 'rejected', reason: grpcRefusal('CreateProcessInstanceWithResult', 'acme') });
      expect(publish).toMatchObject({ status: 'rejected', reason: grpcRefusal('PublishMessage', 'acme') });
      expect(signal).toMatchObject({ status: 'rejected', reason: grpcRefusal('BroadcastSignal', 'acme') });
      expect(decision).toMatchObject({ status: 'rejected', reason: grpcRefusal('EvaluateDecision', 'acme') });
    });

    it('refuses job activation for the tenant a client is configured with (CAMUNDA_TENANT_ID)', async () => {
      // given
      const c8 = new Camunda8({
        ZEEBE_GRPC_ADDRESS: `grpc://${env.grpcAddress}`,
        CAMUNDA_AUTH_STRATEGY: 'NONE',
        CAMUNDA_TENANT_ID: 'acme',
        ...QUIET_SDK,
      } as never);
      const zbc = c8.getZeebeGrpcApiClient();
      try {
        // when
        const jobs = zbc.activateJobs({ type: 'contract-none', worker: 'w', timeout: 1000, maxJobsToActivate: 1, requestTimeout: -1 });
        // then
        await expect(jobs).rejects.toMatchObject(grpcRefusal('ActivateJobs', 'acme'));
      } finally {
        await c8.closeAllClients();
      }
    });

    it('refuses a job stream for another tenant (StreamActivatedJobs, called with the proto the SDK ships)', async () => {
      // given
      const proto = loadSync(path.join(path.dirname(require.resolve('@camunda8/sdk')), 'proto', 'zeebe.proto'), { keepCase: true, longs: String });
      const { gateway_protocol: pkg } = loadPackageDefinition(proto) as never as { gateway_protocol: { Gateway: new (address: string, creds: unknown) => Record<string, (req: object) => NodeJS.EventEmitter> & { close(): void } } };
      const client = new pkg.Gateway(env.grpcAddress, credentials.createInsecure());
      try {
        // when
        const refused = await new Promise<ServiceError | undefined>((resolve) => {
          const call = client.StreamActivatedJobs({ type: 'contract-none', worker: 'w', timeout: '1000', tenantIds: ['acme'] });
          call.on('data', () => undefined);
          call.on('error', (err: ServiceError) => resolve(err));
          call.on('end', () => resolve(undefined));
        });
        // then
        expect(refused).toMatchObject(grpcRefusal('StreamActivatedJobs', 'acme'));
      } finally {
        client.close();
      }
    });

    it('accepts the <default> tenant named explicitly', async () => {
      // when
      const created = await env.zbc.createProcessInstance({ bpmnProcessId: 'contract-straight', variables: {}, tenantId: '<default>' });
      // then
      expect(created.tenantId).toBe('<default>');
    });
  });

  describe('REST /v2', () => {
    it('refuses through the orchestration-cluster client with a 400 problem naming the request and the tenant', async () => {
      // when
      const create = env.rest.createProcessInstance({ processDefinitionId: 'contract-straight' as never, tenantId: tenant('acme') });
      // then
      await expect(create).rejects.toMatchObject({ status: 400 });
      const problem = await restCall(env, 'POST', '/process-instances', { processDefinitionId: 'contract-straight', tenantId: 'acme' });
      expect(problem.status).toBe(400);
      expect(problem.body).toMatchObject({ title: 'INVALID_ARGUMENT', detail: restRefusal('Create Process Instance', 'acme') });
    });

    it.each([
      ['/messages/publication', 'Publish Message', { name: 'contract-msg', correlationKey: 'k', tenantId: 'acme' }, 'acme'],
      ['/messages/correlation', 'Correlate Message', { name: 'contract-msg', correlationKey: 'k', tenantId: 'acme' }, 'acme'],
      ['/signals/broadcast', 'Broadcast Signal', { signalName: 'contract-alarm', tenantId: 'acme' }, 'acme'],
      ['/decision-definitions/evaluation', 'Evaluate Decision', { decisionDefinitionId: 'contract-risk', tenantId: 'acme' }, 'acme'],
      ['/jobs/activation', 'Activate Jobs', { type: 'contract-none', timeout: 1000, maxJobsToActivate: 1, tenantIds: ['acme'] }, 'acme'],
      ['/jobs/activation', 'Activate Jobs', { type: 'contract-none', timeout: 1000, maxJobsToActivate: 1, tenantIds: ['<default>', 'acme'] }, '[<default>, acme]'],
    ])('refuses POST %s (%s) naming another tenant', async (path, request, body, tenants) => {
      // when
      const res = await restCall(env, 'POST', path, body);
      // then
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ title: 'INVALID_ARGUMENT', detail: restRefusal(request, tenants) });
    });

    it('refuses a deployment for another tenant', async () => {
      // given
      const form = new FormData();
      form.append('resources', new Blob(['<bpmn:definitions/>']), 'other.bpmn');
      form.append('tenantId', 'acme');
      // when
      const res = await fetch(`${env.restUrl}/deployments`, { method: 'POST', body: form });
      // then
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ title: 'INVALID_ARGUMENT', detail: restRefusal('Deploy Resources', 'acme') });
    });
  });
});
