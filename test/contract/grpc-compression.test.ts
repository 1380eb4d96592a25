import { gunzipSync } from 'node:zlib';
import * as protoLoader from '@grpc/proto-loader';
import type { Camunda8 } from '@camunda8/sdk';
import { startGrpcRecorder, type GrpcRecorder } from './grpc-recorder';
import { fixture, NOW, sdkFor, startContractEnv, type ContractEnv, describeEmbedded } from './harness';

/** Decodes a CreateProcessInstance request with the SDK's own protocol definition. */
function decodeCreateRequest(message: Buffer): { bpmnProcessId: string; variables: string } {
  const definition = protoLoader.loadSync(require.resolve('@camunda8/sdk/dist/proto/zeebe.proto'), { keepCase: true, longs: String, enums: String, defaults: true });
  const method = (definition['gateway_protocol.Gateway'] as Record<string, protoLoader.MethodDefinition<unknown, unknown>>).CreateProcessInstance;
  return method.requestDeserialize(message) as { bpmnProcessId: string; variables: string };
}

describeEmbedded('gzip-compressed gRPC requests from @camunda8/sdk', () => {
  let env: ContractEnv;
  let recorder: GrpcRecorder;
  let c8: Camunda8;

  beforeAll(async () => {
    env = await startContractEnv();
    await env.zbc.deployResource({ processFilename: fixture('contract-service.bpmn') });
    recorder = await startGrpcRecorder(env.gateways.grpcPort);
    // The same SDK settings, but its gRPC channel goes through the recorder.
    c8 = sdkFor({ ...env.gateways, grpcPort: recorder.port });
  });
  afterAll(async () => {
    await c8.closeAllClients();
    await recorder.close();
    await env.close();
  });

  it('sends gzip-compressed messages that the gateway decompresses and the engine executes', async () => {
    // given
    const variables = { 企业: '峄城水泥厂', 隐患: Array.from({ length: 20 }, (_, i) => `第${i + 1}项：消防通道堵塞`) };
    // when
    const created = await c8.getZeebeGrpcApiClient().createProcessInstance({ bpmnProcessId: 'contract-service', variables });
    // then
    const call = recorder.calls.find((c) => c.path === '/gateway_protocol.Gateway/CreateProcessInstance');
    expect(call?.encoding).toBe('gzip');
    const frame = call?.frame ?? Buffer.alloc(5);
    expect(frame.readUInt8(0)).toBe(1);
    expect(frame.readUInt32BE(1)).toBe(frame.length - 5);
    const request = decodeCreateRequest(gunzipSync(frame.subarray(5)));
    expect(request.bpmnProcessId).toBe('contract-service');
    expect(JSON.parse(request.variables)).toEqual(variables);
    const stored = await env.rest.searchVariables({ filter: { processInstanceKey: created.processInstanceKey, name: '企业' } } as never, NOW);
    expect(stored.items.map((v) => v.value)).toEqual(['"峄城水泥厂"']);
  });
});
